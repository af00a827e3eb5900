using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/models/{provider}/{model}: a catalog entry priced alike for every deployment, with its history.</summary>
public sealed class GetModel(PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>200 <c>{current, history}</c>; 400 for a route that names no id; 404 with similar ids for an unknown one.</summary>
    [Function(nameof(GetModel))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{provider}/{model}")] HttpRequest request,
        string provider,
        string model,
        CancellationToken cancellationToken) =>
        ModelRequests.GetAsync(store, reference, timeProvider, provider, model, null, cancellationToken);
}
