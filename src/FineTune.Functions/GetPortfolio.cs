using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/portfolio: the workspace's AI features side by side, the feature-level P&amp;L.</summary>
public sealed class GetPortfolio(ScenarioStore scenarios, ReferenceData reference, UsageStore usage, TimeProvider timeProvider)
{
    // Scenarios whose last 30 days are read at once.
    private const int Parallelism = 8;

    /// <summary>
    /// 200 with each scenario's recommendation, monthly run rate, revenue and margin of the approach in production, its last 30
    /// days' actual spend against plan, and the totals; scenarios in the order of their ids, which is the order they were created in.
    /// </summary>
    [Function(nameof(GetPortfolio))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "portfolio")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
        }
        DateOnly today = MonitorPlans.DayOf(timeProvider.GetUtcNow());
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        var stored = new List<(StoredScenario Stored, Scenario Scenario)>();
        string? token = null;
        do
        {
            ScenarioPage page = (await scenarios.ListAsync(workspace.Value, 1000, token, cancellationToken))!;
            // A stored row today's rules refuse, or that names a model the catalog can no longer price, has no plan to compare
            // with: it is left out, as the recompute leaves it out.
            foreach (StoredScenario item in page.Items)
            {
                if (item.Parse().Scenario is { } scenario && snapshot.Price(scenario, timeProvider) is { IsValid: true } priced)
                {
                    stored.Add((item, priced.Priced.Scenario));
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null);

        var lines = new PortfolioLine[stored.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, stored.Count), options, async (i, token) =>
        {
            (StoredScenario row, Scenario scenario) = stored[i];
            MonitorPlan plan = MonitorPlans.For(row, scenario);
            IReadOnlyList<StoredUsageDay> days = await usage.ReadAsync(workspace.Value, row.Id, PortfolioReport.RecentFrom(today), today, token);
            lines[i] = PortfolioReport.Line(row.Id, scenario, plan, MonitorPlans.Days(plan, days), today);
        });
        return MonitorResults.Portfolio(today, PortfolioReport.Of(lines));
    }
}
