using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>
/// Alerts delivered end to end: subscribe over HTTP, notify, and the local host's queue listener runs DeliverAlert over
/// Azurite's real queue against a receiver on a loopback port. Retries are a second apart, doubling (host settings).
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class AlertDeliveryTests(DeliveryFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Actual 123.456789012 dollars against a plan of 80: an impact of 43.456789012, 54.32 % over. Written rounded to 8 places.
    private static Alert OverPlan(string scenarioId, AlertSeverity severity = AlertSeverity.Alert) => new(
        "alert-" + Guid.NewGuid().ToString("N"), scenarioId, "ft", AlertKind.OverPlan, severity, new DateOnly(2026, 11, 30),
        123.456789012m, 80m, 43.456789012m, 0.54321098765m, "Spend was $123.46 against a plan of $80.00 on 2026-11-30.");

    private static string ScenarioId() => Guid.NewGuid().ToString("N");

    private async Task<(string Id, string Secret)> SubscribeAsync(ApiClient client, string url, string? extra = null)
    {
        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/subscriptions",
            Encoding.UTF8.GetBytes($$"""{"notificationUrl": "{{url}}"{{extra}}}"""));
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (reply.Id, reply.Json.GetProperty("secret").GetString()!);
    }

    private Task<int> NotifyAsync(ApiClient client, Alert alert) =>
        fixture.Factory.Services.GetRequiredService<AlertNotifier>().NotifyAsync(client.Workspace, alert);

    [Fact]
    public async Task Delivery_Signed_VerifiesWithTheSecretAndCarriesTheAlertAsTheApiWritesIt()
    {
        ApiClient client = fixture.Client();
        (string hook, string url) = fixture.Receiver.NewHook();
        (string subscriptionId, string secret) = await SubscribeAsync(client, url);
        Alert alert = OverPlan(ScenarioId());

        int enqueued = await NotifyAsync(client, alert);
        ReceivedDelivery delivery = Assert.Single(await fixture.Receiver.WaitForAsync(hook, 1, Patience));

        Assert.Equal(1, enqueued);
        string expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));
        Assert.Equal(expected, delivery.Signature);
        Assert.Equal($"{alert.Id}.{subscriptionId}", delivery.DeliveryId);
        Assert.StartsWith("application/json", delivery.ContentType, StringComparison.Ordinal);
        JsonElement body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(alert.Id, body.GetProperty("id").GetString());
        Assert.Equal("over-plan", body.GetProperty("kind").GetString());
        Assert.Equal("alert", body.GetProperty("severity").GetString());
        Assert.Equal("2026-11-30", body.GetProperty("date").GetString());
        Assert.Equal("123.45678901", body.GetProperty("actual").GetRawText());
        Assert.Equal("0.54321099", body.GetProperty("impactRate").GetRawText());
    }

    [Fact]
    public async Task Delivery_ReceiverFailsTwiceThenSucceeds_ProcessedExactlyOnceByIdempotencyKey()
    {
        ApiClient client = fixture.Client();
        (string hook, string url) = fixture.Receiver.NewHook(attempt => attempt <= 2 ? 500 : 200);
        (string subscriptionId, _) = await SubscribeAsync(client, url);
        Alert alert = OverPlan(ScenarioId());

        await NotifyAsync(client, alert);
        IReadOnlyList<ReceivedDelivery> attempts = await fixture.Receiver.WaitForAsync(hook, 3, Patience);
        // Two seconds after the success: no try is left.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal([500, 500, 200], fixture.Receiver.Received(hook).Select(attempt => attempt.Answer));
        Assert.All(attempts, attempt => Assert.Equal($"{alert.Id}.{subscriptionId}", attempt.DeliveryId));
        Assert.All(attempts, attempt => Assert.Equal(attempts[0].Body, attempt.Body));
        KeyValuePair<string, byte[]> processed = Assert.Single(fixture.Receiver.Processed(hook));
        Assert.Equal(alert.Id, JsonDocument.Parse(processed.Value).RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain(await PoisonedAsync(), message => message.Contains(subscriptionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delivery_ReceiverAlwaysDown_ParksTheMessageInThePoisonQueueAfterFiveTries()
    {
        ApiClient client = fixture.Client();
        (string hook, string url) = fixture.Receiver.NewHook(_ => 503);
        (string subscriptionId, _) = await SubscribeAsync(client, url);
        Alert alert = OverPlan(ScenarioId());

        await NotifyAsync(client, alert);
        IReadOnlyList<ReceivedDelivery> attempts = await fixture.Receiver.WaitForAsync(hook, 5, Patience);
        string parked = await WaitForPoisonAsync(subscriptionId);
        // Waits of 1, 2, 4 and 8 seconds came before the fifth try; none follows it.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(5, fixture.Receiver.Received(hook).Count);
        TimeSpan[] waits = [.. attempts.Zip(attempts.Skip(1), (earlier, later) => later.At - earlier.At)];
        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.InRange(waits[3], TimeSpan.FromSeconds(7.9), TimeSpan.FromSeconds(14));
        Assert.All(attempts, attempt => Assert.Equal($"{alert.Id}.{subscriptionId}", attempt.DeliveryId));
        Assert.Empty(fixture.Receiver.Processed(hook));
        JsonElement message = JsonDocument.Parse(parked).RootElement;
        Assert.Equal(client.Workspace, message.GetProperty("workspace").GetString());
        Assert.Equal(alert.Id, message.GetProperty("alert").GetProperty("id").GetString());
        Assert.DoesNotContain((await fixture.Queue(AlertDeliveryQueue.QueueName).PeekMessagesAsync(32)).Value,
            peeked => peeked.Body.ToString().Contains(subscriptionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers410_DeletesTheSubscriptionAndCompletes()
    {
        ApiClient client = fixture.Client();
        (string hook, string url) = fixture.Receiver.NewHook(_ => 410);
        (string subscriptionId, _) = await SubscribeAsync(client, url);
        SubscriptionStore store = fixture.Factory.Services.GetRequiredService<SubscriptionStore>();

        await NotifyAsync(client, OverPlan(ScenarioId()));
        await fixture.Receiver.WaitForAsync(hook, 1, Patience);
        AlertSubscription? remaining = await WaitUntilAsync(() => store.GetAsync(client.Workspace, subscriptionId), found => found is null);
        int enqueuedAfter = await NotifyAsync(client, OverPlan(ScenarioId()));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Null(remaining);
        Assert.Equal(0, enqueuedAfter);
        Assert.Single(fixture.Receiver.Received(hook));
    }

    [Fact]
    public async Task Notify_ScenarioAndSeverityFilters_EnqueueOnlyForMatchingSubscriptions()
    {
        ApiClient client = fixture.Client();
        Reply scenario = await client.CreateAsync();
        (string everything, string everythingUrl) = fixture.Receiver.NewHook();
        (string alertsOnly, string alertsOnlyUrl) = fixture.Receiver.NewHook();
        (string thisScenario, string thisScenarioUrl) = fixture.Receiver.NewHook();
        await SubscribeAsync(client, everythingUrl);
        await SubscribeAsync(client, alertsOnlyUrl, """, "minimumSeverity": "alert" """);
        await SubscribeAsync(client, thisScenarioUrl, $$""", "scenarioId": "{{scenario.Id}}" """);

        int forWarningElsewhere = await NotifyAsync(client, OverPlan(ScenarioId(), AlertSeverity.Warning));
        int forAlertHere = await NotifyAsync(client, OverPlan(scenario.Id, AlertSeverity.Alert));
        await fixture.Receiver.WaitForAsync(everything, 2, Patience);
        await fixture.Receiver.WaitForAsync(alertsOnly, 1, Patience);
        await fixture.Receiver.WaitForAsync(thisScenario, 1, Patience);

        Assert.Equal(1, forWarningElsewhere);
        Assert.Equal(3, forAlertHere);
        Assert.Equal(2, fixture.Receiver.Processed(everything).Count);
        Assert.Single(fixture.Receiver.Processed(alertsOnly));
        Assert.Single(fixture.Receiver.Processed(thisScenario));
    }

    [Fact]
    public async Task Deliver_SubscriptionAlreadyDeleted_CompletesWithoutPosting()
    {
        ApiClient client = fixture.Client();
        (string hook, string url) = fixture.Receiver.NewHook();
        (string subscriptionId, _) = await SubscribeAsync(client, url);
        Reply unsubscribed = await client.SendAsync(HttpMethod.Delete, $"/api/subscriptions/{subscriptionId}");
        Alert alert = OverPlan(ScenarioId());
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(
            new AlertDeliveryMessage(client.Workspace, subscriptionId, alert), AlertJsonContext.Default.AlertDeliveryMessage);
        QueueMessage message = QueuesModelFactory.QueueMessage("m1", "p1", new BinaryData(body), dequeueCount: 1);

        await fixture.Factory.Services.GetRequiredService<AlertDeliverer>().DeliverAsync(message);

        Assert.Equal(HttpStatusCode.NoContent, unsubscribed.Status);
        Assert.Empty(fixture.Receiver.Received(hook));
    }

    private async Task<IReadOnlyList<string>> PoisonedAsync()
    {
        var poison = fixture.Queue(AlertDeliveryQueue.QueueName + "-poison");
        if (!await poison.ExistsAsync())
        {
            return [];
        }
        return [.. (await poison.PeekMessagesAsync(32)).Value.Select(message => message.Body.ToString())];
    }

    private async Task<string> WaitForPoisonAsync(string subscriptionId)
    {
        IReadOnlyList<string> poisoned = await WaitUntilAsync(PoisonedAsync,
            all => all.Any(message => message.Contains(subscriptionId, StringComparison.Ordinal)));
        return Assert.Single(poisoned, message => message.Contains(subscriptionId, StringComparison.Ordinal));
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            T value = await read();
            if (done(value) || deadline.IsCancellationRequested)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }
}
