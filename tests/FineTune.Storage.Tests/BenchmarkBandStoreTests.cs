using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

/// <summary>The bands are global to an account, so every test here has an Azurite of its own.</summary>
public sealed class BenchmarkBandStoreTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static TableServiceClient Client(AzuriteProcess azurite) =>
        StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));

    private static BenchmarkBand CostBand(decimal elite) =>
        new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.2m, 0.02m, 0.04m, elite, "team survey 2025");

    [Fact]
    public async Task Get_FourProcessesSeedingAnEmptyTableAtOnce_SeedBandsOnceAtVersion1()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FixedTimeProvider(Noon);

        BenchmarkBandSet[] seen = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => new BenchmarkBandStore(Client(azurite), clock).GetAsync()));
        BenchmarkBandSet again = await new BenchmarkBandStore(Client(azurite), clock).GetAsync();
        int rows = 0;
        await foreach (TableEntity _ in Client(azurite).GetTableClient(BenchmarkBandStore.TableName).QueryAsync<TableEntity>())
        {
            rows++;
        }

        Assert.All(seen, set => Assert.Equal(1, set.Version));
        Assert.All(seen, set => Assert.Equal(BenchmarkBands.Seed.OrderBy(b => b.Segment), set.Bands.OrderBy(b => b.Segment)));
        Assert.Equal(1, again.Version);
        Assert.Equal(4, again.Bands.Count);
        Assert.All(again.Bands, band => Assert.Equal("source-document reference band", band.Source));
        Assert.Equal(5, rows);
    }

    [Fact]
    public async Task Upsert_ExactThresholds_ReadBackExactlyWithScaleAndBumpVersion()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon));
        BenchmarkBand band = CostBand(0.0012345678901234567890123456m) with { Low = 0.40m };

        BenchmarkBandSet afterUpsert = await store.UpsertAsync(band);
        BenchmarkBandSet read = await new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon)).GetAsync();

        Assert.Equal(2, afterUpsert.Version);
        Assert.Equal(2, read.Version);
        BenchmarkBand stored = Assert.Single(read.Bands, b => b.Metric == Metric.InferenceCostPerRequest);
        Assert.Equal(band, stored);
        Assert.Equal("0.40", stored.Low.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.0012345678901234567890123456", stored.Elite.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, read.Bands.Count);
    }

    [Fact]
    public async Task Upsert_EightConcurrentUpsertsFromSeparateStores_EachBumpsTheVersionOnce()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon)).GetAsync();

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon)).UpsertAsync(CostBand(i / 1000m))));
        BenchmarkBandSet read = await new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon)).GetAsync();

        Assert.Equal(9, read.Version);
        Assert.Equal(4, read.Bands.Count);
    }

    [Fact]
    public async Task Upsert_NewSegmentForAMetric_AddsABand()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon));

        BenchmarkBandSet set = await store.UpsertAsync(CostBand(0.001m) with { Segment = Segment.ConsumerAi });

        Assert.Equal(5, set.Bands.Count);
        Assert.Equal(2, set.Version);
    }

    [Fact]
    public async Task Upsert_ThresholdsOutOfOrder_ThrowsAsAProgrammingError()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new BenchmarkBandStore(Client(azurite), new FixedTimeProvider(Noon));

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(CostBand(elite: 1m)));
    }
}
