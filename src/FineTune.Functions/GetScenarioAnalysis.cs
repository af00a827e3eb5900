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
    /// 200 with the analysis, with the sections <c>include</c> asks for; 400 for an unknown section; 404 when the workspace
    /// has no such scenario; 422 naming the rules a stored row written when they were looser (or by hand) breaks, or the
    /// models the price catalog can no longer price.
    /// </summary>
    [Function(nameof(GetScenarioAnalysis))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/analysis")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<AnalysisSections> sections = request.ReadAnalysisSections();
        if (sections.IsRefused)
        {
            return sections.Refusal;
        }
        RequestValue<PricedStoredScenario> stored = await request.ReadOwnPricedScenarioAsync(store, reference, timeProvider, id, cancellationToken);
        return stored.IsRefused ? stored.Refusal : ApiResults.Analysis(stored.Value.Snapshot.Analyze(stored.Value.Priced, sections.Value));
    }
}
