using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>DELETE /api/scenarios/{id}: removes a stored scenario, its usage and its alerts, honouring <c>If-Match</c>.</summary>
public sealed class DeleteScenario(ScenarioStore store, UsageStore usage, AlertStore alerts)
{
    /// <summary>
    /// 204; 404 when absent; 412 when <c>If-Match</c> is stale. The scenario goes first, so its usage is unreachable at once; its
    /// usage and alerts follow, and a repeated delete (404) removes whatever an interrupted one left.
    /// </summary>
    [Function(nameof(DeleteScenario))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "scenarios/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        RequestValue<IReadOnlyList<string>?> ifMatch = request.ReadIfMatch();
        if (workspace.IsRefused || ifMatch.IsRefused)
        {
            return workspace.Refusal ?? ifMatch.Refusal!;
        }
        WriteStatus status = await store.DeleteAsync(workspace.Value, id, ifMatch.Value, cancellationToken);
        if (status != WriteStatus.PreconditionFailed && ScenarioStore.IsWellFormedId(id))
        {
            await usage.DeleteScenarioAsync(workspace.Value, id, cancellationToken);
            await alerts.DeleteScenarioAsync(workspace.Value, id, cancellationToken);
        }
        return status switch
        {
            WriteStatus.Done => ApiResults.NoContent(),
            WriteStatus.PreconditionFailed => Problems.PreconditionFailed(),
            _ => Problems.ScenarioNotFound(workspace.Value, id),
        };
    }
}
