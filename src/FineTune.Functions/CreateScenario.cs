using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>POST /api/scenarios: stores a scenario in the caller's workspace.</summary>
public sealed class CreateScenario(ScenarioStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>
    /// 201 with the stored scenario and its <c>Location</c> and <c>ETag</c>; 400 for a scenario that is not valid, or names a
    /// model the price catalog cannot price.
    /// </summary>
    [Function(nameof(CreateScenario))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "scenarios")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
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
        StoredScenario stored = await store.CreateAsync(workspace.Value, scenario.Value, cancellationToken);
        string location = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{stored.Id}";
        return ApiResults.Scenario(stored, StatusCodes.Status201Created, location);
    }
}
