using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// GET /api/scenarios/{id}/analysis: the analysis of a stored scenario, its benchmarks placed in the benchmark
/// bands as they stand now (the bands its comparison uses).
/// </summary>
public sealed class GetScenarioAnalysis(ScenarioStore store, BenchmarkBandStore bands)
{
    /// <summary>
    /// 200 with the analysis; 404 when the workspace has no such scenario; 422 naming the rules a stored row written when
    /// they were looser (or by hand) breaks.
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
        BenchmarkBandSet current = await bands.GetAsync(cancellationToken);
        return ApiResults.Analysis(Analyzer.Analyze(stored.Value.Scenario, current.Bands));
    }
}
