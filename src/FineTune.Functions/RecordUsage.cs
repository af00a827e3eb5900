using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>POST /api/scenarios/{id}/usage: records daily actual usage of a stored scenario and evaluates its alert rules.</summary>
public sealed class RecordUsage(ScenarioStore scenarios, ReferenceData reference, UsageIngestion ingestion, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 <c>{accepted, replaced, unchanged, alerts}</c>, the alerts those this batch fired for the first time; 400 naming every
    /// refused value by its JSON path; 404 when the workspace has no such scenario; 422 for a stored row today's rules refuse,
    /// or that names a model the price catalog can no longer price.
    /// </summary>
    [Function(nameof(RecordUsage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "scenarios/{id}/usage")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<PricedStoredScenario> stored = await request.ReadOwnPricedScenarioAsync(scenarios, reference, timeProvider, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        MonitorPlan plan = MonitorPlans.For(stored.Value.Stored, stored.Value.Scenario);
        var context = new UsageContext(stored.Value.Scenario.Approaches.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), plan.ApproachId,
            plan.StartDate, MonitorPlans.DayOf(timeProvider.GetUtcNow()));
        RequestValue<IReadOnlyList<UsageRecord>> records = await request.ReadJsonBodyAsync(body => UsageBody.Parse(body, context), cancellationToken);
        if (records.IsRefused)
        {
            return records.Refusal;
        }
        return MonitorResults.Receipt(await ingestion.RecordAsync(stored.Value.Stored, plan, records.Value, cancellationToken));
    }
}
