using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// PUT /api/benchmarks/{segment}/{metric}: creates or replaces one band and bumps the bands' version; this instance's
/// analyses use it at once, the others within <c>ReferenceData__RefreshSeconds</c>. Admin only.
/// </summary>
public sealed class UpsertBenchmarkBand(BenchmarkBandStore bands, ReferenceData reference)
{
    /// <summary>
    /// 200 with the band; 400 naming every problem (an unknown segment or metric, a direction against the metric's
    /// nature, thresholds out of order); 413 and 415 as for scenarios.
    /// </summary>
    [Function(nameof(UpsertBenchmarkBand))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "benchmarks/{segment}/{metric}")] HttpRequest request,
        string segment,
        string metric,
        CancellationToken cancellationToken)
    {
        RequestValue<BenchmarkBand> band = await request.ReadJsonBodyAsync(
            body => BandBody.Parse(body, segment, metric), cancellationToken);
        if (band.IsRefused)
        {
            return band.Refusal;
        }
        await bands.UpsertAsync(band.Value, cancellationToken);
        await reference.RefreshNowAsync(cancellationToken);
        return BenchmarkResults.Band(band.Value);
    }
}
