using System.Net;
using System.Text;
using System.Text.Json;
using FineTune.Testing;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>
/// The stateless analysis of a body and the analysis of the same scenario stored give the same tiers and say the same
/// reference versions: on the instance that changed the bands at once, on another within its refresh interval, and on
/// one whose storage has gone away.
/// </summary>
public sealed class AnalysisAgreementTests
{
    private static readonly byte[] StrictBand = Encoding.UTF8.GetBytes(
        """{"direction":"lower-is-better","low":0.00004,"medianLow":0.00002,"medianHigh":0.00003,"elite":0.00001,"source":"our own survey"}""");

    private const string BandRoute = "/api/benchmarks/enterprise-ai/inference-cost-per-request";

    private static Dictionary<string, string?> Settings(int refreshSeconds) => new()
    {
        ["BENCHMARK_RECOMPUTE_SCHEDULE"] = "0 0 0 1 1 *",
        ["ReferenceData:RefreshSeconds"] = refreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The tiers and reference versions of an analysis: what must agree.</summary>
    private static string Placement(Reply analysis)
    {
        Assert.Equal(HttpStatusCode.OK, analysis.Status);
        JsonElement json = analysis.Json;
        return json.GetProperty("benchmarks").GetRawText() + json.GetProperty("reference").GetRawText();
    }

    private static string CostTier(Reply analysis) => analysis.Json.GetProperty("benchmarks").EnumerateArray()
        .Single(m => m.GetProperty("metric").GetString() == "inference-cost-per-request").GetProperty("tier").GetString()!;

    private static async Task<(Reply Stateless, Reply Stored)> BothAsync(ApiClient client, string id) =>
        (await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage()),
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis"));

    [Fact]
    public async Task Analyses_BandChangedOnThisInstance_AgreeBeforeAndAtOnceAfter()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var host = LocalHostFactory.Over(azurite.ConnectionString, Settings(3600));
        var client = new ApiClient(host.CreateClient(), "agree");
        string id = (await client.CreateAsync()).Id;

        (Reply stateless, Reply stored) before = await BothAsync(client, id);
        Reply upsert = await client.SendAsync(HttpMethod.Put, BandRoute, StrictBand);
        (Reply stateless, Reply stored) after = await BothAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, upsert.Status);
        Assert.Equal(Placement(before.stored), Placement(before.stateless));
        Assert.Equal(Placement(after.stored), Placement(after.stateless));
        Assert.Equal("""{"benchmarkVersion":1,"priceVersion":1}""", before.stateless.Json.GetProperty("reference").GetRawText());
        Assert.Equal("""{"benchmarkVersion":2,"priceVersion":1}""", after.stateless.Json.GetProperty("reference").GetRawText());
        Assert.NotEqual("low", CostTier(before.stateless));
        Assert.Equal("low", CostTier(after.stateless));
    }

    [Fact]
    public async Task Analyses_BandChangedOnAnotherInstance_AgreeOnTheNewBandWithinTheRefreshInterval()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var writer = LocalHostFactory.Over(azurite.ConnectionString, Settings(3600));
        await using var reader = LocalHostFactory.Over(azurite.ConnectionString, Settings(1));
        var writerClient = new ApiClient(writer.CreateClient(), "agree");
        var readerClient = new ApiClient(reader.CreateClient(), "agree");
        string id = (await writerClient.CreateAsync()).Id;
        (Reply stateless, Reply stored) before = await BothAsync(readerClient, id);

        await writerClient.SendAsync(HttpMethod.Put, BandRoute, StrictBand);
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        Reply stateless;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            stateless = await readerClient.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());
        }
        while (CostTier(stateless) != "low" && DateTime.UtcNow < deadline);
        Reply stored = await readerClient.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(Placement(before.stored), Placement(before.stateless));
        Assert.Equal("low", CostTier(stateless));
        Assert.Equal(Placement(stateless), Placement(stored));
        Assert.Equal(2, stored.Json.GetProperty("reference").GetProperty("benchmarkVersion").GetInt64());
    }

    [Fact]
    public async Task Analyses_PriceChangedOnAnotherInstance_PriceANamedModelAlikeWithinTheRefreshInterval()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var writer = LocalHostFactory.Over(azurite.ConnectionString, Settings(3600));
        await using var reader = LocalHostFactory.Over(azurite.ConnectionString, Settings(1));
        var writerClient = new ApiClient(writer.CreateClient(), "agree");
        var readerClient = new ApiClient(reader.CreateClient(), "agree");
        byte[] named = ScenarioModelApiTests.Named();
        string id = (await writerClient.CreateAsync(named)).Id;
        string today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (Reply stateless, Reply stored) before = (await readerClient.SendAsync(HttpMethod.Post, "/api/analyses", named),
            await readerClient.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis"));

        Reply upsert = await writerClient.SendAsync(HttpMethod.Put, "/api/models/openai/gpt-4.1-2025-04-14", Encoding.UTF8.GetBytes(
            $$"""{"inputPerMillion": 1.00, "cachedInputPerMillion": 0.25, "outputPerMillion": 4.00, "effectiveFrom": "{{today}}", "source": "a price cut"}"""));
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        Reply stateless;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            stateless = await readerClient.SendAsync(HttpMethod.Post, "/api/analyses", named);
        }
        while (PriceVersion(stateless) != 2 && DateTime.UtcNow < deadline);
        Reply stored = await readerClient.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(HttpStatusCode.OK, upsert.Status);
        Assert.Equal(before.stored.Body, before.stateless.Body);
        Assert.Equal(2, PriceVersion(stateless));
        Assert.Equal(stateless.Body, stored.Body);
        Assert.Equal("a price cut", stored.Json.GetProperty("prices")[0].GetProperty("source").GetString());
        Assert.NotEqual(ModelTokenCost(before.stored), ModelTokenCost(stored));
    }

    private static long PriceVersion(Reply analysis) => analysis.Json.GetProperty("reference").GetProperty("priceVersion").GetInt64();

    private static decimal ModelTokenCost(Reply analysis) =>
        analysis.Json.GetProperty("approaches")[0].GetProperty("perRequest").GetProperty("modelTokenCost").GetDecimal();

    [Fact]
    public async Task StatelessAnalysis_StorageGone_AgreesWithTheStoredAnalysisOfBeforeAndSaysItsVersions()
    {
        AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var host = LocalHostFactory.Over(azurite.ConnectionString, Settings(1));
        var client = new ApiClient(host.CreateClient(), "agree");
        string id = (await client.CreateAsync()).Id;
        await client.SendAsync(HttpMethod.Put, BandRoute, StrictBand);
        Reply stored = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        azurite.Dispose();
        // Past the refresh interval: the instance looks at storage, fails, and keeps what it has.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Reply stateless = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());
        Reply storedDuringOutage = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(Placement(stored), Placement(stateless));
        Assert.Equal("low", CostTier(stateless));
        Assert.Equal("""{"benchmarkVersion":2,"priceVersion":1}""", stateless.Json.GetProperty("reference").GetRawText());
        // The stored scenario itself is in storage: its analysis waits for storage to come back.
        storedDuringOutage.AssertProblem(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task StatelessAnalysis_StorageNeverReached_UsesTheShippedSeedVersions()
    {
        await using var host = LocalHostFactory.WithoutStorage(Settings(60));
        var client = new ApiClient(host.CreateClient(), "agree");

        Reply analysis = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, analysis.Status);
        Assert.Equal("""{"benchmarkVersion":1,"priceVersion":1}""", analysis.Json.GetProperty("reference").GetRawText());
    }
}
