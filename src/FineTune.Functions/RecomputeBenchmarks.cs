using FineTune.Functions.Recompute;
using FineTune.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>POST /api/benchmarks/recompute: runs the benchmark recompute now. Admin only.</summary>
public sealed class RecomputeBenchmarks(BenchmarkRecompute recompute)
{
    /// <summary>200 with what the run did. A manual run always runs; slot idempotency is the timer's.</summary>
    [Function(nameof(RecomputeBenchmarks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "benchmarks/recompute")] HttpRequest request,
        CancellationToken cancellationToken) =>
        BenchmarkResults.Summary(await recompute.RunManualAsync(cancellationToken: cancellationToken));
}
