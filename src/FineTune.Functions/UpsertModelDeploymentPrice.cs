using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>PUT /api/models/{provider}/{model}/{deployment}: a new version of a catalog entry of one deployment type. Admin only.</summary>
public sealed class UpsertModelDeploymentPrice(PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>200 the version; 400 naming every problem; 413 and 415 as for scenarios.</summary>
    [Function(nameof(UpsertModelDeploymentPrice))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "models/{provider}/{model}/{deployment}")] HttpRequest request,
        string provider,
        string model,
        string deployment,
        CancellationToken cancellationToken) =>
        ModelRequests.UpsertAsync(request, store, reference, timeProvider, provider, model, deployment, cancellationToken);
}
