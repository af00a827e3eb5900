using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// DELETE /api/subscriptions/{id}: removes a webhook. Anonymous: the id is 128 random bits handed out only in the
/// subscription's <c>Location</c>, and Power Automate may call that without the function key.
/// </summary>
public sealed class Unsubscribe(SubscriptionStore subscriptions)
{
    /// <summary>204, also when there is no such subscription (any more): Power Automate deletes again on every flow edit.</summary>
    [Function(nameof(Unsubscribe))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "subscriptions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        await subscriptions.DeleteByIdAsync(id, cancellationToken);
        return ApiResults.NoContent();
    }
}
