using System.Globalization;
using FineTune.Core;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FineTune.Functions.Http;

/// <summary>The query parameters of the monitoring functions, read in one place.</summary>
public static class MonitorQuery
{
    /// <summary>An optional <c>YYYY-MM-DD</c> parameter; <c>null</c> when valid (or absent), else the message.</summary>
    public static string? ReadDateQuery(this HttpRequest request, string name, out DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        if (!request.Query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        if (values is [{ } text] && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            value = date;
            return null;
        }
        return "Must be one date written YYYY-MM-DD.";
    }

    /// <summary>An optional RFC 3339 date and time with its offset; <c>null</c> when valid (or absent), else the message.</summary>
    public static string? ReadTimeQuery(this HttpRequest request, string name, out DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        if (!request.Query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        if (values is [{ Length: >= 20 } text] && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset time))
        {
            value = time;
            return null;
        }
        return "Must be one RFC 3339 date and time with its offset, such as 2026-11-03T00:00:00Z.";
    }

    /// <summary>
    /// The window of <c>GET /api/scenarios/{id}/monitor</c>: <c>from</c> (default the monitoring start, or 3,660 days before
    /// <c>to</c>) and <c>to</c> (default today, or the start when it is later), 1 to 3,660 days on or after the start; every
    /// problem at once.
    /// </summary>
    public static RequestValue<(DateOnly From, DateOnly To)> ReadMonitorWindow(this HttpRequest request, MonitorPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
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

    /// <summary>
    /// The parameters of <c>GET /api/alerts</c> for <paramref name="workspace"/>: <c>scenarioId</c>, <c>since</c>,
    /// <c>pageSize</c> (1..100, default 20) and <c>continuationToken</c>; every problem at once.
    /// </summary>
    public static RequestValue<AlertQuery> ReadAlertQuery(this HttpRequest request, string workspace)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        if (request.ReadIntQuery("pageSize", 1, 100, 20, out int pageSize) is { } pageSizeError)
        {
            errors["pageSize"] = [pageSizeError];
        }
        if (request.ReadTimeQuery("since", out DateTimeOffset? since) is { } sinceError)
        {
            errors["since"] = [sinceError];
        }
        StringValues scenarioIds = request.Query["scenarioId"], tokens = request.Query["continuationToken"];
        if (scenarioIds.Count > 1)
        {
            errors["scenarioId"] = ["Must be one scenario id."];
        }
        string? token = tokens is [{ Length: > 0 } value] ? value : null;
        if (tokens.Count > 1 || (token is not null && !AlertStore.IsWellFormedContinuationToken(workspace, token)))
        {
            errors["continuationToken"] = ["Must be a continuationToken from a previous page of this workspace's list."];
        }
        return errors.Count > 0
            ? new RefusalResult(Problems.BadRequest(errors))
            : RequestValue<AlertQuery>.Accept(new AlertQuery(scenarioIds is [{ Length: > 0 } id] ? id : null, since, pageSize, token));
    }
}

/// <summary>What <c>GET /api/alerts</c> asks for.</summary>
/// <param name="ScenarioId">Only this scenario's alerts; null for all.</param>
/// <param name="Since">Only alerts fired at or after it; null for all.</param>
public sealed record AlertQuery(string? ScenarioId, DateTimeOffset? Since, int PageSize, string? ContinuationToken);
