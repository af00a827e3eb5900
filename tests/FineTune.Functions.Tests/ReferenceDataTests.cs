using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Functions.Reference;
using FineTune.Storage;
using FineTune.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.Functions.Tests;

/// <summary>The one snapshot of bands and prices each instance reads, over a real Azurite and a clock the test moves.</summary>
public sealed class ReferenceDataTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly BenchmarkBand Strict =
        new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.00004m, 0.00002m, 0.00003m, 0.00001m, "our own survey");

    private static TableServiceClient Client(string connectionString) =>
        StorageConnection.CreateClient(new TableStorageSettings(connectionString, null, null, null));

    private static ReferenceData Instance(string connectionString, FakeClock clock, TimeSpan interval) => new(
        new BenchmarkBandStore(Client(connectionString), clock), new PriceCatalogStore(Client(connectionString), clock), clock,
        new ReferenceDataOptions { RefreshInterval = interval }, NullLogger<ReferenceData>.Instance);

    [Fact]
    public async Task Get_BandsChangedByAnotherInstance_SeenOnceTheRefreshIntervalHasPassed()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FakeClock(Noon);
        ReferenceData reader = Instance(azurite.ConnectionString, clock, TimeSpan.FromSeconds(60));
        ReferenceSnapshot first = await reader.GetAsync();

        await new BenchmarkBandStore(Client(azurite.ConnectionString), clock).UpsertAsync(Strict);
        clock.Now = Noon.AddSeconds(59);
        ReferenceSnapshot withinInterval = await reader.GetAsync();
        clock.Now = Noon.AddSeconds(60);
        ReferenceSnapshot afterInterval = await reader.GetAsync();

        Assert.Equal((1L, 1L), (first.BenchmarkVersion, first.PriceVersion));
        Assert.Same(first, withinInterval);
        Assert.Equal(2, afterInterval.BenchmarkVersion);
        Assert.Contains(Strict, afterInterval.Bands);
        // The prices did not change: the catalog is not read again.
        Assert.Same(first.Prices, afterInterval.Prices);
    }

    [Fact]
    public async Task RefreshNow_AfterThisInstanceWrote_UsesTheWriteAtOnce()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FakeClock(Noon);
        ReferenceData writer = Instance(azurite.ConnectionString, clock, TimeSpan.FromHours(1));
        await writer.GetAsync();
        var store = new PriceCatalogStore(Client(azurite.ConnectionString), clock);

        await store.UpsertAsync(new ModelPrice(ModelId.Parse("acme/model-x"), new DateOnly(2026, 12, 1), null,
            new PriceRates(1m, null, 2m, null, null, null), "test", Noon));
        await writer.RefreshNowAsync();
        ReferenceSnapshot after = await writer.GetAsync();

        Assert.Equal(2, after.PriceVersion);
        Assert.Equal(1m, after.Prices.InEffect(ModelId.Parse("acme/model-x"), new DateOnly(2026, 12, 2))!.Rates.InputPerMillion);
    }

    [Fact]
    public async Task Get_StorageGoneAfterALoad_KeepsTheLastSnapshot()
    {
        var clock = new FakeClock(Noon);
        ReferenceData instance;
        ReferenceSnapshot loaded;
        using (AzuriteProcess azurite = await AzuriteProcess.StartAsync())
        {
            instance = Instance(azurite.ConnectionString, clock, TimeSpan.FromSeconds(1));
            await new BenchmarkBandStore(Client(azurite.ConnectionString), clock).UpsertAsync(Strict);
            loaded = await instance.GetAsync();
        }

        clock.Now = Noon.AddSeconds(5);
        ReferenceSnapshot duringOutage = await instance.GetAsync();

        Assert.Equal(2, loaded.BenchmarkVersion);
        Assert.Same(loaded, duringOutage);
    }

    [Fact]
    public async Task Get_StorageNeverReached_ServesTheShippedSeed()
    {
        var clock = new FakeClock(Noon);
        ReferenceData instance = Instance(AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()), clock, TimeSpan.FromSeconds(60));

        ReferenceSnapshot snapshot = await instance.GetAsync();

        Assert.Same(ReferenceSnapshot.Shipped, snapshot);
        Assert.Equal((1L, 1L), (snapshot.BenchmarkVersion, snapshot.PriceVersion));
        Assert.Same(PriceSeed.Catalog, snapshot.Prices);
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    public void Options_FromConfiguration_ReadTheRefreshSecondsOrTheDefault(string? setting, int seconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(ReferenceDataOptions.RefreshSecondsSetting, setting)]).Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), ReferenceDataOptions.FromConfiguration(configuration).RefreshInterval);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("86401")]
    public void Options_FromConfiguration_RefuseAnythingButSecondsUpToADay(string setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(ReferenceDataOptions.RefreshSecondsSetting, setting)]).Build();

        Assert.Throws<InvalidOperationException>(() => ReferenceDataOptions.FromConfiguration(configuration));
    }
}
