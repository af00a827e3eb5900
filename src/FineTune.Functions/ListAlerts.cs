using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Primitives;

namespace FineTune.Functions;

/// <summary>GET /api/alerts?scenarioId=&amp;since=&amp;pageSize=&amp;continuationToken=: the workspace's alerts, newest first.</summary>
public sealed class ListAlerts(ScenarioStore scenarios, AlertStore alerts)
{
    /// <summary>
    /// 200 <c>{items, continuationToken}</c>: alerts that stand (withdrawn ones left out), newest first, only the scenario's with
    /// <c>scenarioId</c>, only those fired at or after <c>since</c>; 400 for a malformed parameter; 404 for a scenario the
    /// workspace does not have.
    /// </summary>
    [Function(nameof(ListAlerts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
        }
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
        if (tokens.Count > 1 || (token is not null && !AlertStore.IsWellFormedContinuationToken(workspace.Value, token)))
        {
            errors["continuationToken"] = ["Must be a continuationToken from a previous page of this workspace's list."];
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors);
        }
        string? scenarioId = scenarioIds is [{ Length: > 0 } id] ? id : null;
        if (scenarioId is not null && await scenarios.GetAsync(workspace.Value, scenarioId, cancellationToken) is null)
        {
            return Problems.ScenarioNotFound();
        }
        AlertPage? page = await alerts.ListAsync(workspace.Value, scenarioId, since, pageSize, token, cancellationToken);
        return page is null ? Problems.BadRequest("continuationToken", "The continuationToken is no longer valid.") : MonitorResults.Alerts(page);
    }
}
