using System.Net;
using System.Text;
using System.Text.Json;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>The benchmark routes over HTTP. No test here changes a band, so they share one host and Azurite.</summary>
[Collection(BenchmarkHostCollection.Name)]
public sealed class BenchmarkApiTests(BenchmarkHostFixture fixture)
{
    private const string CostBandRoute = "/api/benchmarks/enterprise-ai/inference-cost-per-request";

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public async Task ListBenchmarks_NoUpsertYet_ReturnsVersion1AndTheFourReferenceBands()
    {
        Reply reply = await fixture.Host.Client().SendAsync(HttpMethod.Get, "/api/benchmarks");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, reply.Json.GetProperty("version").GetInt64());
        JsonElement[] bands = [.. reply.Json.GetProperty("bands").EnumerateArray()];
        Assert.Equal(4, bands.Length);
        Assert.All(bands, band => Assert.Equal("source-document reference band", band.GetProperty("source").GetString()));
        JsonElement cost = Assert.Single(bands, band => band.GetProperty("metric").GetString() == "inference-cost-per-request");
        Assert.Equal(
            """{"segment":"enterprise-ai","metric":"inference-cost-per-request","direction":"lower-is-better","low":0.1,"medianLow":0.01,"medianHigh":0.05,"elite":0.005,"source":"source-document reference band"}""",
            cost.GetRawText());
    }

    [Fact]
    public async Task UpsertBenchmarkBand_DirectionAgainstTheMetricsNature_Returns400ForDirection()
    {
        Reply reply = await fixture.Host.Client().SendAsync(HttpMethod.Put, CostBandRoute, Json(
            """{"direction":"higher-is-better","low":0.005,"medianLow":0.01,"medianHigh":0.05,"elite":0.1,"source":"mine"}"""));

        reply.AssertBadRequestFor("direction");
    }

    [Fact]
    public async Task UpsertBenchmarkBand_ThresholdsOutOfOrder_Returns400ForEveryMisplacedOne()
    {
        Reply reply = await fixture.Host.Client().SendAsync(HttpMethod.Put, CostBandRoute, Json(
            """{"direction":"lower-is-better","low":0.01,"medianLow":0.05,"medianHigh":0.02,"elite":0.1,"source":"mine"}"""));

        reply.AssertBadRequestFor("medianLow");
        reply.AssertBadRequestFor("elite");
        reply.AssertBadRequestFor("low");
    }

    [Fact]
    public async Task UpsertBenchmarkBand_UnknownRouteValuesAndBodyProblems_Returns400WithEveryPathAtOnce()
    {
        Reply reply = await fixture.Host.Client().SendAsync(HttpMethod.Put, "/api/benchmarks/fintech/margin", Json(
            """{"direction":"lower-is-better","low":"high","medianLow":-1,"medianHigh":0.05,"elite":0.001,"extra":1,"elite":0.002}"""));

        foreach (string key in (string[])["segment", "metric", "low", "medianLow", "source", "extra", "elite"])
        {
            reply.AssertBadRequestFor(key);
        }
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"direction\":")]
    public async Task UpsertBenchmarkBand_NotAJsonObject_Returns400ForTheBody(string body)
    {
        Reply reply = await fixture.Host.Client().SendAsync(HttpMethod.Put, CostBandRoute, Json(body));

        reply.AssertBadRequestFor("$");
    }

    [Fact]
    public async Task UpsertBenchmarkBand_NotJsonOrTooLarge_Returns415Or413()
    {
        ApiClient client = fixture.Host.Client();

        Reply text = await client.SendAsync(client.Request(HttpMethod.Put, CostBandRoute, Json("{}"), "text/plain"));
        Reply large = await client.SendAsync(HttpMethod.Put, CostBandRoute, Samples.Padded(256 * 1024 + 1));

        text.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        large.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task GetScenarioComparison_BeforeAnyRecomputeCoveredIt_PlacesTiersOnTheSpotWithoutPeers()
    {
        ApiClient client = fixture.Host.Client();
        string id = (await client.CreateAsync()).Id;

        Reply comparison = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");
        Reply analysis = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(HttpStatusCode.OK, comparison.Status);
        JsonElement body = comparison.Json;
        Assert.Equal(id, body.GetProperty("scenarioId").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("computedAt").ValueKind);
        Assert.False(body.GetProperty("stale").GetBoolean());
        Assert.Equal(1, body.GetProperty("benchmarkVersion").GetInt64());
        JsonElement[] metrics = [.. body.GetProperty("metrics").EnumerateArray()];
        Assert.All(metrics, metric => Assert.Equal(JsonValueKind.Null, metric.GetProperty("peers").ValueKind));
        Assert.Equal(
            analysis.Json.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetRawText()),
            metrics.Select(m => $$"""{"metric":{{m.GetProperty("metric").GetRawText()}},"value":{{m.GetProperty("value").GetRawText()}},"tier":{{m.GetProperty("tier").GetRawText()}},"band":{{m.GetProperty("band").GetRawText()}}}"""));
    }

    [Fact]
    public async Task GetScenarioComparison_AfterRecomputeThenTheScenarioChanged_IsStale()
    {
        ApiClient client = fixture.Host.Client();
        Reply created = await client.CreateAsync();
        Reply run = await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");

        Reply fresh = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}/comparison");
        await Task.Delay(5);
        Reply updated = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), created.ETag);
        Reply stale = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}/comparison");

        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(JsonValueKind.String, fresh.Json.GetProperty("computedAt").ValueKind);
        Assert.Equal(run.Json.GetProperty("computedAt").GetDateTimeOffset(), fresh.Json.GetProperty("computedAt").GetDateTimeOffset());
        Assert.False(fresh.Json.GetProperty("stale").GetBoolean());
        Assert.True(stale.Json.GetProperty("stale").GetBoolean());
        Assert.Equal(fresh.Json.GetProperty("computedAt").GetRawText(), stale.Json.GetProperty("computedAt").GetRawText());
        // The workspace's own figure comes with the recompute.
        Assert.Contains(fresh.Json.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("metric").GetString() == "ai-feature-profitability");
    }

    [Fact]
    public async Task GetScenarioComparison_ForeignUnknownOrMalformedId_Returns404()
    {
        string id = (await fixture.Host.Client().CreateAsync()).Id;
        ApiClient other = fixture.Host.Client();

        Reply[] replies =
        [
            await other.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison"),
            await other.SendAsync(HttpMethod.Get, "/api/scenarios/0190f5c2a1b27c3d8e9f00112233aabb/comparison"),
            await other.SendAsync(HttpMethod.Get, "/api/scenarios/not-an-id/comparison"),
        ];

        Assert.All(replies, reply => reply.AssertProblem(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task RecomputeBenchmarks_Post_RunsManuallyAndSummarises()
    {
        ApiClient client = fixture.Host.Client();
        await client.CreateAsync();

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement summary = reply.Json;
        Assert.Equal("manual", summary.GetProperty("trigger").GetString());
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.False(summary.GetProperty("resumed").GetBoolean());
        Assert.Equal(1, summary.GetProperty("attempts").GetInt32());
        Assert.True(summary.GetProperty("scenarios").GetInt32() >= 1);
        Assert.Equal(summary.GetProperty("scenarios").GetInt32(), summary.GetProperty("comparisonsWritten").GetInt32());
        Assert.True(summary.GetProperty("durationMilliseconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task GetScenarioComparison_PeersPublished_SaysTheShareOfPeersBeaten()
    {
        // Five scenarios from three workspaces meet the publication rule.
        ApiClient[] clients = [fixture.Host.Client(), fixture.Host.Client(), fixture.Host.Client()];
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await clients[i % 3].CreateAsync()).Id);
        }
        await clients[0].SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");

        Reply reply = await clients[0].SendAsync(HttpMethod.Get, $"/api/scenarios/{ids[0]}/comparison");

        JsonElement cost = Assert.Single(reply.Json.GetProperty("metrics").EnumerateArray(),
            m => m.GetProperty("metric").GetString() == "inference-cost-per-request");
        JsonElement peers = cost.GetProperty("peers");
        Assert.InRange(peers.GetProperty("shareOfPeersBeaten").GetDecimal(), 0m, 1m);
        Assert.False(peers.TryGetProperty("percentile", out _), peers.GetRawText());
    }
}
