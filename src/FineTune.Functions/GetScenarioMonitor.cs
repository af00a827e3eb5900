using FineTune.Functions.Http;
using FineTune.Functions.Reference;
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
        RequestValue<ScenarioMonitorView> monitor = await ScenarioMonitor.ReadAsync(request, stored.Value, usage, alerts, timeProvider, cancellationToken);
        return monitor.IsRefused
            ? monitor.Refusal
            : MonitorResults.Monitor(MonitorResource.Of(id, monitor.Value.View, monitor.Value.Alerts));
    }
}
