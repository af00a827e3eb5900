using FineTune.Core;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;

namespace FineTune.Functions.Http;

/// <summary>A stored scenario's monitor view over the window a request asks for, and the standing alerts of its days.</summary>
/// <param name="Alerts">Alerts dated within the view; withdrawn ones left out.</param>
public sealed record ScenarioMonitorView(MonitorView View, IReadOnlyList<StoredAlert> Alerts);

/// <summary>What the monitor and its chart read: the plan, the window (<c>from</c>, <c>to</c>), the usage and the alerts.</summary>
public static class ScenarioMonitor
{
    /// <summary>
    /// The view of <paramref name="stored"/>, costed at its prices, from <c>from</c> (default the monitoring start) to <c>to</c> (default today, UTC),
    /// or the 400 that names every bad parameter.
    /// </summary>
    public static async Task<RequestValue<ScenarioMonitorView>> ReadAsync(
        HttpRequest request, PricedStoredScenario stored, UsageStore usage, AlertStore alerts, TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        MonitorPlan plan = MonitorPlans.For(stored.Stored, stored.Scenario);
        DateOnly today = MonitorPlans.DayOf(timeProvider.GetUtcNow());
        RequestValue<(DateOnly From, DateOnly To)> window = request.ReadMonitorWindow(plan, today);
        if (window.IsRefused)
        {
            return RequestValue<ScenarioMonitorView>.Refuse(window.Refusal);
        }
        (DateOnly from, DateOnly to) = window.Value;
        string workspace = stored.Stored.Workspace, id = stored.Stored.Id;
        Task<IReadOnlyList<StoredAlert>> dated = alerts.ReadScenarioAsync(workspace, id, from, to, cancellationToken);
        DateOnly last = to > plan.HorizonEnd ? to : plan.HorizonEnd;
        Dictionary<DateOnly, DayUsage> days = MonitorPlans.Days(plan, await usage.ReadAsync(workspace, id, plan.StartDate, last, cancellationToken));
        MonitorView view = MonitorReport.Build(plan, days, from, to, today);
        return RequestValue<ScenarioMonitorView>.Accept(new ScenarioMonitorView(view, [.. (await dated).Where(a => !a.Withdrawn)]));
    }
}
