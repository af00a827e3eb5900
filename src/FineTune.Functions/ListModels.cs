using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// GET /api/models?provider=&amp;q=&amp;asOf=&amp;pageSize=&amp;continuationToken=: the price catalog's entries in effect
/// on a day, a page at a time, by id.
/// </summary>
public sealed class ListModels(PriceCatalogStore store, TimeProvider timeProvider)
{
    /// <summary>200 <c>{items, continuationToken}</c>; 400 naming every bad parameter, or a token this API did not issue.</summary>
    [Function(nameof(ListModels))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = ModelRequests.ReadListQuery(request, timeProvider);
        if (query.IsRefused)
        {
            return query.Refusal;
        }
        ModelPricePage? page = await store.ListAsync(query.Value.Query, query.Value.PageSize, query.Value.ContinuationToken, cancellationToken);
        return page is null ? Problems.BadRequest("continuationToken", "The continuationToken is no longer valid.") : PriceResults.Page(page);
    }
}
