using Azure.Storage.Queues.Models;
using FineTune.Functions.Alerts;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// Queue <c>alert-deliveries</c>: POSTs one alert to one webhook, signed, with its idempotency key. A failure throws
/// so the queue tries again, each time after a longer wait; after host.json's <c>maxDequeueCount</c> tries the message
/// rests in <c>alert-deliveries-poison</c>. A 410 from the receiver deletes the subscription.
/// </summary>
public sealed class DeliverAlert(AlertDeliverer deliverer)
{
    /// <summary>Delivers the message's alert to its subscription.</summary>
    [Function(nameof(DeliverAlert))]
    public Task Run(
        [QueueTrigger(AlertDeliveryQueue.QueueName)] QueueMessage message,
        CancellationToken cancellationToken) =>
        deliverer.DeliverAsync(message, cancellationToken);
}
