using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>POST /api/alerts/{id}/acknowledge: marks an alert as seen by someone who acts on it.</summary>
public sealed class AcknowledgeAlert(AlertStore alerts)
{
    /// <summary>200 with the alert, acknowledged now or when it was first acknowledged; 404 when the workspace has no such alert.</summary>
    [Function(nameof(AcknowledgeAlert))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{id}/acknowledge")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
        }
        StoredAlert? alert = await alerts.AcknowledgeAsync(workspace.Value, id, cancellationToken);
        return alert is null ? Problems.NotFound("No alert with this id in this workspace.") : MonitorResults.Alert(alert);
    }
}
