using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FineTune.Functions;
using FineTune.Functions.Queues;
using FineTune.Storage;

namespace FineTune.LocalHost;

/// <summary>
/// Serves every queue-triggered function as the Functions host's queue listener does, with host.json's
/// <c>extensions.queues</c> settings: polls the queue (waiting longer, up to <c>maxPollingInterval</c>, while it stays
/// empty), runs the function once per message with up to <c>batchSize</c> in flight, deletes a message whose run
/// succeeded, makes one whose run failed visible again after <c>visibilityTimeout</c>, and moves one that failed
/// <c>maxDequeueCount</c> times to <c>&lt;queue&gt;-poison</c>. Unlike the Functions host it does not renew a message's
/// invisibility during a run longer than ten minutes.
/// </summary>
internal sealed partial class QueueTriggerService(
    LocalFunctionApp functions,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    QueueHostOptions options,
    TimeProvider timeProvider,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    /// <summary>The suffix of the queue a message moves to when it keeps failing.</summary>
    public const string PoisonSuffix = "-poison";

    // How long a received message stays invisible while its function runs, as the Functions host receives it.
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.QueueFunctions.Select(function => ListenAsync(function, stoppingToken)));

    private async Task ListenAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        QueueServiceClient service = QueueConnection.CreateClient(
            FunctionsServiceCollectionExtensions.ReadQueueStorageSettings(configuration, function.Connection), options.MessageEncoding);
        QueueClient queue = service.GetQueueClient(function.QueueName);
        QueueClient poison = service.GetQueueClient(function.QueueName + PoisonSuffix);
        var processing = new List<Task>();
        TimeSpan wait = QueueHostOptions.MinimumPollingInterval;
        bool queueExists = false;
        LogListening(function.Name, function.QueueName);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch = [];
            try
            {
                // Like the Functions host, look for the queue before reading it: a queue nobody has written to yet is
                // no error, only a reason to wait.
                queueExists = queueExists || await queue.ExistsAsync(stoppingToken);
                if (queueExists)
                {
                    batch = (await queue.ReceiveMessagesAsync(options.BatchSize, ProcessingVisibility, stoppingToken)).Value;
                }
            }
            catch (Exception e) when (IsStorageFailure(e, stoppingToken))
            {
                queueExists = false;
                LogPollFailed(e, function.Name, function.QueueName, wait);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (batch.Length == 0)
            {
                // An empty (or unreachable) queue is read less and less often, up to maxPollingInterval.
                if (!await DelayAsync(wait, stoppingToken))
                {
                    break;
                }
                wait = wait * 2 < options.MaxPollingInterval ? wait * 2 : options.MaxPollingInterval;
                continue;
            }
            wait = QueueHostOptions.MinimumPollingInterval;
            processing.AddRange(batch.Select(message => ProcessAsync(function, queue, poison, message, stoppingToken)));
            // As the Functions host does: the next batch once no more than newBatchThreshold messages are in flight.
            while (processing.Count > options.NewBatchThreshold)
            {
                processing.Remove(await Task.WhenAny(processing));
            }
            processing.RemoveAll(task => task.IsCompleted);
        }
        await Task.WhenAll(processing);
    }

    private async Task ProcessAsync(
        QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message);
                return;
            }
            bool succeeded;
            await using (AsyncServiceScope scope = scopes.CreateAsyncScope())
            {
                try
                {
                    await function.Invoke(scope.ServiceProvider, message, stoppingToken);
                    succeeded = true;
                }
                catch (Exception e)
                {
                    // A failed run is what the queue retries: it is reported here and decides the message's fate below.
                    LogRunFailed(e, function.Name, message.MessageId, message.DequeueCount);
                    succeeded = false;
                }
            }
            // Completion is not cancelled by shutdown, as in the Functions host: a finished run is always recorded.
            if (succeeded)
            {
                await TolerateTakenOverAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None));
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message);
            }
            else
            {
                await TolerateTakenOverAsync(() => queue.UpdateMessageAsync(
                    message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None));
            }
        }
        catch (Exception e) when (IsStorageFailure(e, CancellationToken.None))
        {
            // The message stays invisible for the rest of its processing visibility, then is tried again.
            LogCompletionFailed(e, function.Name, message.MessageId);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        LogPoisoned(queue.Name, message.MessageId, options.MaxDequeueCount, poison.Name);
        await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await TolerateTakenOverAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None));
    }

    // A pop receipt that no longer matches means someone else (the function itself, to wait longer before the next
    // try) updated the message: it is theirs now. A message or queue that is gone needs nothing more.
    private static async Task TolerateTakenOverAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString())
        {
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsStorageFailure(Exception exception, CancellationToken stoppingToken) =>
        exception is RequestFailedException || StorageFailure.IsUnavailable(exception, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue function {Function} listening to queue {Queue}")]
    private partial void LogListening(string function, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue function {Function} could not read queue {Queue}; trying again in {Wait}")]
    private partial void LogPollFailed(Exception exception, string function, string queue, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue function {Function} failed on message {MessageId} (try {DequeueCount})")]
    private partial void LogRunFailed(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue function {Function} could not complete message {MessageId}; it will be tried again")]
    private partial void LogCompletionFailed(Exception exception, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} of queue {Queue} has reached MaxDequeueCount of {MaxDequeueCount}. Moving it to queue {PoisonQueue}")]
    private partial void LogPoisoned(string queue, string messageId, int maxDequeueCount, string poisonQueue);
}
