using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// GET /api/scenarios/{id}/analysis: the analysis of a stored scenario against the instance's reference data, the same
/// bands and prices <c>POST /api/analyses</c> uses, so the stored and the stateless analysis of one scenario agree. A
/// model it names is priced as of its <c>pricesAsOf</c>, else today.
/// </summary>
public sealed class GetScenarioAnalysis(ScenarioStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the analysis; 404 when the workspace has no such scenario; 422 naming the rules a stored row written when
    /// they were looser (or by hand) breaks, or the models the price catalog can no longer price.
    /// </summary>
    [Function(nameof(GetScenarioAnalysis))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/analysis")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<ValidStoredScenario> stored = await request.ReadOwnValidScenarioAsync(store, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        PriceResolution priced = snapshot.Price(stored.Value.Scenario, timeProvider);
        return priced.IsValid ? ApiResults.Analysis(snapshot.Analyze(priced.Priced)) : Problems.StoredScenarioUnpriced(priced.Errors);
    }
}
