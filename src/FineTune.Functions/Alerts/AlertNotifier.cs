using FineTune.Core;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Alerts;

/// <summary>Hands an alert to every webhook of its workspace that wants it, through the <c>alert-deliveries</c> queue.</summary>
public sealed partial class AlertNotifier(SubscriptionStore subscriptions, AlertDeliveryQueue queue, ILogger<AlertNotifier> logger)
{
    /// <summary>
    /// Enqueues one delivery of <paramref name="alert"/> per subscription of <paramref name="workspace"/> that matches it
    /// (its scenario, if it names one, and at least its minimum severity). Touches no queue when none does.
    /// </summary>
    /// <returns>How many deliveries were enqueued.</returns>
    public async Task<int> NotifyAsync(string workspace, Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(alert);
        IReadOnlyList<AlertSubscription> all = await subscriptions.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        int enqueued = 0;
        foreach (AlertSubscription subscription in all.Where(subscription => subscription.Matches(alert)))
        {
            await queue.EnqueueAsync(new AlertDeliveryMessage(workspace, subscription.Id, alert), cancellationToken).ConfigureAwait(false);
            enqueued++;
        }
        LogNotified(alert.Id, workspace, enqueued);
        return enqueued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} of workspace {Workspace}: {Deliveries} deliveries enqueued")]
    private partial void LogNotified(string alertId, string workspace, int deliveries);
}
