using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Tests;

/// <summary>One POST a <see cref="WebhookReceiver"/> received, and what it answered.</summary>
public sealed record ReceivedDelivery(
    string Path, byte[] Body, string? ContentType, string? Signature, string? DeliveryId, int Answer, DateTimeOffset At);

/// <summary>
/// A webhook receiver on Kestrel, on a free loopback port: each path answers as the test says (by attempt number), and
/// processes a delivery only once per <c>X-FineTune-Delivery</c>, as a receiver that honours the idempotency key does.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<int, int>> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedDelivery>> received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> processed = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The receiver's base address, http://127.0.0.1:port.</summary>
    public Uri Address { get; }

    /// <summary>Starts a receiver whose paths answer 200 unless told otherwise.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{name}", async (HttpContext context, string name) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.StatusCode = receiver!.Receive(name, context.Request, body.ToArray());
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    /// <summary>A fresh path of this receiver and its URL.</summary>
    public (string Name, string Url) NewHook(Func<int, int>? answer = null)
    {
        string name = "hook-" + Guid.NewGuid().ToString("N");
        answers[name] = answer ?? (_ => 200);
        return (name, new Uri(Address, name).AbsoluteUri);
    }

    /// <summary>Every POST <paramref name="name"/> received, in order.</summary>
    public IReadOnlyList<ReceivedDelivery> Received(string name) =>
        received.TryGetValue(name, out ConcurrentQueue<ReceivedDelivery>? all) ? [.. all] : [];

    /// <summary>The bodies <paramref name="name"/> processed, one per idempotency key.</summary>
    public IReadOnlyDictionary<string, byte[]> Processed(string name) =>
        processed.TryGetValue(name, out ConcurrentDictionary<string, byte[]>? all) ? all : new Dictionary<string, byte[]>();

    /// <summary>Waits until <paramref name="name"/> received at least <paramref name="count"/> POSTs.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(string name, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Received(name).Count < count)
        {
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{name} received {Received(name).Count} of {count} deliveries within {timeout}.");
            }
        }
        return Received(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private int Receive(string name, HttpRequest request, byte[] body)
    {
        ConcurrentQueue<ReceivedDelivery> all = received.GetOrAdd(name, _ => new ConcurrentQueue<ReceivedDelivery>());
        int answer = answers.TryGetValue(name, out Func<int, int>? respond) ? respond(all.Count + 1) : 404;
        string? deliveryId = request.Headers["X-FineTune-Delivery"];
        all.Enqueue(new ReceivedDelivery(
            name, body, request.ContentType, request.Headers["X-FineTune-Signature"], deliveryId, answer, DateTimeOffset.UtcNow));
        if (answer is >= 200 and < 300 && deliveryId is not null)
        {
            processed.GetOrAdd(name, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal)).TryAdd(deliveryId, body);
        }
        return answer;
    }
}
