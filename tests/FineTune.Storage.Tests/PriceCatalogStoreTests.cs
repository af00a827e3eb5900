using System.Globalization;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

/// <summary>The catalog is global to an account, so every test here has an Azurite of its own.</summary>
public sealed class PriceCatalogStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static TableServiceClient Client(AzuriteProcess azurite) =>
        StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static ModelPrice Price(string id, string from, decimal? input, decimal? output = 1m, FineTunePrices? fineTune = null) =>
        new(ModelId.Parse(id), Day(from), null, new PriceRates(input, null, output, null, null, fineTune), $"test {from}", Noon);

    [Fact]
    public async Task Get_FourProcessesSeedingAnEmptyTableAtOnce_SeedTheSnapshotOnceAtVersion1()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FixedTimeProvider(Noon);

        PriceCatalogSet[] seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new PriceCatalogStore(Client(azurite), clock).GetAsync()));
        int rows = 0;
        await foreach (TableEntity _ in Client(azurite).GetTableClient(PriceCatalogStore.TableName).QueryAsync<TableEntity>())
        {
            rows++;
        }

        Assert.All(seen, set => Assert.Equal(1, set.Version));
        Assert.All(seen, set => Assert.Equal(PriceSeed.Catalog.Versions, set.Catalog.Versions));
        Assert.Equal(PriceSeed.Versions.Count + 1, rows);
        Assert.Equal(1, await new PriceCatalogStore(Client(azurite), clock).GetVersionAsync());
    }

    [Fact]
    public async Task Upsert_ExactAbsentAndZeroRates_ReadBackExactlyAndCloseThePreviousVersion()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon));
        ModelPrice first = Price("acme/model-x", "2026-01-01", 0.40m, 1.6000m, new FineTunePrices(null, null, null, null, 0m));
        ModelPrice second = Price("acme/model-x", "2026-06-01", 0.0000012345678901234567890123m, null, FineTunePrices.None);

        PriceUpsertResult written = await store.UpsertAsync(first);
        PriceUpsertResult replacedLater = await store.UpsertAsync(second);
        IReadOnlyList<ModelPrice> history = await new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon)).GetHistoryAsync(first.Id);

        Assert.Equal((PriceUpsertStatus.Done, 2L, (DateOnly?)null), (written.Status, written.CatalogVersion, written.LatestEffectiveFrom));
        Assert.Equal((PriceUpsertStatus.Done, 3L, (DateOnly?)Day("2026-01-01")), (replacedLater.Status, replacedLater.CatalogVersion, replacedLater.LatestEffectiveFrom));
        Assert.Equal([first with { EffectiveTo = Day("2026-06-01") }, second], history);
        Assert.Equal("0.40", history[0].Rates.InputPerMillion!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1.6000", history[0].Rates.OutputPerMillion!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0m, history[0].Rates.FineTune!.HostingPerHour);
        Assert.Null(history[0].Rates.CachedInputPerMillion);
        Assert.Null(history[1].Rates.OutputPerMillion);
        Assert.Equal(FineTunePrices.None, history[1].Rates.FineTune);
        Assert.Empty(await store.GetHistoryAsync(ModelId.Parse("acme/model-y")));
    }

    [Fact]
    public async Task Upsert_BeforeOrOnTheLatestDay_IsRefusedOrReplacesIt()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon));
        await store.UpsertAsync(Price("acme/model-x/global", "2026-06-01", 1m));

        PriceUpsertResult earlier = await store.UpsertAsync(Price("acme/model-x/global", "2026-05-31", 2m));
        PriceUpsertResult sameDay = await store.UpsertAsync(Price("acme/model-x/global", "2026-06-01", 3m));

        Assert.Equal((PriceUpsertStatus.BeforeLatest, 2L, (DateOnly?)Day("2026-06-01")), (earlier.Status, earlier.CatalogVersion, earlier.LatestEffectiveFrom));
        Assert.Equal((PriceUpsertStatus.Done, 3L), (sameDay.Status, sameDay.CatalogVersion));
        ModelPrice only = Assert.Single(await store.GetHistoryAsync(ModelId.Parse("acme/model-x/global")));
        Assert.Equal(3m, only.Rates.InputPerMillion);
    }

    [Fact]
    public async Task Upsert_EightWritersAtOnce_EveryWriteBumpsTheVersion()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FixedTimeProvider(Noon);
        await new PriceCatalogStore(Client(azurite), clock).GetAsync();

        PriceUpsertResult[] results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => new PriceCatalogStore(Client(azurite), clock).UpsertAsync(Price($"acme/model-{i}", "2026-01-01", i))));
        PriceCatalogSet after = await new PriceCatalogStore(Client(azurite), clock).GetAsync();

        Assert.Equal(Enumerable.Range(2, 8).Select(v => (long)v), results.Select(r => r.CatalogVersion).Order());
        Assert.Equal(9, after.Version);
        Assert.Equal(PriceSeed.Versions.Count + 8, after.Catalog.Versions.Count);
    }

    [Fact]
    public async Task List_ProviderTextAndDate_PagesThroughTheEntriesInEffectByContinuationToken()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon));
        foreach (ModelPrice price in (ModelPrice[])
        [
            Price("acme/alpha", "2026-01-01", 1m), Price("acme/alpha", "2026-07-01", 2m),
            Price("acme/beta/global", "2026-01-01", 3m), Price("acme/beta/regional", "2026-01-01", 4m),
            Price("acme/gamma", "2027-01-01", 5m),
            Price("acme-labs/alpha", "2026-01-01", 6m),
        ])
        {
            await store.UpsertAsync(price);
        }

        List<ModelPrice> acme = await AllPagesAsync(store, new ModelPriceQuery("acme", null, Day("2026-08-01")), pageSize: 2);
        List<ModelPrice> betaAcrossProviders = await AllPagesAsync(store, new ModelPriceQuery(null, "BETA", Day("2026-08-01")), pageSize: 1);
        List<ModelPrice> beforeTheChange = await AllPagesAsync(store, new ModelPriceQuery("acme", "alpha", Day("2026-03-01")), pageSize: 5);
        List<ModelPrice> everything = await AllPagesAsync(store, new ModelPriceQuery(null, null, Day("2026-08-01")), pageSize: 7);

        // gamma starts in 2027; acme-labs is another provider.
        Assert.Equal(["acme/alpha", "acme/beta/global", "acme/beta/regional"], acme.Select(p => p.Id.ToString()));
        Assert.Equal([2m, 3m, 4m], acme.Select(p => p.Rates.InputPerMillion));
        Assert.Equal(["acme/beta/global", "acme/beta/regional"], betaAcrossProviders.Select(p => p.Id.ToString()));
        Assert.Equal([(1m, (DateOnly?)Day("2026-07-01"))], beforeTheChange.Select(p => (p.Rates.InputPerMillion!.Value, p.EffectiveTo)));
        // The seed's gpt-oss prices start on 2026-10-01.
        Assert.Equal(PriceSeed.Catalog.InEffectOn(Day("2026-08-01")).Count() + 4, everything.Count);
        Assert.Equal(everything.Select(p => p.Id).Order(ModelId.Order), everything.Select(p => p.Id));
    }

    [Fact]
    public async Task List_ForeignToken_IsRefused()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon));
        ModelPricePage first = (await store.ListAsync(new ModelPriceQuery(null, null, Day("2026-08-01")), 1, null))!;

        Assert.NotNull(first.ContinuationToken);
        Assert.True(PriceCatalogStore.IsWellFormedContinuationToken(first.ContinuationToken));
        Assert.False(PriceCatalogStore.IsWellFormedContinuationToken("not-a-token"));
        Assert.False(PriceCatalogStore.IsWellFormedContinuationToken(Convert.ToBase64String("openai!gpt-4o"u8).TrimEnd('=')));
        Assert.Null(await store.ListAsync(new ModelPriceQuery(null, null, Day("2026-08-01")), 1, "bm90LWEtdG9rZW4"));
    }

    [Fact]
    public async Task Apply_NewChangedAndSameRatesOverTwoTransactions_BumpsTheVersionOnceAndOnlyWhenSomethingChanged()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new PriceCatalogStore(Client(azurite), new FixedTimeProvider(Noon));
        ModelPrice seeded = PriceSeed.Versions.First(v => v.Id.Provider == "azure-openai");
        ObservedPrice[] observed =
        [
            .. Enumerable.Range(0, 150).Select(i => new ObservedPrice(ModelId.Parse($"azure-openai/model-{i:D3}/global"),
                new PriceRates(i, null, 2m * i, null, null, null), Day("2026-10-01"), "api", Noon)),
            new(seeded.Id, seeded.Rates with { InputPerMillion = seeded.Rates.InputPerMillion + 1m }, Day("2026-11-01"), "api", Noon),
            new(PriceSeed.Versions[0].Id, PriceSeed.Versions[0].Rates, Day("2026-11-01"), "api", Noon),
        ];

        PriceApplyResult first = await store.ApplyAsync(observed);
        PriceApplyResult again = await store.ApplyAsync(observed);
        PriceCatalogSet after = await store.GetAsync();

        Assert.Equal((151, 1, 2L), (first.Plan.Changed, first.Plan.Unchanged, first.CatalogVersion));
        Assert.Equal((0, 152, 2L), (again.Plan.Changed, again.Plan.Unchanged, again.CatalogVersion));
        Assert.Equal(2, after.Version);
        Assert.Equal(149m, after.Catalog.InEffect(ModelId.Parse("azure-openai/model-149/global"), Day("2026-12-01"))!.Rates.InputPerMillion);
        Assert.Equal([seeded.EffectiveFrom, Day("2026-11-01")], after.Catalog.History(seeded.Id).Select(v => v.EffectiveFrom));
    }

    private static async Task<List<ModelPrice>> AllPagesAsync(PriceCatalogStore store, ModelPriceQuery query, int pageSize)
    {
        var all = new List<ModelPrice>();
        string? token = null;
        do
        {
            ModelPricePage page = (await store.ListAsync(query, pageSize, token))!;
            Assert.InRange(page.Items.Count, page.ContinuationToken is null ? 0 : pageSize, pageSize);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
