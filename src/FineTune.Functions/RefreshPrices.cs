using FineTune.Functions.Http;
using FineTune.Functions.Prices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>POST /api/models/refresh: reads the Azure Retail Prices API into the catalog now. Admin only.</summary>
public sealed class RefreshPrices(PriceRefresh refresh)
{
    /// <summary>200 with what the run did; 502 when the price API failed (the catalog unchanged). A manual run always runs.</summary>
    [Function(nameof(RefreshPrices))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/refresh")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PriceResults.Refresh(await refresh.RunManualAsync(cancellationToken));
}
