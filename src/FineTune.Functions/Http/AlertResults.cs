using System.Text.Json;
using FineTune.Functions.Alerts;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>The successful responses of the subscription functions.</summary>
public static class AlertResults
{
    /// <summary>201 with the new subscription and the <c>Location</c> that deletes it.</summary>
    public static IActionResult Subscription(AlertSubscription subscription, string location) =>
        new JsonBodyResult(
                StatusCodes.Status201Created,
                JsonSerializer.SerializeToUtf8Bytes(SubscriptionResource.From(subscription), AlertJsonContext.Default.SubscriptionResource))
            .WithHeader(HeaderNames.Location, location);
}
