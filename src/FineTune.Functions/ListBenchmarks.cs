using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/benchmarks: the benchmark bands in force and their version.</summary>
public sealed class ListBenchmarks(BenchmarkBandStore bands)
{
    /// <summary>200 <c>{version, bands}</c>; the seed bands on first use.</summary>
    [Function(nameof(ListBenchmarks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "benchmarks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        BenchmarkResults.Bands(await bands.GetAsync(cancellationToken));
}
