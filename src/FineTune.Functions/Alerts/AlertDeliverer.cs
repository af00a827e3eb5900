using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using FineTune.Functions.Queues;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Alerts;

/// <summary>
/// Delivers one message of the <c>alert-deliveries</c> queue: POSTs the alert, signed, to its subscription's URL.
/// A failure throws, so the queue tries again (and parks the message in <c>alert-deliveries-poison</c> after
/// host.json's <c>maxDequeueCount</c>); before it throws, it keeps the message invisible for longer after each failed
/// try (<see cref="QueueHostOptions.RetryDelay"/>), which the Functions host's fixed <c>visibilityTimeout</c> cannot.
/// </summary>
public sealed partial class AlertDeliverer : IDisposable
{
    private readonly SubscriptionStore subscriptions;
    private readonly AlertDeliveryQueue queue;
    private readonly NotificationUrlCheck urls;
    private readonly AlertOptions options;
    private readonly QueueHostOptions queueOptions;
    private readonly ILogger<AlertDeliverer> logger;
    private readonly HttpClient http;

    /// <summary>A deliverer whose connections go only to addresses <paramref name="urls"/> allows at the moment of connecting.</summary>
    public AlertDeliverer(
        SubscriptionStore subscriptions,
        AlertDeliveryQueue queue,
        NotificationUrlCheck urls,
        AlertOptions options,
        QueueHostOptions queueOptions,
        ILogger<AlertDeliverer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.urls = urls;
        this.options = options;
        this.queueOptions = queueOptions;
        this.logger = logger;
        // No proxy (it would connect for us, past the address check) and no redirects (a receiver could point anywhere).
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        http = new HttpClient(handler) { Timeout = options.DeliveryTimeout };
    }

    /// <summary>
    /// Delivers <paramref name="message"/>: done when the receiver answers 2xx, or 410 (the subscription is then
    /// deleted), or when the subscription no longer exists.
    /// </summary>
    /// <exception cref="HttpRequestException">The receiver answered otherwise, could not be reached, or its address is refused now.</exception>
    /// <exception cref="TaskCanceledException">The receiver did not answer within <see cref="AlertOptions.DeliveryTimeout"/>.</exception>
    public async Task DeliverAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        (string workspace, string subscriptionId, string alertId, byte[] body) = Read(message.Body);
        AlertSubscription? subscription = await subscriptions.GetAsync(workspace, subscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            LogSubscriptionGone(alertId, subscriptionId);
            return;
        }
        try
        {
            HttpStatusCode status = await PostAsync(subscription, alertId, body, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.Gone)
            {
                await subscriptions.DeleteAsync(workspace, subscriptionId, cancellationToken).ConfigureAwait(false);
                LogReceiverUnsubscribed(alertId, subscriptionId);
                return;
            }
            if ((int)status is < 200 or > 299)
            {
                throw new HttpRequestException($"The receiver answered {(int)status}.", null, status);
            }
            LogDelivered(alertId, subscriptionId, (int)status, message.DequeueCount);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (message.DequeueCount < queueOptions.MaxDequeueCount)
            {
                TimeSpan delay = queueOptions.RetryDelay(message.DequeueCount);
                await queue.WaitBeforeRetryAsync(message.MessageId, message.PopReceipt, delay, cancellationToken).ConfigureAwait(false);
                LogRetrying(alertId, subscriptionId, message.DequeueCount, delay);
            }
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<HttpStatusCode> PostAsync(AlertSubscription subscription, string alertId, byte[] body, CancellationToken cancellationToken)
    {
        // The setting may have been turned off since the subscription was made.
        if (NotificationAddressPolicy.CheckUrl(subscription.NotificationUrl.AbsoluteUri, options.AllowLoopbackHttp, out _) is { } problem)
        {
            throw new HttpRequestException($"Notification URL refused at delivery: {problem}");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.NotificationUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.TryAddWithoutValidation(AlertSignature.SignatureHeader, AlertSignature.Sign(subscription.Secret, body));
        request.Headers.TryAddWithoutValidation(AlertSignature.DeliveryHeader, AlertSignature.DeliveryId(alertId, subscription.Id));
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        return response.StatusCode;
    }

    // Every connection checks the addresses its host resolves to now and goes only to those (no second lookup that
    // could answer differently).
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        bool plainHttp = context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp;
        IReadOnlyList<IPAddress> addresses = await urls.AllowedAddressesAsync(context.DnsEndPoint.Host, plainHttp, cancellationToken)
            .ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. addresses], context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The alert is sent as the exact bytes the notifier wrote into the message.
    private static (string Workspace, string SubscriptionId, string AlertId, byte[] Body) Read(BinaryData message)
    {
        using JsonDocument document = JsonDocument.Parse(message);
        JsonElement root = document.RootElement;
        JsonElement alert = root.GetProperty("alert");
        return (root.GetProperty("workspace").GetString()!, root.GetProperty("subscriptionId").GetString()!,
            alert.GetProperty("id").GetString()!, Encoding.UTF8.GetBytes(alert.GetRawText()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} delivered to subscription {SubscriptionId}: {Status} (try {DequeueCount})")]
    private partial void LogDelivered(string alertId, string subscriptionId, int status, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} not delivered to subscription {SubscriptionId} (try {DequeueCount}); next try in {Delay}")]
    private partial void LogRetrying(string alertId, string subscriptionId, long dequeueCount, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId}: subscription {SubscriptionId} no longer exists; nothing to deliver")]
    private partial void LogSubscriptionGone(string alertId, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId}: the receiver of subscription {SubscriptionId} answered 410 Gone; subscription deleted")]
    private partial void LogReceiverUnsubscribed(string alertId, string subscriptionId);
}
