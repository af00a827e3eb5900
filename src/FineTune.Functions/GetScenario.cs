using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios/{id}: one stored scenario of the caller's workspace.</summary>
public sealed class GetScenario(ScenarioStore store)
{
    /// <summary>200 with the scenario and its <c>ETag</c>; 404 when the workspace has no such scenario.</summary>
    [Function(nameof(GetScenario))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<StoredScenario> stored = await request.ReadOwnScenarioAsync(store, id, cancellationToken);
        return stored.IsRefused ? stored.Refusal : ApiResults.Scenario(stored.Value);
    }
}
