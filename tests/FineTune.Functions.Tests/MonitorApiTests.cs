using System.Net;
using System.Text.Json;
using FineTune.Functions.Usage;
using Microsoft.Extensions.DependencyInjection;
using static FineTune.Functions.Tests.Monitored;

namespace FineTune.Functions.Tests;

/// <summary>The monitor view, alerts, the portfolio and the monitoring timer, over the scenario of <see cref="Monitored"/>.</summary>
[Collection(MonitorHostCollection.Name)]
public sealed class MonitorApiTests(MonitorHostFixture fixture)
{
    private static Task<Reply> Post(ApiClient client, string id, byte[] body) => client.SendAsync(HttpMethod.Post, $"/api/scenarios/{id}/usage", body);

    private static JsonElement[] Items(Reply reply, string property = "items") => [.. reply.Json.GetProperty(property).EnumerateArray()];

    [Fact]
    public async Task GetScenarioMonitor_Defaults_ShowTheStartToTodayAgainstThePlan()
    {
        // Today is 10 November. Spend 1-5 November: $90, $110, $100, $100, $200 (the 5th is 100 % over: an over-plan alert).
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        await Post(client, id, Batch(Spent(1, 90m), Spent(2, 110m), Spent(3, 100m), Spent(4, 100m), Spent(5, 200m)));

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement view = reply.Json;
        Assert.Equal(("prompt", "2026-11-01", "2026-11-01", "2026-11-10"), (view.GetProperty("approachId").GetString(),
            view.GetProperty("startDate").GetString(), view.GetProperty("from").GetString(), view.GetProperty("to").GetString()));
        Assert.Equal(10, Items(reply, "days").Length);
        // November so far: 5 known days, $600 against the plan of the 10 days in the window, $1,000.
        JsonElement month = Items(reply, "months").Single();
        Assert.Equal(("2026-11", 5, 5000L, 600m, 1000m, -400m), (month.GetProperty("month").GetString(), month.GetProperty("daysWithRecords").GetInt32(),
            month.GetProperty("requests").GetInt64(), month.GetProperty("actual").GetDecimal(), month.GetProperty("plan").GetDecimal(),
            month.GetProperty("variance").GetDecimal()));
        JsonElement toDate = view.GetProperty("toDate");
        Assert.Equal(("2026-11-10", 10, 600m, 1000m), (toDate.GetProperty("through").GetString(), toDate.GetProperty("days").GetInt32(),
            toDate.GetProperty("actual").GetDecimal(), toDate.GetProperty("plan").GetDecimal()));
        // 12 months of $3,000 = $36,000 planned; the five known days replace $500 of plan by $600.
        JsonElement forecast = view.GetProperty("forecast");
        Assert.Equal(("2027-10-31", 36_100m, 36_000m, 100m), (forecast.GetProperty("horizonEnd").GetString(),
            forecast.GetProperty("horizonCost").GetDecimal(), forecast.GetProperty("plannedHorizonCost").GetDecimal(),
            forecast.GetProperty("variance").GetDecimal()));
        JsonElement alert = Items(reply, "alerts").Single();
        Assert.Equal(("over-plan", "2026-11-05"), (alert.GetProperty("kind").GetString(), alert.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task GetScenarioMonitor_Window_ShowsItsDaysAndOnlyItsAlerts()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        await Post(client, id, Batch(Spent(2, 300m), Spent(6, 300m)));

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor?from=2026-11-05&to=2026-12-02");

        Assert.Equal(28, Items(reply, "days").Length);
        Assert.Equal(["2026-11", "2026-12"], Items(reply, "months").Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(2 * (3000m / 31), Items(reply, "months")[1].GetProperty("plan").GetDecimal(), 8);
        Assert.Equal(["2026-11-06"], Items(reply, "alerts").Select(a => a.GetProperty("date").GetString()));
    }

    public static TheoryData<string, string> BadWindows => new()
    {
        { "from=2026-10-31", "from" },
        { "from=2026-11-1", "from" },
        { "from=2026-11-05&to=2026-11-04", "to" },
        { "from=2026-11-01&to=2036-11-10", "to" },
        { "to=2200-01-01", "to" },
        { "to=soon&from=yesterday", "from" },
    };

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task GetScenarioMonitor_BadWindow_Is400NamingTheParameter(string query, string parameter)
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor?{query}");

        reply.AssertBadRequestFor(parameter);
    }

    [Fact]
    public async Task GetScenarioMonitor_ForeignScenario_Is404()
    {
        string id = await CreateAsync(fixture.Client());

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListAlerts_NewestFirst_PagedAndFilteredByScenarioAndSince()
    {
        ApiClient client = fixture.Client();
        string first = await CreateAsync(client), second = await CreateAsync(client);
        await Post(client, first, Batch(Spent(1, 300m)));
        fixture.Clock.Now = MonitorHostFixture.Now.AddHours(1);
        await Post(client, second, Batch(Spent(2, 300m)));
        fixture.Clock.Now = MonitorHostFixture.Now.AddHours(2);
        await Post(client, first, Batch(Spent(3, 300m)));
        fixture.Clock.Now = MonitorHostFixture.Now;

        Reply all = await client.SendAsync(HttpMethod.Get, "/api/alerts");
        Reply page1 = await client.SendAsync(HttpMethod.Get, "/api/alerts?pageSize=2");
        Reply page2 = await client.SendAsync(HttpMethod.Get,
            $"/api/alerts?pageSize=2&continuationToken={Uri.EscapeDataString(page1.Json.GetProperty("continuationToken").GetString()!)}");
        Reply ofFirst = await client.SendAsync(HttpMethod.Get, $"/api/alerts?scenarioId={first}");
        Reply recent = await client.SendAsync(HttpMethod.Get, $"/api/alerts?since={Uri.EscapeDataString("2026-11-10T13:00:00Z")}");

        Assert.Equal(["2026-11-03", "2026-11-02", "2026-11-01"], Items(all).Select(a => a.GetProperty("date").GetString()));
        Assert.Equal(["2026-11-03", "2026-11-02", "2026-11-01"],
            Items(page1).Concat(Items(page2)).Select(a => a.GetProperty("date").GetString()));
        Assert.Equal(JsonValueKind.Null, page2.Json.GetProperty("continuationToken").ValueKind);
        Assert.Equal(["2026-11-03", "2026-11-01"], Items(ofFirst).Select(a => a.GetProperty("date").GetString()));
        Assert.Equal(["2026-11-03", "2026-11-02"], Items(recent).Select(a => a.GetProperty("date").GetString()));
    }

    public static TheoryData<string, string> BadAlertQueries => new()
    {
        { "since=2026-11-10", "since" },
        { "since=yesterday", "since" },
        { "pageSize=0", "pageSize" },
        { "continuationToken=abc", "continuationToken" },
        { "scenarioId=a&scenarioId=b", "scenarioId" },
    };

    [Theory]
    [MemberData(nameof(BadAlertQueries))]
    public async Task ListAlerts_BadParameter_Is400NamingIt(string query, string parameter) =>
        (await fixture.Client().SendAsync(HttpMethod.Get, $"/api/alerts?{query}")).AssertBadRequestFor(parameter);

    [Fact]
    public async Task ListAlerts_ForeignScenario_Is404()
    {
        string id = await CreateAsync(fixture.Client());

        (await fixture.Client().SendAsync(HttpMethod.Get, $"/api/alerts?scenarioId={id}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcknowledgeAlert_OwnAlert_Is200WithTheTime_ForeignIs404()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        string alertId = Items(await Post(client, id, Batch(Spent(4, 300m))), "alerts").Single().GetProperty("id").GetString()!;
        fixture.Clock.Now = MonitorHostFixture.Now.AddMinutes(30);

        Reply acknowledged = await client.SendAsync(HttpMethod.Post, $"/api/alerts/{alertId}/acknowledge");
        Reply foreign = await fixture.Client().SendAsync(HttpMethod.Post, $"/api/alerts/{alertId}/acknowledge");
        Reply unknown = await client.SendAsync(HttpMethod.Post, $"/api/alerts/{id}-20261105-spike/acknowledge");
        Reply listed = await client.SendAsync(HttpMethod.Get, "/api/alerts");
        fixture.Clock.Now = MonitorHostFixture.Now;

        Assert.Equal(HttpStatusCode.OK, acknowledged.Status);
        Assert.Equal($"{id}-20261104-over-plan", alertId);
        Assert.Equal(MonitorHostFixture.Now.AddMinutes(30), acknowledged.Json.GetProperty("acknowledgedAt").GetDateTimeOffset());
        foreign.AssertProblem(HttpStatusCode.NotFound);
        unknown.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(MonitorHostFixture.Now.AddMinutes(30), Items(listed).Single().GetProperty("acknowledgedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetPortfolio_TwoScenarios_LinesAndTotals()
    {
        // Each: month 0 of the prompt approach, 300,000 x $0.01 = $3,000 run rate, $6,000 revenue, $3,000 margin. The cheapest
        // eligible approach is recommended: mini. The last 30 days (12 October to 10 November) plan 10 days of $100; the first
        // scenario spent $90 + $110, the second nothing.
        ApiClient client = fixture.Client();
        string first = await CreateAsync(client);
        fixture.Clock.Now = MonitorHostFixture.Now.AddSeconds(1);
        string second = await CreateAsync(client);
        fixture.Clock.Now = MonitorHostFixture.Now;
        await Post(client, first, Batch(Spent(1, 90m), Spent(2, 110m)));

        Reply reply = await client.SendAsync(HttpMethod.Get, "/api/portfolio");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("2026-11-10", reply.Json.GetProperty("asOf").GetString());
        JsonElement[] lines = Items(reply);
        Assert.Equal([first, second], lines.Select(l => l.GetProperty("scenarioId").GetString()));
        Assert.Equal(("mini", "prompt", 3000m, 6000m, 3000m, 0.5m), (lines[0].GetProperty("recommendedApproachId").GetString(),
            lines[0].GetProperty("approachId").GetString(), lines[0].GetProperty("monthlyRunRate").GetDecimal(),
            lines[0].GetProperty("monthlyRevenue").GetDecimal(), lines[0].GetProperty("monthlyMargin").GetDecimal(),
            lines[0].GetProperty("monthlyMarginRate").GetDecimal()));
        JsonElement recent = lines[0].GetProperty("last30Days");
        Assert.Equal(("2026-10-12", 2, 200m, 1000m, -800m), (recent.GetProperty("from").GetString(), recent.GetProperty("daysWithRecords").GetInt32(),
            recent.GetProperty("actual").GetDecimal(), recent.GetProperty("plan").GetDecimal(), recent.GetProperty("variance").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("last30Days").GetProperty("actual").ValueKind);
        JsonElement totals = reply.Json.GetProperty("totals");
        Assert.Equal((2, 6000m, 12000m, 6000m, 200m, 2000m), (totals.GetProperty("scenarios").GetInt32(), totals.GetProperty("monthlyRunRate").GetDecimal(),
            totals.GetProperty("monthlyRevenue").GetDecimal(), totals.GetProperty("monthlyMargin").GetDecimal(),
            totals.GetProperty("last30DaysActual").GetDecimal(), totals.GetProperty("last30DaysPlan").GetDecimal()));
    }

    [Fact]
    public async Task EvaluateMonitoring_MonthOnPace_FiresThePaceAlertOncePerSlot()
    {
        // The slot 2026-11-21T00:30Z evaluates 20 November. Days 1-10 spend $100, days 11-20 $200: to date $3,000, plus 10
        // days at the last 7 days' mean of $200 is $5,000, above 1.5 x the month's plan of $3,000. Each day over $150 is also an
        // over-plan alert as it arrives; the pace alert comes from the timer only.
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        fixture.Clock.Now = new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero);
        try
        {
            await Post(client, id, Batch([.. Enumerable.Range(1, 20).Select(day => Spent(day, day <= 10 ? 100m : 200m))]));
            MonitorEvaluation evaluation = fixture.Factory.Services.GetRequiredService<MonitorEvaluation>();
            var slot = new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero);

            MonitorSummary first = await evaluation.RunSlotAsync(slot);
            fixture.Clock.Now = fixture.Clock.Now.AddMinutes(20);
            MonitorSummary repeated = await evaluation.RunSlotAsync(slot);
            Reply pace = await client.SendAsync(HttpMethod.Get, $"/api/alerts?scenarioId={id}&pageSize=100");

            Assert.Contains(first.Fired, alert => alert.Alert.ScenarioId == id);
            Assert.True(repeated.AlreadyCompleted);
            Assert.Empty(repeated.Fired);
            Assert.Equal(new DateOnly(2026, 11, 20), repeated.Day);
            JsonElement[] paceAlerts = [.. Items(pace).Where(a => a.GetProperty("kind").GetString() == "pace")];
            JsonElement alert = Assert.Single(paceAlerts);
            Assert.Equal(("2026-11-20", "warning", 5000m, 3000m), (alert.GetProperty("date").GetString(), alert.GetProperty("severity").GetString(),
                alert.GetProperty("actual").GetDecimal(), alert.GetProperty("expected").GetDecimal()));
        }
        finally
        {
            fixture.Clock.Now = MonitorHostFixture.Now;
        }
    }
}
