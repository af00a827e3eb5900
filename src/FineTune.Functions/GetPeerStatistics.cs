using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/benchmarks/peers: the peer statistics the last recompute published, aggregates visible to every workspace.</summary>
public sealed class GetPeerStatistics(PeerStatisticsStore peers)
{
    /// <summary>200 <c>{computedAt, segments}</c>; <c>{computedAt: null, segments: []}</c> before any recompute.</summary>
    [Function(nameof(GetPeerStatistics))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "benchmarks/peers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        BenchmarkResults.Peers(await peers.GetAsync(cancellationToken));
}
