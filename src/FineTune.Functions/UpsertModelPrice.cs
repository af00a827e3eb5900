using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// PUT /api/models/{provider}/{model}: a new version of a catalog entry priced alike for every deployment, for providers
/// without a price API. Admin only.
/// </summary>
public sealed class UpsertModelPrice(PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>200 the version; 400 naming every problem; 413 and 415 as for scenarios.</summary>
    [Function(nameof(UpsertModelPrice))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "models/{provider}/{model}")] HttpRequest request,
        string provider,
        string model,
        CancellationToken cancellationToken) =>
        ModelRequests.UpsertAsync(request, store, reference, timeProvider, provider, model, null, cancellationToken);
}
