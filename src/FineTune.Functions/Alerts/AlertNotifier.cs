using FineTune.Core;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Alerts;

/// <summary>
/// Hands an alert to every webhook of its workspace that wants it, through the <c>alert-deliveries</c> queue; for a stored
/// alert, then marks it notified.
/// </summary>
public sealed partial class AlertNotifier(
    SubscriptionStore subscriptions, AlertDeliveryQueue queue, AlertStore alerts, ILogger<AlertNotifier> logger)
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
        return await EnqueueAsync(workspace, all, alert, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="NotifyAsync"/> for each of <paramref name="fired"/>, stored alerts not yet notified (each workspace's
    /// subscriptions read once), then marks them notified in <see cref="AlertStore"/>. Should it stop part way, the alerts
    /// left unmarked are enqueued again by the monitoring timer: a delivery may be enqueued twice, never lost, and receivers
    /// process each <c>X-FineTune-Delivery</c> once.
    /// </summary>
    /// <returns>How many deliveries were enqueued.</returns>
    public async Task<int> NotifyFiredAsync(IReadOnlyList<StoredAlert> fired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fired);
        int enqueued = 0;
        foreach (IGrouping<string, StoredAlert> workspace in fired.GroupBy(alert => alert.Workspace, StringComparer.Ordinal))
        {
            IReadOnlyList<AlertSubscription> all = await subscriptions.ListAsync(workspace.Key, cancellationToken).ConfigureAwait(false);
            foreach (StoredAlert alert in workspace)
            {
                enqueued += await EnqueueAsync(workspace.Key, all, alert.Alert, cancellationToken).ConfigureAwait(false);
            }
            // Only after every delivery of these alerts is in the queue.
            await alerts.MarkNotifiedAsync(workspace.Key, [.. workspace], cancellationToken).ConfigureAwait(false);
        }
        return enqueued;
    }

    private async Task<int> EnqueueAsync(
        string workspace, IReadOnlyList<AlertSubscription> all, Alert alert, CancellationToken cancellationToken)
    {
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
