using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>PUT /api/scenarios/{id}: replaces a stored scenario, honouring <c>If-Match</c>.</summary>
public sealed class UpdateScenario(ScenarioStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the new version and its <c>ETag</c>; 400 for a scenario that is not valid, or names a model the price catalog
    /// cannot price; 404 when absent; 412 when <c>If-Match</c> is stale.
    /// </summary>
    [Function(nameof(UpdateScenario))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "scenarios/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        RequestValue<IReadOnlyList<string>?> ifMatch = request.ReadIfMatch();
        if (workspace.IsRefused || ifMatch.IsRefused)
        {
            return workspace.Refusal ?? ifMatch.Refusal!;
        }
        RequestValue<Scenario> scenario = await request.ReadScenarioAsync(cancellationToken);
        if (scenario.IsRefused)
        {
            return scenario.Refusal;
        }
        // Stored as written, model ids included; refused now if the catalog cannot price it, as its analysis would be.
        PriceResolution priced = (await reference.GetAsync(cancellationToken)).Price(scenario.Value, timeProvider);
        if (!priced.IsValid)
        {
            return Problems.ScenarioUnpriced(priced.Errors);
        }
        UpdateResult result = await store.UpdateAsync(workspace.Value, id, scenario.Value, ifMatch.Value, cancellationToken);
        return result.Status switch
        {
            WriteStatus.Done => ApiResults.Scenario(result.Scenario!),
            WriteStatus.PreconditionFailed => Problems.PreconditionFailed(),
            _ => Problems.ScenarioNotFound(workspace.Value, id),
        };
    }
}
