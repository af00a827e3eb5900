using System.Globalization;
using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios/{id}/monitor?from=&amp;to=: a stored scenario's actual usage against its plan.</summary>
public sealed class GetScenarioMonitor(ScenarioStore scenarios, UsageStore usage, AlertStore alerts, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the days and months from <c>from</c> (default the monitoring start) to <c>to</c> (default today, UTC), the period
    /// to date, the forecast of the horizon's cost and the alerts of those days; 400 for a date before the monitoring start, a
    /// window over 3,660 days or one that ends before it starts; 404 when the workspace has no such scenario.
    /// </summary>
    [Function(nameof(GetScenarioMonitor))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/monitor")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<StoredScenario> stored = await request.ReadOwnScenarioAsync(scenarios, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        MonitorPlan plan = MonitorPlans.For(stored.Value);
        DateOnly today = MonitorPlans.DayOf(timeProvider.GetUtcNow());
        RequestValue<(DateOnly From, DateOnly To)> window = ReadWindow(request, plan, today);
        if (window.IsRefused)
        {
            return window.Refusal;
        }
        (DateOnly from, DateOnly to) = window.Value;
        string workspace = stored.Value.Workspace;
        Task<IReadOnlyList<StoredAlert>> dated = alerts.ReadScenarioAsync(workspace, id, from, to, cancellationToken);
        DateOnly last = to > plan.HorizonEnd ? to : plan.HorizonEnd;
        Dictionary<DateOnly, DayUsage> days = MonitorPlans.Days(plan, await usage.ReadAsync(workspace, id, plan.StartDate, last, cancellationToken));
        MonitorView view = MonitorReport.Build(plan, days, from, to, today);
        return MonitorResults.Monitor(MonitorResource.Of(id, view, await dated));
    }

    /// <summary><c>from</c> and <c>to</c>, defaults applied; every problem at once.</summary>
    private static RequestValue<(DateOnly From, DateOnly To)> ReadWindow(HttpRequest request, MonitorPlan plan, DateOnly today)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        if (request.ReadDateQuery("from", out DateOnly? fromQuery) is { } fromError)
        {
            errors["from"] = [fromError];
        }
        if (request.ReadDateQuery("to", out DateOnly? toQuery) is { } toError)
        {
            errors["to"] = [toError];
        }
        DateOnly to = toQuery ?? (today > plan.StartDate ? today : plan.StartDate);
        DateOnly earliest = to.AddDays(1 - MonitorReport.MaxDays);
        DateOnly from = fromQuery ?? (earliest > plan.StartDate ? earliest : plan.StartDate);
        if (!errors.ContainsKey("from") && from < plan.StartDate)
        {
            errors["from"] = [string.Create(CultureInfo.InvariantCulture, $"Must be on or after the monitoring start date, {plan.StartDate:yyyy-MM-dd}.")];
        }
        if (!errors.ContainsKey("to") && to > MonitorReport.LatestDate)
        {
            errors["to"] = [string.Create(CultureInfo.InvariantCulture, $"Must be on or before {MonitorReport.LatestDate:yyyy-MM-dd}.")];
        }
        if (errors.Count == 0 && (to < from || to.DayNumber - from.DayNumber >= MonitorReport.MaxDays))
        {
            errors["to"] = [string.Create(CultureInfo.InvariantCulture,
                $"Must be from {from:yyyy-MM-dd} to {MonitorReport.MaxDays} days after it: a window of 1 to {MonitorReport.MaxDays} days.")];
        }
        return errors.Count > 0 ? new RefusalResult(Problems.BadRequest(errors)) : RequestValue<(DateOnly, DateOnly)>.Accept((from, to));
    }
}
