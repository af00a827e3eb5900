using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/models/{provider}/{model}/{deployment}: a catalog entry of one deployment type, with its history.</summary>
public sealed class GetModelDeployment(PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>200 <c>{current, history}</c>; 400 for a route that names no id; 404 with similar ids for an unknown one.</summary>
    [Function(nameof(GetModelDeployment))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{provider}/{model}/{deployment}")] HttpRequest request,
        string provider,
        string model,
        string deployment,
        CancellationToken cancellationToken) =>
        ModelRequests.GetAsync(store, reference, timeProvider, provider, model, deployment, cancellationToken);
}
