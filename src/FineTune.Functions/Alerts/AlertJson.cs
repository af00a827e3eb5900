using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Alerts;

/// <summary>
/// One message of the <c>alert-deliveries</c> queue: deliver <paramref name="Alert"/> to one subscription. The alert is
/// written as the API writes it, so the delivered body is those bytes exactly.
/// </summary>
public sealed record AlertDeliveryMessage(string Workspace, string SubscriptionId, Alert Alert);

/// <summary>The body of a created subscription; <paramref name="Secret"/> is shown only here.</summary>
/// <param name="ScenarioId">Only this scenario's alerts; <c>null</c> for every scenario of the workspace.</param>
public sealed record SubscriptionResource(string Id, string Secret, string NotificationUrl, string? ScenarioId, AlertSeverity MinimumSeverity)
{
    /// <summary>The API's view of a new subscription.</summary>
    public static SubscriptionResource From(AlertSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(subscription.Id, subscription.Secret, subscription.NotificationUrl.AbsoluteUri, subscription.ScenarioId,
            subscription.MinimumSeverity);
    }
}

/// <summary>Source-generated JSON of alerts and subscriptions: camelCase, kebab-case enums, nulls written, decimals rounded once.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(AlertDeliveryMessage))]
[JsonSerializable(typeof(SubscriptionResource))]
public sealed partial class AlertJsonContext : JsonSerializerContext;
