using System.Diagnostics;
using System.Text.Json.Nodes;
using FineTune.Core;
using FineTune.Functions.Prices;
using FineTune.Functions.Reference;
using FineTune.Storage;
using FineTune.Testing;
using FineTune.Testing.Host;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>
/// The price refresh against a fake Retail Prices API on a loopback port and a real Azurite of its own per test (the
/// catalog is global to an account): paging, faults, units, the meter table and all-or-nothing writes.
/// </summary>
public sealed class PriceRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static JsonObject Item(string meter, decimal price, string unit = "1K", string product = "Azure OpenAI", string type = "Consumption",
        decimal tier = 0m, string start = "2025-08-01T00:00:00Z") =>
        FakeRetailPricesApi.Item(meter, price, unit, product, type, tier, effectiveStartDate: start);

    private static ModelId Id(string text) => ModelId.Parse(text);

    /// <summary>The app's services over a fresh Azurite and the fake API, retries fast so that tests stay short.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        private readonly AzuriteProcess azurite;
        private readonly ServiceProvider provider;

        private Harness(AzuriteProcess azurite, ServiceProvider provider)
        {
            this.azurite = azurite;
            this.provider = provider;
        }

        public PriceRefresh Refresh => provider.GetRequiredService<PriceRefresh>();

        public PriceCatalogStore Catalog => provider.GetRequiredService<PriceCatalogStore>();

        public ReferenceData Reference => provider.GetRequiredService<ReferenceData>();

        public T Create<T>() => ActivatorUtilities.CreateInstance<T>(provider);

        public static async Task<Harness> StartAsync(FakeRetailPricesApi api, int maxAttempts = 3, int maxPages = 200)
        {
            AzuriteProcess azurite = await AzuriteProcess.StartAsync();
            var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeClock(Now));
            services.AddSingleton(new PriceRefreshOptions
            {
                RetailPricesUrl = api.Url,
                FirstRetryDelay = TimeSpan.FromMilliseconds(10),
                MaxAttempts = maxAttempts,
                MaxPages = maxPages,
            });
            IConfiguration settings = new ConfigurationBuilder()
                .AddInMemoryCollection([new KeyValuePair<string, string?>("AzureWebJobsStorage", azurite.ConnectionString)]).Build();
            services.AddFineTuneFunctions(settings);
            return new Harness(azurite, services.BuildServiceProvider());
        }

        public async ValueTask DisposeAsync()
        {
            await provider.DisposeAsync();
            azurite.Dispose();
        }
    }

    [Fact]
    public async Task Refresh_SeveralPagesOneEmpty_ReadsEveryPageWithTheFilterAndWritesEachChangedEntry()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
        [
            [Item("gpt 4.1 mini Inp glbl Tokens", 0.0004m), Item("gpt 4.1 mini cached Inp glbl Tokens", 0.0001m)],
            [],
            // $1.60 per million in the seed; $1.50 from 2026-11-01.
            [Item("gpt 4.1 mini Outp glbl Tokens", 0.0015m, start: "2026-11-01T00:00:00Z"), Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)],
        ]);
        await using Harness harness = await Harness.StartAsync(api);

        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();
        PriceCatalogSet catalog = await harness.Catalog.GetAsync();

        Assert.Equal((PriceRefreshStatus.Completed, 3, 4, 0, 4, 0), (summary.Status, summary.PagesRead, summary.ItemsRead, summary.Skipped, summary.Mapped, summary.Unmapped));
        // gpt-4.1-mini/global had a seed version: it changes (the cached rate and the batch rates kept from the seed);
        // gpt-5.4-nano is new.
        Assert.Equal((2, 0, 2L), (summary.Changed, summary.Unchanged, summary.PriceVersion));
        Dictionary<string, StringValues> first = QueryHelpers.ParseQuery(new Uri(api.Url, api.Requests[0]).Query);
        Assert.Equal("serviceName eq 'Foundry Models' and armRegionName eq 'eastus2' and priceType eq 'Consumption'", first["$filter"]);
        Assert.Equal(("'USD'", "2023-01-01-preview"), (first["currencyCode"].ToString(), first["api-version"].ToString()));
        Assert.Equal(["1000", "2000"], api.Requests.Skip(1).Select(request => QueryHelpers.ParseQuery(new Uri(api.Url, request).Query)["$skip"].ToString()));
        ModelPrice nano = catalog.Catalog.InEffect(Id("azure-openai/gpt-5.4-nano/global"), new DateOnly(2026, 12, 2))!;
        Assert.Equal(new PriceRates(0.05m, null, null, null, null, null), nano.Rates);
        Assert.Equal(new DateOnly(2025, 8, 1), nano.EffectiveFrom);
        Assert.StartsWith($"Azure Retail Prices API ({api.Url}), eastus2, Consumption, retrieved 2026-12-02", nano.Source, StringComparison.Ordinal);
        IReadOnlyList<ModelPrice> mini = catalog.Catalog.History(Id("azure-openai/gpt-4.1-mini/global"));
        Assert.Equal([new DateOnly(2025, 11, 4), new DateOnly(2026, 11, 1)], mini.Select(version => version.EffectiveFrom));
        Assert.Equal(mini[0].Rates with { OutputPerMillion = 1.50m }, mini[1].Rates);
        Assert.Contains("batchInputPerMillion, batchOutputPerMillion, fineTune.inputPerMillion", mini[1].Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_SameRatesAgain_WritesNothingAndKeepsTheVersion()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync([[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)]]);
        await using Harness harness = await Harness.StartAsync(api);

        PriceRefreshSummary first = await harness.Refresh.RunManualAsync();
        PriceRefreshSummary second = await harness.Refresh.RunManualAsync();

        Assert.Equal((1, 0, 2L), (first.Changed, first.Unchanged, first.PriceVersion));
        Assert.Equal((0, 1, 2L), (second.Changed, second.Unchanged, second.PriceVersion));
    }

    [Fact]
    public async Task Refresh_PerThousandAndPerMillionRowsOfOneModel_GiveOneRatePerMillion()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m), Item("gpt 5.4 nano Inp glbl 1M Tokens", 0.05m, "1M")]]);
        await using Harness harness = await Harness.StartAsync(api);

        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();
        PriceCatalogSet catalog = await harness.Catalog.GetAsync();

        Assert.Equal((2, 0), (summary.Mapped, summary.Unmapped));
        Assert.Equal(0.05m, catalog.Catalog.Latest(Id("azure-openai/gpt-5.4-nano/global"))!.Rates.InputPerMillion);
    }

    [Fact]
    public async Task Refresh_HourlyHostingUnknownMeterTieredReservationAndTooDearRows_MapsSkipsAndListsEachAsItShould()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
        [[
            Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m),
            Item("gpt 5.4 nano Outp glbl Tokens", 0.0004m),
            Item("gpt 5.4 nano FT glbl Deployment Hosting Unit", 1.70m, "1 Hour", "Azure OpenAI PP FT GPT4s"),
            Item("gpt 5.4 nano Outp glbl Tokens", 0.0002m, tier: 1_000_000m),
            Item("gpt 5.4 nano Outp glbl Tokens", 0.0003m, type: "Reservation"),
            Item("gpt 5.4 nano aud Inp glbl Tokens", 0.004m),
            Item("gpt 5.4 nano cached Inp glbl Tokens", 2m),
        ]]);
        await using Harness harness = await Harness.StartAsync(api);

        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();
        ModelPrice nano = (await harness.Catalog.GetAsync()).Catalog.Latest(Id("azure-openai/gpt-5.4-nano/global"))!;

        Assert.Equal((7, 2, 3, 2), (summary.ItemsRead, summary.Skipped, summary.Mapped, summary.Unmapped));
        Assert.Equal(
        [
            "Azure OpenAI: gpt 5.4 nano aud Inp glbl Tokens (variant 'aud' not priced by the catalog)",
            "Azure OpenAI: gpt 5.4 nano cached Inp glbl Tokens (2000 per million, above 1000: a unit read wrongly)",
        ], summary.UnmappedMeters);
        // The hosting meter says the model can be fine-tuned; its tokens bill at the base rates.
        Assert.Equal(new PriceRates(0.05m, null, 0.4m, null, null, new FineTunePrices(null, 0.05m, null, 0.4m, 1.70m)), nano.Rates);
        Assert.EndsWith(MeterAggregation.BaseRateSource, nano.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_TooManyRequestsWithRetryAfter_WaitsAsToldAndCompletes()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)], [Item("gpt 5.4 nano Outp glbl Tokens", 0.0004m)]],
            fault: (page, attempt) => page == 1 && attempt == 1 ? new RetryAfter(StatusCodes.Status429TooManyRequests, 1) : null);
        await using Harness harness = await Harness.StartAsync(api);

        var elapsed = Stopwatch.StartNew();
        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();

        Assert.Equal((PriceRefreshStatus.Completed, 2, 2), (summary.Status, summary.PagesRead, summary.Mapped));
        Assert.Equal(3, api.Requests.Count);
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(1), $"{elapsed.Elapsed} is shorter than the Retry-After of 1 s");
    }

    [Fact]
    public async Task Refresh_ServerErrorOnEveryTryOfAMiddlePage_FailsAndLeavesTheCatalogUntouched()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)], [Item("gpt 5.4 nano Outp glbl Tokens", 0.0004m)], [Item("gpt 5.4 mini Inp glbl Tokens", 0.0002m)]],
            fault: (page, _) => page == 1 ? Results.StatusCode(StatusCodes.Status500InternalServerError) : null);
        await using Harness harness = await Harness.StartAsync(api, maxAttempts: 3);
        PriceCatalogSet before = await harness.Catalog.GetAsync();

        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();
        PriceCatalogSet after = await harness.Catalog.GetAsync();

        Assert.Equal((PriceRefreshStatus.Failed, 1, 0), (summary.Status, summary.PagesRead, summary.Changed));
        Assert.Equal("Page 2 could not be read after 3 tries: HTTP 500.", summary.Error);
        Assert.Equal(4, api.Requests.Count);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Catalog.Versions, after.Catalog.Versions);
    }

    [Fact]
    public async Task Refresh_RepeatedNextPageLink_Fails()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)], [Item("gpt 5.4 nano Outp glbl Tokens", 0.0004m)], []],
            nextLink: (page, link) => page == 1 ? link!.Replace("$skip=2000", "$skip=1000", StringComparison.Ordinal) : link);
        await using Harness harness = await Harness.StartAsync(api);

        PriceRefreshSummary summary = await harness.Refresh.RunManualAsync();

        Assert.Equal((PriceRefreshStatus.Failed, 2), (summary.Status, summary.PagesRead));
        Assert.StartsWith("Page 2 links to a page already read", summary.Error!, StringComparison.Ordinal);
        Assert.Equal(1, await harness.Catalog.GetVersionAsync());
    }

    [Fact]
    public async Task Refresh_MorePagesThanTheLimitOrALinkToAnotherHost_Fails()
    {
        await using FakeRetailPricesApi endless = await FakeRetailPricesApi.StartAsync([[], [], [], []]);
        await using FakeRetailPricesApi elsewhere = await FakeRetailPricesApi.StartAsync(
            [[], []], nextLink: (page, link) => link is null ? null : "https://prices.example.com/api/retail/prices?$skip=1000");
        await using Harness limited = await Harness.StartAsync(endless, maxPages: 3);
        await using Harness redirected = await Harness.StartAsync(elsewhere);

        PriceRefreshSummary tooMany = await limited.Refresh.RunManualAsync();
        PriceRefreshSummary foreign = await redirected.Refresh.RunManualAsync();

        Assert.Equal((PriceRefreshStatus.Failed, 3, "The API still links to a next page after 3 pages."), (tooMany.Status, tooMany.PagesRead, tooMany.Error));
        Assert.Equal(PriceRefreshStatus.Failed, foreign.Status);
        Assert.StartsWith("Page 1 links to 'https://prices.example.com/", foreign.Error!, StringComparison.Ordinal);
        Assert.Single(elsewhere.Requests);
    }

    [Fact]
    public async Task RunSlot_SameSlotTwice_RunsOnceAndAFailedSlotMayRunAgain()
    {
        int attemptsOfFirstPage = 0;
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)]],
            // The first run fails; the second succeeds.
            fault: (_, _) => Interlocked.Increment(ref attemptsOfFirstPage) == 1 ? Results.StatusCode(StatusCodes.Status400BadRequest) : null);
        await using Harness harness = await Harness.StartAsync(api);
        var timer = harness.Create<RefreshPricesOnSchedule>();

        InvalidOperationException failed = await Assert.ThrowsAsync<InvalidOperationException>(
            () => timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None));
        PriceRefreshSummary retried = await harness.Refresh.RunSlotAsync(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
        PriceRefreshSummary again = await harness.Refresh.RunSlotAsync(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal("Price refresh 2026-12-02T03:00:00Z failed: Page 1 was refused with HTTP 400.", failed.Message);
        Assert.Equal((PriceRefreshStatus.Completed, 1), (retried.Status, retried.Changed));
        Assert.Equal((PriceRefreshStatus.AlreadyCompleted, 0), (again.Status, again.ItemsRead));
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Refresh_ChangedPrices_AreUsedAtOnceByThisInstancesAnalyses()
    {
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync([[Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m)]]);
        await using Harness harness = await Harness.StartAsync(api);
        ReferenceSnapshot before = await harness.Reference.GetAsync();

        await harness.Refresh.RunManualAsync();

        Assert.Equal(1, before.PriceVersion);
        Assert.Equal(2, harness.Reference.Current.PriceVersion);
        Assert.True(harness.Reference.Current.Prices.Contains(Id("azure-openai/gpt-5.4-nano/global")));
    }

    /// <summary>A status with a <c>Retry-After</c> in seconds.</summary>
    private sealed class RetryAfter(int status, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
