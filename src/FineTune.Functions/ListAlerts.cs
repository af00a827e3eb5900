using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

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
        RequestValue<AlertQuery> query = request.ReadAlertQuery(workspace.Value);
        if (query.IsRefused)
        {
            return query.Refusal;
        }
        (string? scenarioId, DateTimeOffset? since, int pageSize, string? token) = query.Value;
        if (scenarioId is not null && await scenarios.GetAsync(workspace.Value, scenarioId, cancellationToken) is null)
        {
            return Problems.ScenarioNotFound(workspace.Value, scenarioId);
        }
        AlertPage? page = await alerts.ListAsync(workspace.Value, scenarioId, since, pageSize, token, cancellationToken);
        return page is null ? Problems.BadRequest("continuationToken", "The continuationToken is no longer valid.") : MonitorResults.Alerts(page);
    }
}
