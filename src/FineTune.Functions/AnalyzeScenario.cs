using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// POST /api/analyses: analyses the scenario in the body against the instance's reference data (the benchmark bands
/// and the model prices every analysis uses), a model it names priced as of its <c>pricesAsOf</c> or today. Storage is
/// read only to notice new reference data, so it works while storage is down.
/// </summary>
public sealed class AnalyzeScenario(ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the analysis, with the sections <c>include</c> asks for; 400 for an unknown section, or 400, 413 or 415 for a
    /// body that is not a valid scenario; 400 for a model the price catalog cannot price or a price its entry lacks.
    /// </summary>
    [Function(nameof(AnalyzeScenario))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "analyses")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        RequestValue<AnalysisSections> sections = request.ReadAnalysisSections();
        if (workspace.IsRefused || sections.IsRefused)
        {
            return workspace.Refusal ?? sections.Refusal!;
        }
        RequestValue<Scenario> scenario = await request.ReadScenarioAsync(cancellationToken);
        if (scenario.IsRefused)
        {
            return scenario.Refusal;
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        PriceResolution priced = snapshot.Price(scenario.Value, timeProvider);
        return priced.IsValid ? ApiResults.Analysis(snapshot.Analyze(priced.Priced, sections.Value)) : Problems.ScenarioUnpriced(priced.Errors);
    }
}
