using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using FineTune.Core;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static FineTune.Functions.Tests.Monitored;

namespace FineTune.Functions.Tests;

/// <summary>
/// Alerts from usage to webhooks, end to end: usage posted over HTTP, alerts stored in Azurite's tables, deliveries through its
/// queue and the local host's queue listener to a receiver on a loopback port. The scenario is <see cref="Monitored"/>'s, a plan
/// of $100 a day in November: $200 on the 5th is 100 % over plan, an over-plan alert of severity alert.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class AlertNotificationTests(NotificationFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Long enough for a delivery enqueued by the last step to have arrived: the queue is read every 200 ms at most.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    private AlertStore Alerts => fixture.Factory.Services.GetRequiredService<AlertStore>();

    private MonitorEvaluation Evaluation => fixture.Factory.Services.GetRequiredService<MonitorEvaluation>();

    private static Task<Reply> Post(ApiClient client, string id, byte[] body) => client.SendAsync(HttpMethod.Post, $"/api/scenarios/{id}/usage", body);

    private static JsonElement[] Fired(Reply reply) => [.. reply.Json.GetProperty("alerts").EnumerateArray()];

    private async Task<(string Hook, string SubscriptionId, string Secret)> SubscribeAsync(ApiClient client)
    {
        (string hook, string url) = fixture.Receiver.NewHook();
        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/subscriptions", Encoding.UTF8.GetBytes($$"""{"notificationUrl": "{{url}}"}"""));
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (hook, reply.Id, reply.Json.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task RecordUsage_OverPlan_DeliversTheAlertOnceSignedAndMarksItNotified()
    {
        fixture.Clock.Now = NotificationFixture.Now;
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        (string hook, string subscriptionId, string secret) = await SubscribeAsync(client);

        Reply reply = await Post(client, id, Batch(Spent(5, 200m)));
        ReceivedDelivery delivery = Assert.Single(await fixture.Receiver.WaitForAsync(hook, 1, Patience));
        await Task.Delay(Quiet);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement fired = Assert.Single(Fired(reply));
        string alertId = fired.GetProperty("id").GetString()!;
        Assert.Single(fixture.Receiver.Received(hook));
        string signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));
        Assert.Equal(signature, delivery.Signature);
        Assert.Equal($"{alertId}.{subscriptionId}", delivery.DeliveryId);
        // The webhook receives the alert the post answered, without the API's bookkeeping times.
        JsonElement body = JsonDocument.Parse(delivery.Body).RootElement;
        string[] alertProperties = ["id", "scenarioId", "approachId", "kind", "severity", "date", "actual", "expected", "impact", "impactRate", "message"];
        Assert.Equal(alertProperties, body.EnumerateObject().Select(property => property.Name));
        Assert.All(alertProperties, name => Assert.Equal(fired.GetProperty(name).GetRawText(), body.GetProperty(name).GetRawText()));
        Assert.Equal(("over-plan", "alert", "2026-11-05", 200m, 100m), (body.GetProperty("kind").GetString(), body.GetProperty("severity").GetString(),
            body.GetProperty("date").GetString(), body.GetProperty("actual").GetDecimal(), body.GetProperty("expected").GetDecimal()));
        Assert.True((await Alerts.GetAsync(client.Workspace, alertId))?.Notified);
    }

    [Fact]
    public async Task RecordUsage_SameBatchAgainThenAReplacedRecordThatUpdatesTheAlert_DeliverNothingMore()
    {
        fixture.Clock.Now = NotificationFixture.Now;
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        (string hook, _, _) = await SubscribeAsync(client);
        Reply first = await Post(client, id, Batch(Spent(5, 200m)));
        await fixture.Receiver.WaitForAsync(hook, 1, Patience);

        Reply again = await Post(client, id, Batch(Spent(5, 200m)));
        // $180 is still 80 % over plan: the alert takes the new figures.
        Reply replaced = await Post(client, id, Batch(Spent(5, 180m)));
        await Task.Delay(Quiet);
        string alertId = Assert.Single(Fired(first)).GetProperty("id").GetString()!;
        StoredAlert? stored = await Alerts.GetAsync(client.Workspace, alertId);

        Assert.Equal((HttpStatusCode.OK, 0, 1), (again.Status, Fired(again).Length, again.Json.GetProperty("unchanged").GetInt32()));
        Assert.Equal((HttpStatusCode.OK, 0, 1), (replaced.Status, Fired(replaced).Length, replaced.Json.GetProperty("replaced").GetInt32()));
        Assert.Equal((180m, false, true), (stored?.Alert.Actual, stored?.Withdrawn, stored?.Notified));
        ReceivedDelivery only = Assert.Single(fixture.Receiver.Received(hook));
        Assert.Equal(200m, JsonDocument.Parse(only.Body).RootElement.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task RecordUsage_QueueOutOfReach_Answers200WithTheAlert_AndTheFirstSlotAfterTheGraceDeliversAndMarksIt()
    {
        // The post fires the alert at noon; the grace is 5 minutes (the default). A slot at 12:01 leaves it to its writer, one at
        // 12:06 enqueues its delivery and marks it; one at 12:20 finds nothing left to send.
        fixture.Clock.Now = NotificationFixture.Now;
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        (string hook, string subscriptionId, string secret) = await SubscribeAsync(client);

        Reply reply = await Post(fixture.QueueDownClient(client.Workspace), id, Batch(Spent(5, 200m)));
        string alertId = Assert.Single(Fired(reply)).GetProperty("id").GetString()!;
        StoredAlert? afterPost = await Alerts.GetAsync(client.Workspace, alertId);
        MonitorSummary withinGrace = await RunSlotAsync(NotificationFixture.Now.AddMinutes(1));
        await Task.Delay(Quiet);
        int receivedWithinGrace = fixture.Receiver.Received(hook).Count;
        MonitorSummary afterGrace = await RunSlotAsync(NotificationFixture.Now.AddMinutes(6));
        ReceivedDelivery delivery = Assert.Single(await fixture.Receiver.WaitForAsync(hook, 1, Patience));
        StoredAlert? marked = await Alerts.GetAsync(client.Workspace, alertId);
        MonitorSummary later = await RunSlotAsync(NotificationFixture.Now.AddMinutes(20));
        await Task.Delay(Quiet);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(fixture.QueueDownLog.Lines, line => line.Level == LogLevel.Warning
            && Equals(line.Values.GetValueOrDefault("ScenarioId"), id) && Equals(line.Values.GetValueOrDefault("AlertsFired"), 1));
        Assert.False(afterPost?.Notified);
        Assert.DoesNotContain(withinGrace.Missed, alert => alert.Alert.Id == alertId);
        Assert.Equal(0, receivedWithinGrace);
        Assert.Contains(afterGrace.Missed, alert => alert.Alert.Id == alertId);
        Assert.True(marked?.Notified);
        Assert.DoesNotContain(later.Missed, alert => alert.Alert.Id == alertId);
        Assert.Single(fixture.Receiver.Received(hook));
        Assert.Equal($"{alertId}.{subscriptionId}", delivery.DeliveryId);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body)), delivery.Signature);
        Assert.Equal(alertId, JsonDocument.Parse(delivery.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task EvaluateMonitoring_AlertWithdrawnBeforeItsDeliveryWasEnqueued_IsNotDelivered()
    {
        // Fired while the queue was out, then $110 (10 % over plan) replaced the day: the alert no longer stands.
        fixture.Clock.Now = NotificationFixture.Now;
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        (string hook, _, _) = await SubscribeAsync(client);
        Reply fired = await Post(fixture.QueueDownClient(client.Workspace), id, Batch(Spent(5, 200m)));
        string alertId = Assert.Single(Fired(fired)).GetProperty("id").GetString()!;

        Reply replaced = await Post(client, id, Batch(Spent(5, 110m)));
        MonitorSummary slot = await RunSlotAsync(NotificationFixture.Now.AddMinutes(10));
        await Task.Delay(Quiet);
        StoredAlert? stored = await Alerts.GetAsync(client.Workspace, alertId);

        Assert.Equal((HttpStatusCode.OK, 1), (replaced.Status, replaced.Json.GetProperty("replaced").GetInt32()));
        Assert.Equal((true, false), (stored?.Withdrawn, stored?.Notified));
        Assert.DoesNotContain(slot.Missed, alert => alert.Alert.Id == alertId);
        Assert.Empty(fixture.Receiver.Received(hook));
    }

    [Fact]
    public async Task EvaluateMonitoring_PaceAlert_IsDeliveredToTheSubscription()
    {
        // The slot 2026-11-21T00:30Z evaluates 20 November. Days 1-10 spend $100, days 11-20 $200: to date $3,000, plus 10 days
        // at the last 7 days' mean of $200 is $5,000, above 1.5 x the month's plan of $3,000. The post's alerts (over-plan on
        // days 11-20, spikes once 14 days of $100 precede) fire before anyone subscribes: they are notified to no one, and marked.
        var slot = new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero);
        fixture.Clock.Now = slot;
        try
        {
            ApiClient client = fixture.Client();
            string id = await CreateAsync(client);
            Reply posted = await Post(client, id, Batch([.. Enumerable.Range(1, 20).Select(day => Spent(day, day <= 10 ? 100m : 200m))]));
            (string hook, string subscriptionId, _) = await SubscribeAsync(client);

            MonitorSummary summary = await Evaluation.RunSlotAsync(slot);
            ReceivedDelivery delivery = Assert.Single(await fixture.Receiver.WaitForAsync(hook, 1, Patience));
            await Task.Delay(Quiet);

            string[] arrivals = [.. Fired(posted).Select(alert => alert.GetProperty("id").GetString()!)];
            Assert.Equal(10, Fired(posted).Count(alert => alert.GetProperty("kind").GetString() == "over-plan"));
            foreach (string alertId in arrivals)
            {
                Assert.True((await Alerts.GetAsync(client.Workspace, alertId))?.Notified);
            }
            StoredAlert pace = Assert.Single(summary.Fired, alert => alert.Alert.ScenarioId == id);
            Assert.Single(fixture.Receiver.Received(hook));
            Assert.Equal($"{pace.Alert.Id}.{subscriptionId}", delivery.DeliveryId);
            JsonElement body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal(("pace", "warning", "2026-11-20", 5000m, 3000m), (body.GetProperty("kind").GetString(), body.GetProperty("severity").GetString(),
                body.GetProperty("date").GetString(), body.GetProperty("actual").GetDecimal(), body.GetProperty("expected").GetDecimal()));
            Assert.True((await Alerts.GetAsync(client.Workspace, pace.Alert.Id))?.Notified);
        }
        finally
        {
            fixture.Clock.Now = NotificationFixture.Now;
        }
    }

    /// <summary>One post of a record of day <paramref name="Day"/> of November, through a host whose queue is up or out of reach.</summary>
    public sealed record Step(int Day, decimal Spend, bool QueueDown);

    // $90 fires nothing; $130 (30 % over plan), $200 and $300 fire an over-plan alert. Six days have too little history for a spike.
    private static readonly Gen<Step> Steps = Gen.Select(Gen.Int[1, 6], Gen.OneOf(90m, 130m, 200m, 300m), Gen.Bool, (day, spend, down) => new Step(day, spend, down));

    private int propertySlots;

    [Fact]
    public async Task Deliveries_AnyPostsReplacementsAndQueueOutages_EachAlertOnceIfItStandsOrWasNotified()
    {
        // A model of each day's over-plan alert: absent until a post fires it; then standing or withdrawn as each post of the day
        // fires it or not; notified when the post that first fired it reached the queue. After a slot past the grace, an alert is
        // delivered exactly once if it was notified or stands, and never otherwise.
        await Steps.Array[1, 6].Array[4].SampleAsync(async programs =>
        {
            fixture.Clock.Now = NotificationFixture.Now;
            var runs = new List<(string Id, string Hook, Dictionary<int, (bool Stands, bool Notified)> Model)>();
            foreach (Step[] program in programs)
            {
                ApiClient client = fixture.Client();
                string id = await CreateAsync(client);
                (string hook, _, _) = await SubscribeAsync(client);
                var model = new Dictionary<int, (bool Stands, bool Notified)>();
                foreach (Step step in program)
                {
                    Reply reply = await Post(step.QueueDown ? fixture.QueueDownClient(client.Workspace) : client, id, Batch(Spent(step.Day, step.Spend)));
                    Assert.Equal(HttpStatusCode.OK, reply.Status);
                    bool fires = step.Spend > 125m;
                    if (model.TryGetValue(step.Day, out (bool Stands, bool Notified) was))
                    {
                        model[step.Day] = (fires, was.Notified);
                    }
                    else if (fires)
                    {
                        model[step.Day] = (true, !step.QueueDown);
                    }
                }
                runs.Add((id, hook, model));
            }

            await RunSlotAsync(NotificationFixture.Now.AddMinutes(10).AddSeconds(Interlocked.Increment(ref propertySlots)));
            await Task.Delay(Quiet);

            foreach ((string id, string hook, Dictionary<int, (bool Stands, bool Notified)> model) in runs)
            {
                string[] delivered = [.. fixture.Receiver.Received(hook).Select(delivery => delivery.DeliveryId!.Split('.')[0])
                    .Where(alertId => alertId.EndsWith("-over-plan", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
                string[] expected = [.. model.Where(day => day.Value.Stands || day.Value.Notified)
                    .Select(day => AlertRules.AlertId(id, AlertKind.OverPlan, new DateOnly(2026, 11, day.Key))).Order(StringComparer.Ordinal)];
                Assert.Equal(expected, delivered);
            }
        }, iter: 3, threads: 1);
    }

    /// <summary>Runs the monitoring slot <paramref name="slot"/> with the clock at it.</summary>
    private Task<MonitorSummary> RunSlotAsync(DateTimeOffset slot)
    {
        fixture.Clock.Now = slot;
        return Evaluation.RunSlotAsync(slot);
    }
}
