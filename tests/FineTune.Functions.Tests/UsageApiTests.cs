using System.Net;
using System.Text.Json;
using FineTune.Functions.Http;
using FineTune.Storage;
using static FineTune.Functions.Tests.Monitored;

namespace FineTune.Functions.Tests;

/// <summary>POST /api/scenarios/{id}/usage against the scenario of <see cref="Monitored"/>: a plan of $100 a day in November.</summary>
[Collection(MonitorHostCollection.Name)]
public sealed class UsageApiTests(MonitorHostFixture fixture)
{
    private static Task<Reply> Post(ApiClient client, string id, byte[] body) => client.SendAsync(HttpMethod.Post, $"/api/scenarios/{id}/usage", body);

    private static IEnumerable<JsonElement> Items(Reply reply, string property = "items") => reply.Json.GetProperty(property).EnumerateArray();

    [Fact]
    public async Task RecordUsage_ValidBatch_IsAcceptedAndShownAgainstThePlan()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);

        Reply reply = await Post(client, id, Batch(Spent(1, 90m), Spent(2, 110m),
            """{ "date": "2026-11-03", "requests": 1000, "inputTokens": 10000000, "cachedInputTokens": 0, "outputTokens": 0, "errors": 3 }"""));
        Reply monitor = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor?from=2026-11-01&to=2026-11-04");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal((3, 0, 0, 0), (reply.Json.GetProperty("accepted").GetInt32(), reply.Json.GetProperty("replaced").GetInt32(),
            reply.Json.GetProperty("unchanged").GetInt32(), reply.Json.GetProperty("alerts").GetArrayLength()));
        // The 3rd has no spend: 10,000,000 input tokens at the prompt's $10 per million = $100.
        JsonElement[] days = [.. Items(monitor, "days")];
        Assert.Equal(["90", "110", "100", "null"], days.Select(d => d.GetProperty("actual").GetRawText()));
        Assert.Equal(["-10", "10", "0", "null"], days.Select(d => d.GetProperty("variance").GetRawText()));
        Assert.All(days, d => Assert.Equal(100m, d.GetProperty("plan").GetDecimal()));
    }

    [Fact]
    public async Task RecordUsage_EveryProblem_IsRefusedAtOnceByPathAndNothingIsStored()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        byte[] body = Batch(
            Spent(2, 10m),
            """{ "date": "2026-11-11", "requests": 1 }""",
            """{ "date": "2026-10-31", "requests": 1 }""",
            """{ "date": "2026-11-5", "requests": 1 }""",
            """{ "date": "2026-11-04", "requests": -1, "inputTokens": 10, "cachedInputTokens": 11 }""",
            """{ "date": "2026-11-04", "requests": 5, "errors": 6, "approachId": "gpt", "cost": 1 }""",
            Spent(2, 12m),
            """{ "requests": 1.5, "spend": "12" }""");

        Reply reply = await Post(client, id, body);
        Reply monitor = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor");

        JsonElement? errors = reply.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(
            [
                "records[1].date", "records[2].date", "records[3].date", "records[4].cachedInputTokens", "records[4].requests",
                "records[5].approachId", "records[5].cost", "records[5].errors", "records[6]", "records[7].date", "records[7].requests",
                "records[7].spend",
            ],
            errors!.Value.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("future", errors.Value.GetProperty("records[1].date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-11-01", errors.Value.GetProperty("records[2].date")[0].GetString(), StringComparison.Ordinal);
        Assert.All(Items(monitor, "days"), day => Assert.Equal(JsonValueKind.Null, day.GetProperty("actual").ValueKind));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "[]", "$" },
        { "{}", "records" },
        { """{ "records": [] }""", "records" },
        { """{ "records": [3] }""", "records[0]" },
        { """{ "records": [], "extra": 1 }""", "extra" },
        { "{ \"records\": ", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task RecordUsage_MalformedBody_IsRefusedAtItsPath(string body, string path)
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);

        Reply reply = await Post(client, id, System.Text.Encoding.UTF8.GetBytes(body));

        reply.AssertBadRequestFor(path);
    }

    [Fact]
    public async Task RecordUsage_367Records_IsRefused()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client, ScenarioBody("""{ "approachId": "prompt", "startDate": "2025-01-01" }"""));
        string[] records = [.. Enumerable.Range(0, 367).Select(i => $$"""{ "date": "{{new DateOnly(2025, 1, 1).AddDays(i):yyyy-MM-dd}}", "requests": 1 }""")];

        Reply tooMany = await Post(client, id, Batch(records));
        Reply enough = await Post(client, id, Batch(records[1..]));

        tooMany.AssertBadRequestFor("records");
        Assert.Equal(366, enough.Json.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task RecordUsage_ForeignOrUnknownScenario_Is404_AndABodyThatIsNotJsonIs415()
    {
        ApiClient owner = fixture.Client();
        string id = await CreateAsync(owner);

        Reply foreign = await Post(fixture.Client(), id, Batch(Spent(2, 10m)));
        Reply unknown = await Post(owner, Guid.NewGuid().ToString("N"), Batch(Spent(2, 10m)));
        Reply text = await owner.SendAsync(owner.Request(HttpMethod.Post, $"/api/scenarios/{id}/usage", Batch(Spent(2, 10m)), "text/plain"));
        Reply large = await owner.SendAsync(owner.Request(HttpMethod.Post, $"/api/scenarios/{id}/usage", FineTune.Testing.Samples.Padded(ApiRequest.MaxBodyBytes + 1)));

        foreign.AssertProblem(HttpStatusCode.NotFound);
        unknown.AssertProblem(HttpStatusCode.NotFound);
        text.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        large.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task RecordUsage_SameBatchTwice_ChangesNothingAndFiresNothing()
    {
        // The 3rd spends $140 against $100: 40 % over (a warning), $40 over the $10 floor.
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        byte[] batch = Batch(Spent(1, 100m), Spent(2, 100m), Spent(3, 140m));

        Reply first = await Post(client, id, batch);
        Reply alertsAfterFirst = await client.SendAsync(HttpMethod.Get, "/api/alerts");
        Reply second = await Post(client, id, batch);
        Reply alertsAfterSecond = await client.SendAsync(HttpMethod.Get, "/api/alerts");

        JsonElement fired = Assert.Single(Items(first, "alerts"));
        Assert.Equal(("over-plan", "warning", "2026-11-03", 140m, 100m, 40m, 0.4m),
            (fired.GetProperty("kind").GetString(), fired.GetProperty("severity").GetString(), fired.GetProperty("date").GetString(),
             fired.GetProperty("actual").GetDecimal(), fired.GetProperty("expected").GetDecimal(), fired.GetProperty("impact").GetDecimal(),
             fired.GetProperty("impactRate").GetDecimal()));
        Assert.Equal("$140.00 on 2026-11-03, 40% above the plan of $100.00 for that day (approach prompt; a warning above 25%, an alert above 50%).",
            fired.GetProperty("message").GetString());
        Assert.Equal((3, 0, 3, 0), (second.Json.GetProperty("accepted").GetInt32(), second.Json.GetProperty("replaced").GetInt32(),
            second.Json.GetProperty("unchanged").GetInt32(), second.Json.GetProperty("alerts").GetArrayLength()));
        Assert.Equal(alertsAfterFirst.Body, alertsAfterSecond.Body);
    }

    [Fact]
    public async Task RecordUsage_ReplacedRecord_ReEvaluatesTheDayWithoutFiringAgain()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        await Post(client, id, Batch(Spent(3, 140m)));
        fixture.Clock.Now = MonitorHostFixture.Now.AddMinutes(5);
        try
        {
            Reply worse = await Post(client, id, Batch(Spent(3, 170m)));
            JsonElement updated = Items(await client.SendAsync(HttpMethod.Get, "/api/alerts"), "items").Single();
            Reply corrected = await Post(client, id, Batch(Spent(3, 100m)));
            Reply afterCorrection = await client.SendAsync(HttpMethod.Get, "/api/alerts");
            Reply again = await Post(client, id, Batch(Spent(3, 140m)));
            JsonElement back = Items(await client.SendAsync(HttpMethod.Get, "/api/alerts"), "items").Single();

            // $170 is 70 % over: the same alert, now of severity alert, not fired again.
            Assert.Equal((1, 0), (worse.Json.GetProperty("replaced").GetInt32(), worse.Json.GetProperty("alerts").GetArrayLength()));
            Assert.Equal(("alert", 170m), (updated.GetProperty("severity").GetString(), updated.GetProperty("actual").GetDecimal()));
            Assert.Equal(MonitorHostFixture.Now, updated.GetProperty("firedAt").GetDateTimeOffset());
            Assert.Equal(MonitorHostFixture.Now.AddMinutes(5), updated.GetProperty("updatedAt").GetDateTimeOffset());
            // Back on plan: the alert is withdrawn; over plan again: it stands again, still not fired a second time.
            Assert.Equal(0, corrected.Json.GetProperty("alerts").GetArrayLength());
            Assert.Empty(Items(afterCorrection));
            Assert.Equal(0, again.Json.GetProperty("alerts").GetArrayLength());
            Assert.Equal((140m, "warning"), (back.GetProperty("actual").GetDecimal(), back.GetProperty("severity").GetString()));
        }
        finally
        {
            fixture.Clock.Now = MonitorHostFixture.Now;
        }
    }

    [Fact]
    public async Task RecordUsage_ConcurrentPostsForTheSameDay_LoseNothingAndCountNothingTwice()
    {
        // 12 posts at once for 5 November: each of the three approaches sent by four posts with the same record, $60 each.
        // All three make $180 against $100: over plan. One post per approach adds its record, the three others find it there;
        // the over-plan alert fires in exactly one post.
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        string[] approaches = ["prompt", "rag", "mini"];

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Post(client, id, Batch(Spent(5, 60m, 1000 + (i % 3), approaches[i % 3]))))));
        Reply[] replacing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Post(client, id, Batch(Spent(5, 70m, 2000, "prompt"))))));
        Reply monitor = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor?from=2026-11-05&to=2026-11-05");
        Reply alerts = await client.SendAsync(HttpMethod.Get, "/api/alerts");

        Assert.All(replies.Concat(replacing), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(3, replies.Count(r => r.Json.GetProperty("unchanged").GetInt32() == 0));
        Assert.Equal(9, replies.Sum(r => r.Json.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, replies.Sum(r => r.Json.GetProperty("alerts").GetArrayLength()));
        Assert.Equal((1, 3), (replacing.Sum(r => r.Json.GetProperty("replaced").GetInt32()), replacing.Sum(r => r.Json.GetProperty("unchanged").GetInt32())));
        JsonElement day = Items(monitor, "days").Single();
        // 2000 + 1001 + 1002 requests; $70 + $60 + $60.
        Assert.Equal((4003L, 190m), (day.GetProperty("requests").GetInt64(), day.GetProperty("actual").GetDecimal()));
        JsonElement alert = Items(alerts).Single();
        Assert.Equal((190m, "alert"), (alert.GetProperty("actual").GetDecimal(), alert.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task DeleteScenario_LeavesNoUsageOrAlertBehind()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        await Post(client, id, Batch(Spent(1, 100m), Spent(2, 500m)));

        Reply deleted = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{id}");
        Reply monitor = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/monitor");
        Reply alerts = await client.SendAsync(HttpMethod.Get, "/api/alerts");
        IReadOnlyList<StoredUsageDay> rows = await new UsageStore(fixture.Service).ReadAsync(client.Workspace, id, DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        monitor.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(Items(alerts));
        Assert.Empty(rows);
    }

    [Fact]
    public async Task ModelNamedScenario_IsMonitoredAtTheCatalogPricesAsTheSameScenarioTyped()
    {
        // The prompt approach names gpt-4.1-mini instead of typing $10 per million: its plan and the cost of its token
        // records come from the catalog entry in effect on pricesAsOf, exactly as if the entry's rates were typed in.
        const string Mini = "openai/gpt-4.1-mini-2025-04-14";
        FineTune.Core.PriceRates rates = FineTune.Core.PriceSeed.Catalog.InEffect(FineTune.Core.ModelId.Parse(Mini), new DateOnly(2026, 11, 1))!.Rates;
        string prompt = """{ "inputPerMillion": 10, "outputPerMillion": 0 }""";
        string typedPrices = System.FormattableString.Invariant(
            $$"""{ "inputPerMillion": {{rates.InputPerMillion}}, "outputPerMillion": {{rates.OutputPerMillion}} }""");
        string scenario = Scenario.Replace("\"pricing\": " + prompt, "\"model\": \"" + Mini + "\"", StringComparison.Ordinal)
            .Replace("\"monitoring\":", "\"pricesAsOf\": \"2026-11-01\", \"monitoring\":", StringComparison.Ordinal);
        ApiClient client = fixture.Client();
        string named = await CreateAsync(client, System.Text.Encoding.UTF8.GetBytes(scenario));
        string typed = await CreateAsync(client, System.Text.Encoding.UTF8.GetBytes(Scenario.Replace(prompt, typedPrices, StringComparison.Ordinal)));
        byte[] batch = Batch("""{ "date": "2026-11-03", "requests": 1000, "inputTokens": 10000000, "outputTokens": 20000 }""", Spent(4, 3m));

        Reply[] receipts = [await Post(client, named, batch), await Post(client, typed, batch)];
        Reply[] monitors = [
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{named}/monitor?from=2026-11-01&to=2026-11-05"),
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{typed}/monitor?from=2026-11-01&to=2026-11-05"),
        ];
        Reply portfolio = await client.SendAsync(HttpMethod.Get, "/api/portfolio");
        Reply[] charts = [
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{named}/charts/monitor.svg?from=2026-11-01&to=2026-11-05"),
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{typed}/charts/monitor.svg?from=2026-11-01&to=2026-11-05"),
        ];

        Assert.All(receipts.Concat(monitors).Concat(charts).Append(portfolio), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(charts[1].Body, charts[0].Body);
        Assert.Equal(
            monitors[1].Json.GetProperty("days").GetRawText().Replace(typed, named, StringComparison.Ordinal),
            monitors[0].Json.GetProperty("days").GetRawText());
        JsonElement third = Items(monitors[0], "days").Single(d => d.GetProperty("date").GetString() == "2026-11-03");
        Assert.Equal(10m * rates.InputPerMillion!.Value + 0.02m * rates.OutputPerMillion!.Value, third.GetProperty("actual").GetDecimal());
        Assert.Equal(2, Items(portfolio).Count());
        Assert.Equal(Items(portfolio).First().GetProperty("monthlyRunRate").GetDecimal(), Items(portfolio).Last().GetProperty("monthlyRunRate").GetDecimal());
    }
}
