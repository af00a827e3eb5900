using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>DELETE /api/scenarios/{id}: removes a stored scenario, honouring <c>If-Match</c>.</summary>
public sealed class DeleteScenario(ScenarioStore store)
{
    /// <summary>204; 404 when absent; 412 when <c>If-Match</c> is stale.</summary>
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
        return await store.DeleteAsync(workspace.Value, id, ifMatch.Value, cancellationToken) switch
        {
            WriteStatus.Done => ApiResults.NoContent(),
            WriteStatus.PreconditionFailed => Problems.PreconditionFailed(),
            _ => Problems.ScenarioNotFound(workspace.Value, id),
        };
    }
}
