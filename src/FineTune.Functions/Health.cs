using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/health: whether the app can reach its storage. Anonymous, for load balancers and probes.</summary>
public sealed class Health(StorageHealth storage)
{
    /// <summary>200 <c>{"status":"healthy"}</c>, or 503 with <c>Retry-After</c> when storage is unreachable.</summary>
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await storage.IsReachableAsync(cancellationToken) ? ApiResults.Healthy() : Problems.StorageUnavailable();
}
