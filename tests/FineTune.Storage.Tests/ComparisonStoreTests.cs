using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ComparisonStoreTests(AzuriteFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly BenchmarkBand CostBand = BenchmarkBands.Seed[1];

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static StoredComparison Comparison(string workspace, string id, PeerPlacement? peers = null) => new(
        workspace, id, Noon, 3, 2, Noon.AddMinutes(-5),
        [new MetricComparison(Metric.InferenceCostPerRequest, 0.0123456789012345678901234567m, Tier.Median, CostBand, peers)]);

    [Fact]
    public async Task WriteThenGet_ExactDecimalsAndPeers_ReadBackUnchanged()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();
        var peers = new PeerPlacement(7, 3, 0.001m, 0.002m, 0.0123456789012345678901234567m, 0.04m, 0.05m, 0.5m);
        StoredComparison written = Comparison(workspace, NewId(), peers);

        await store.WriteAsync([written]);
        StoredComparison? read = await store.GetAsync(workspace, written.ScenarioId);

        Assert.NotNull(read);
        Assert.Equal(written with { Metrics = [] }, read with { Metrics = [] });
        MetricComparison metric = Assert.Single(read.Metrics);
        Assert.Equal(written.Metrics[0], metric);
        Assert.Equal("0.0123456789012345678901234567", metric.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Write_PeerPlacement_StoresShareOfPeersBeatenUnderItsName()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();
        StoredComparison written = Comparison(workspace, NewId(), new PeerPlacement(7, 3, 1m, 2m, 3m, 4m, 5m, 0.25m));

        await store.WriteAsync([written]);
        TableEntity row = (await fixture.Service.GetTableClient(ComparisonStore.TableName)
            .GetEntityAsync<TableEntity>(workspace, written.ScenarioId)).Value;

        Assert.Contains("\"shareOfPeersBeaten\":0.25", row.GetString("Metrics"), StringComparison.Ordinal);
        Assert.DoesNotContain("percentile", row.GetString("Metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RowWrittenBeforeTheRenameAndPriceVersions_ReadsPercentileAsShareOfPeersBeatenAndIsStale()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();
        string id = NewId();
        // A row as the recompute wrote it while the figure was called percentile.
        await fixture.Service.GetTableClient(ComparisonStore.TableName).UpsertEntityAsync(new TableEntity(workspace, id)
        {
            ["ComputedAt"] = Noon,
            ["BenchmarkVersion"] = 3L,
            ["ScenarioUpdatedAt"] = Noon.AddMinutes(-5),
            ["Metrics"] = """[{"metric":"inference-cost-per-request","value":0.02,"tier":"median","band":{"segment":"enterprise-ai","metric":"inference-cost-per-request","direction":"lower-is-better","low":0.1,"medianLow":0.01,"medianHigh":0.05,"elite":0.005,"source":"source-document reference band"},"peers":{"count":5,"workspaces":3,"p10":0.014,"p25":0.02,"p50":0.02,"p75":0.04,"p90":0.064,"percentile":0.625}},"""
                + """{"metric":"model-routing-coverage","value":0,"tier":"low","band":{"segment":"consumer-ai","metric":"model-routing-coverage","direction":"higher-is-better","low":0.3,"medianLow":0.5,"medianHigh":0.7,"elite":0.85,"source":"source-document reference band"}}]""",
        });

        StoredComparison? read = await store.GetAsync(workspace, id);

        Assert.NotNull(read);
        Assert.Equal(new PeerPlacement(5, 3, 0.014m, 0.02m, 0.02m, 0.04m, 0.064m, 0.625m), read.Metrics[0].Peers);
        Assert.Equal((CostBand, Tier.Median), (read.Metrics[0].Band, read.Metrics[0].Tier));
        Assert.Null(read.Metrics[1].Peers);
        // A row written before comparisons recorded the price version reads without one, so it is stale.
        Assert.Equal(new ComparisonBasis(3, null, Noon.AddMinutes(-5)), read.Basis);
        Assert.True(Comparisons.IsStale(read.Basis, new ComparisonBasis(3, 1, Noon.AddMinutes(-5))));
    }

    [Fact]
    public async Task Write_SameScenarioAgain_ReplacesIt()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();
        string id = NewId();
        await store.WriteAsync([Comparison(workspace, id)]);

        await store.WriteAsync([Comparison(workspace, id) with { BenchmarkVersion = 4, Metrics = [] }]);
        StoredComparison? read = await store.GetAsync(workspace, id);

        Assert.Equal(4, read!.BenchmarkVersion);
        Assert.Empty(read.Metrics);
    }

    [Fact]
    public async Task Write_AHundredOfOneWorkspace_IsOneTransaction()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();
        StoredComparison[] batch = [.. Enumerable.Range(0, ComparisonStore.MaxBatchSize).Select(_ => Comparison(workspace, NewId()))];

        await store.WriteAsync(batch);

        Assert.All(await Task.WhenAll(batch.Select(c => store.GetAsync(workspace, c.ScenarioId))), Assert.NotNull);
    }

    [Fact]
    public async Task Write_MoreThanAHundredOrTwoWorkspaces_IsRefused()
    {
        var store = new ComparisonStore(fixture.Service);
        string workspace = NewWorkspace();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            store.WriteAsync([.. Enumerable.Range(0, 101).Select(_ => Comparison(workspace, NewId()))]));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteAsync([Comparison(workspace, NewId()), Comparison(NewWorkspace(), NewId())]));
    }

    [Theory]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb")]
    [InlineData("not-an-id")]
    public async Task Get_NoComparison_IsNull(string id)
    {
        Assert.Null(await new ComparisonStore(fixture.Service).GetAsync(NewWorkspace(), id));
    }
}
