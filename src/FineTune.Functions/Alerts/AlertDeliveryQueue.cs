using System.Text.Json;
using Azure.Storage.Queues;

namespace FineTune.Functions.Alerts;

/// <summary>The <c>alert-deliveries</c> queue: one message per (alert, subscription), created on first use.</summary>
public sealed class AlertDeliveryQueue(QueueServiceClient service)
{
    /// <summary>The queue's name; the Functions host parks what keeps failing in <c>alert-deliveries-poison</c>.</summary>
    public const string QueueName = "alert-deliveries";

    private readonly QueueClient queue = service.GetQueueClient(QueueName);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    /// <summary>Adds a delivery to the queue.</summary>
    public async Task EnqueueAsync(AlertDeliveryMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(message, AlertJsonContext.Default.AlertDeliveryMessage);
        await queue.SendMessageAsync(new BinaryData(body), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the message being delivered invisible for <paramref name="delay"/> before its next try. It takes the
    /// message over: the host's own release of it (after a fixed visibilityTimeout) then finds its pop receipt stale
    /// and leaves it be.
    /// </summary>
    public Task WaitBeforeRetryAsync(string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken = default) =>
        queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);

    private async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
