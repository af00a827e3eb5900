using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios/{id}/monitor?from=&amp;to=: a stored scenario's actual usage against its plan.</summary>
public sealed class GetScenarioMonitor(ScenarioStore scenarios, ReferenceData reference, UsageStore usage, AlertStore alerts, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the days and months from <c>from</c> (default the monitoring start) to <c>to</c> (default today, UTC), the period
    /// to date, the forecast of the horizon's cost and the alerts of those days; 400 for a date before the monitoring start, a
    /// window over 3,660 days or one that ends before it starts; 404 when the workspace has no such scenario; 422 for a stored
    /// row today's rules refuse, or that names a model the price catalog can no longer price.
    /// </summary>
    [Function(nameof(GetScenarioMonitor))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/monitor")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<PricedStoredScenario> stored = await request.ReadOwnPricedScenarioAsync(scenarios, reference, timeProvider, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        MonitorPlan plan = MonitorPlans.For(stored.Value.Stored, stored.Value.Scenario);
        DateOnly today = MonitorPlans.DayOf(timeProvider.GetUtcNow());
        RequestValue<(DateOnly From, DateOnly To)> window = request.ReadMonitorWindow(plan, today);
        if (window.IsRefused)
        {
            return window.Refusal;
        }
        (DateOnly from, DateOnly to) = window.Value;
        string workspace = stored.Value.Stored.Workspace;
        Task<IReadOnlyList<StoredAlert>> dated = alerts.ReadScenarioAsync(workspace, id, from, to, cancellationToken);
        DateOnly last = to > plan.HorizonEnd ? to : plan.HorizonEnd;
        Dictionary<DateOnly, DayUsage> days = MonitorPlans.Days(plan, await usage.ReadAsync(workspace, id, plan.StartDate, last, cancellationToken));
        MonitorView view = MonitorReport.Build(plan, days, from, to, today);
        return MonitorResults.Monitor(MonitorResource.Of(id, view, await dated));
    }
}
