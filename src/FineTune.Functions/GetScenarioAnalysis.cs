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
/// bands <c>POST /api/analyses</c> uses, so the stored and the stateless analysis of one scenario agree.
/// </summary>
public sealed class GetScenarioAnalysis(ScenarioStore store, ReferenceData reference)
{
    /// <summary>
    /// 200 with the analysis, with the sections <c>include</c> asks for; 400 for an unknown section; 404 when the workspace
    /// has no such scenario; 422 naming the rules a stored row written when they were looser (or by hand) breaks.
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
        RequestValue<ValidStoredScenario> stored = await request.ReadOwnValidScenarioAsync(store, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        return ApiResults.Analysis(Analyzer.Analyze(stored.Value.Scenario, snapshot.Bands, sections.Value) with { Reference = snapshot.Reference });
    }
}
