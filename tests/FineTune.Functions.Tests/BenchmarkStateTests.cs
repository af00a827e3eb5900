using System.Net;
using System.Text;
using System.Text.Json;

namespace FineTune.Functions.Tests;

/// <summary>Benchmark routes whose tests change global state (bands, the first recompute): a host and Azurite each.</summary>
public sealed class BenchmarkStateTests
{
    private static string CostTier(Reply comparison) => comparison.Json.GetProperty("metrics").EnumerateArray()
        .Single(m => m.GetProperty("metric").GetString() == "inference-cost-per-request").GetProperty("tier").GetString()!;

    [Fact]
    public async Task GetPeerStatistics_BeforeAndAfterRecompute_PublishesOnlyAboveTheThreshold()
    {
        await using BenchmarkHost host = await BenchmarkHost.StartAsync();
        ApiClient[] workspaces = [host.Client(), host.Client(), host.Client()];
        Reply before = await workspaces[0].SendAsync(HttpMethod.Get, "/api/benchmarks/peers");
        foreach (ApiClient client in workspaces.Append(workspaces[0]))
        {
            await client.CreateAsync();
        }
        await workspaces[0].SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply fourFromThree = await workspaces[0].SendAsync(HttpMethod.Get, "/api/benchmarks/peers");
        await workspaces[1].CreateAsync();
        await workspaces[0].SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply fiveFromThree = await workspaces[2].SendAsync(HttpMethod.Get, "/api/benchmarks/peers");

        Assert.Equal("""{"computedAt":null,"segments":[]}""", before.Body);
        Assert.Equal(JsonValueKind.String, fourFromThree.Json.GetProperty("computedAt").ValueKind);
        Assert.Equal(0, fourFromThree.Json.GetProperty("segments").GetArrayLength());
        JsonElement[] rows = [.. fiveFromThree.Json.GetProperty("segments").EnumerateArray()];
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Equal("enterprise-ai", row.GetProperty("segment").GetString());
            Assert.Equal((5, 3), (row.GetProperty("count").GetInt32(), row.GetProperty("workspaces").GetInt32()));
            Assert.Equal(row.GetProperty("p10").GetDecimal(), row.GetProperty("p90").GetDecimal());
        });
    }

    [Fact]
    public async Task UpsertBenchmarkBand_ThenRecompute_MarksEarlierComparisonsStaleAndChangesTiers()
    {
        await using BenchmarkHost host = await BenchmarkHost.StartAsync();
        ApiClient client = host.Client();
        string id = (await client.CreateAsync()).Id;
        await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply before = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");

        Reply upsert = await client.SendAsync(HttpMethod.Put, "/api/benchmarks/enterprise-ai/inference-cost-per-request", Encoding.UTF8.GetBytes(
            """{"direction":"lower-is-better","low":0.00004,"medianLow":0.00002,"medianHigh":0.00003,"elite":0.00001,"source":"our own survey"}"""));
        Reply bands = await client.SendAsync(HttpMethod.Get, "/api/benchmarks");
        Reply staleAfterUpsert = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");
        await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply after = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");

        Assert.Equal(HttpStatusCode.OK, upsert.Status);
        Assert.Equal(
            """{"segment":"enterprise-ai","metric":"inference-cost-per-request","direction":"lower-is-better","low":0.00004,"medianLow":0.00002,"medianHigh":0.00003,"elite":0.00001,"source":"our own survey"}""",
            upsert.Body);
        Assert.Equal(2, bands.Json.GetProperty("version").GetInt64());
        Assert.NotEqual("low", CostTier(before));
        Assert.False(before.Json.GetProperty("stale").GetBoolean());
        Assert.True(staleAfterUpsert.Json.GetProperty("stale").GetBoolean());
        Assert.Equal(CostTier(before), CostTier(staleAfterUpsert));
        Assert.False(after.Json.GetProperty("stale").GetBoolean());
        Assert.Equal(2, after.Json.GetProperty("benchmarkVersion").GetInt64());
        Assert.Equal("low", CostTier(after));
    }
}

/// <summary>The analysis of a stored scenario uses the bands as they stand, and so does the stateless analysis on the same instance.</summary>
public sealed class StoredAnalysisBandTests
{
    private static string CostTier(Reply analysis) => analysis.Json.GetProperty("benchmarks").EnumerateArray()
        .Single(m => m.GetProperty("metric").GetString() == "inference-cost-per-request").GetProperty("tier").GetString()!;

    [Fact]
    public async Task GetScenarioAnalysis_AfterBandUpsert_PlacesTheScenarioInTheNewBand()
    {
        await using BenchmarkHost host = await BenchmarkHost.StartAsync();
        ApiClient client = host.Client();
        string id = (await client.CreateAsync()).Id;
        Reply before = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        await client.SendAsync(HttpMethod.Put, "/api/benchmarks/enterprise-ai/inference-cost-per-request", Encoding.UTF8.GetBytes(
            """{"direction":"lower-is-better","low":0.00004,"medianLow":0.00002,"medianHigh":0.00003,"elite":0.00001,"source":"our own survey"}"""));
        Reply after = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");
        Reply statelessAfter = await client.SendAsync(HttpMethod.Post, "/api/analyses", FineTune.Testing.Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual("low", CostTier(before));
        Assert.Equal("low", CostTier(after));
        Assert.Equal("low", CostTier(statelessAfter));
        Assert.Equal("our own survey", after.Json.GetProperty("benchmarks").EnumerateArray()
            .Single(m => m.GetProperty("metric").GetString() == "inference-cost-per-request").GetProperty("band").GetProperty("source").GetString());
    }
}
