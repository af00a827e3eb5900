using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>Catalog ids, versions in effect on a date, similar ids and the changes a price source brings (economics.md section 8).</summary>
public sealed class PriceCatalogTests
{
    private static readonly DateTimeOffset Retrieved = new(2025, 8, 7, 0, 0, 0, TimeSpan.Zero);

    private static ModelPrice Version(string id, string from, decimal input, decimal output, FineTunePrices? fineTune = null) =>
        new(ModelId.Parse(id), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), null,
            new PriceRates(input, null, output, null, null, fineTune), $"test source of {from}", Retrieved);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string, string?> ValidIds => new()
    {
        { "openai/gpt-4.1-mini-2025-04-14", "openai", "gpt-4.1-mini-2025-04-14", null },
        { "azure-openai/gpt-4.1-mini/global", "azure-openai", "gpt-4.1-mini", "global" },
        { "azure-openai/gpt-oss-120b/data-zone", "azure-openai", "gpt-oss-120b", "data-zone" },
        { "mistral/ministral_3b/regional", "mistral", "ministral_3b", "regional" },
    };

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void TryParse_LowerCaseTwoOrThreeParts_ReadsProviderModelAndDeployment(string text, string provider, string model, string? deployment)
    {
        Assert.True(ModelId.TryParse(text, out ModelId? id));

        Assert.Equal((provider, model, deployment), (id.Provider, id.Model, id.Deployment));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("OpenAI/gpt-4o")]
    [InlineData("openai/GPT-4o")]
    [InlineData("openai")]
    [InlineData("openai/")]
    [InlineData("/gpt-4o")]
    [InlineData("openai//global")]
    [InlineData("openai/gpt-4o/global/extra")]
    [InlineData("openai/gpt 4o")]
    [InlineData("openai/gpt|4o")]
    [InlineData("openai/-gpt-4o")]
    [InlineData("openai/gpt-4o\n")]
    [InlineData("")]
    public void TryParse_NotAnId_IsRefused(string text) => Assert.False(ModelId.TryParse(text, out _));

    [Fact]
    public void Constructor_UpperCaseSegment_Throws() =>
        Assert.Throws<ArgumentException>(() => new ModelId("OpenAI", "gpt-4o", null));

    [Fact]
    public void ToStringThenParse_AnyValidId_IsTheSameId()
    {
        Gen<string> segment = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789._-"].Array[0, 30])
            .Select((first, rest) => first + new string(rest));
        Gen.Select(segment, segment, Gen.Bool.Select(segment, (none, s) => none ? null : (string?)s)).Sample((provider, model, deployment) =>
        {
            var id = new ModelId(provider, model, deployment);
            Assert.Equal(id, ModelId.Parse(id.ToString()));
        }, iter: 500);
    }

    [Fact]
    public void Order_Ids_ByProviderThenModelThenDeploymentEachOrdinal()
    {
        string[] ids = ["openai/gpt-4o", "azure-openai/gpt-4.1-mini/global", "openai/gpt-4", "openai/gpt-4.1", "azure-openai/gpt-4.1/regional",
            "azure-openai/gpt-4.1", "azure-openai/gpt-4.1/global"];

        // A shorter part sorts before a longer one it begins (gpt-4 before gpt-4.1), no deployment before any.
        Assert.Equal(
            ["azure-openai/gpt-4.1", "azure-openai/gpt-4.1/global", "azure-openai/gpt-4.1/regional", "azure-openai/gpt-4.1-mini/global",
                "openai/gpt-4", "openai/gpt-4.1", "openai/gpt-4o"],
            ids.Select(ModelId.Parse).Order(ModelId.Order).Select(id => id.ToString()));
    }

    [Fact]
    public void InEffect_TwoVersions_EachFromItsFirstDayUntilTheNextExclusive()
    {
        var catalog = new PriceCatalog(
        [
            Version("openai/gpt-4o-2024-08-06", "2025-06-01", 2.50m, 10.00m),
            Version("openai/gpt-4o-2024-08-06", "2025-01-01", 5.00m, 15.00m),
        ]);
        ModelId id = ModelId.Parse("openai/gpt-4o-2024-08-06");

        Assert.Null(catalog.InEffect(id, Day("2024-12-31")));
        Assert.Equal(5.00m, catalog.InEffect(id, Day("2025-01-01"))!.Rates.InputPerMillion);
        Assert.Equal(5.00m, catalog.InEffect(id, Day("2025-05-31"))!.Rates.InputPerMillion);
        Assert.Equal(2.50m, catalog.InEffect(id, Day("2025-06-01"))!.Rates.InputPerMillion);
        Assert.Equal(2.50m, catalog.InEffect(id, Day("2030-01-01"))!.Rates.InputPerMillion);
        Assert.Equal([Day("2025-06-01"), null], catalog.History(id).Select(v => v.EffectiveTo));
        Assert.Equal(Day("2025-06-01"), catalog.Latest(id)!.EffectiveFrom);
        Assert.Null(catalog.InEffect(ModelId.Parse("openai/gpt-4o"), Day("2025-06-01")));
    }

    [Fact]
    public void Constructor_TwoVersionsOnOneDay_Throws() =>
        Assert.Throws<ArgumentException>(() => new PriceCatalog(
        [
            Version("openai/gpt-4o-2024-08-06", "2025-06-01", 2.50m, 10.00m),
            Version("openai/gpt-4o-2024-08-06", "2025-06-01", 2.00m, 8.00m),
        ]));

    [Fact]
    public void InEffect_AnyDate_IsTheOneVersionWhoseRangeHoldsIt()
    {
        Gen<int[]> offsets = Gen.Int[0, 2000].Array[1, 8].Select(days => days.Distinct().ToArray());
        Gen.Select(offsets, Gen.Int[-100, 2200]).Sample((starts, probe) =>
        {
            DateOnly origin = Day("2024-01-01");
            var catalog = new PriceCatalog(starts.Select(days => Version("openai/gpt-4o", origin.AddDays(days).ToString("O"), days, days)));
            DateOnly date = origin.AddDays(probe);
            ModelPrice[] holding = catalog.History(ModelId.Parse("openai/gpt-4o")).Where(v => v.InEffectOn(date)).ToArray();

            Assert.True(holding.Length <= 1);
            Assert.Equal(holding.SingleOrDefault(), catalog.InEffect(ModelId.Parse("openai/gpt-4o"), date));
            Assert.Equal(probe >= starts.Min(), holding.Length == 1);
        }, iter: 500);
    }

    [Theory]
    [InlineData("azure-openai/gpt-4.1-mini/global", "2025-12-01", "2025-11-04")]
    [InlineData("azure-openai/gpt-4.1-mini/global", "2025-11-03", null)]
    [InlineData("azure-openai/GPT-4.1-mini/global", "2025-12-01", null)]
    [InlineData("azure-openai/gpt-4.1-mini", "2025-12-01", null)]
    [InlineData("azure-openai/gpt-4.1-mini/global ", "2025-12-01", null)]
    public void InEffect_IdText_IsTheVersionOfTheIdWrittenExactlyThus(string text, string date, string? effectiveFrom)
    {
        var catalog = new PriceCatalog([Version("azure-openai/gpt-4.1-mini/global", "2025-11-04", 0.40m, 1.60m)]);

        ModelPrice? version = catalog.InEffect(text, Day(date));

        Assert.Equal(effectiveFrom, version?.EffectiveFrom.ToString("O"));
        Assert.Equal(ModelId.TryParse(text, out ModelId? id) ? catalog.InEffect(id, Day(date)) : null, version);
    }

    public static TheoryData<string, string[]> SimilarIds => new()
    {
        // One letter dropped: the id itself; gpt-4o-mini-2024-07-18 is 9 edits away, beyond 23 / 3.
        { "opnai/gpt-4o-2024-08-06", ["openai/gpt-4o-2024-08-06"] },
        // The model without its date continues into the dated id; Azure's ids continue it too.
        { "gpt-4.1-mini", ["azure-openai/gpt-4.1-mini/global", "azure-openai/gpt-4.1-mini/regional", "openai/gpt-4.1-mini-2025-04-14"] },
        // Upper case is read as lower case: the exact id first, then by edits within 29 / 3: gpt-4.1-mini-2025-04-14 is 5
        // away (o to .1, 4 to 5, 7 to 4, 8 to 4), gpt-4.1-nano-2025-04-14 and gpt-4o-2024-08-06 are 8 (ties by id).
        { "OpenAI/GPT-4o-mini-2024-07-18",
            ["openai/gpt-4o-mini-2024-07-18", "openai/gpt-4.1-mini-2025-04-14", "openai/gpt-4.1-nano-2025-04-14", "openai/gpt-4o-2024-08-06"] },
        { "anthropic/claude-sonnet-4", [] },
    };

    [Theory]
    [MemberData(nameof(SimilarIds))]
    public void Similar_MisspeltOrShortenedId_ListsWhatWasProbablyMeant(string query, string[] expected)
    {
        var catalog = new PriceCatalog(
        [
            Version("openai/gpt-4o-2024-08-06", "2025-08-07", 2.50m, 10m),
            Version("openai/gpt-4o-mini-2024-07-18", "2025-08-07", 0.15m, 0.60m),
            Version("openai/gpt-4.1-mini-2025-04-14", "2025-08-07", 0.40m, 1.60m),
            Version("openai/gpt-4.1-nano-2025-04-14", "2025-08-07", 0.10m, 0.40m),
            Version("azure-openai/gpt-4.1-mini/global", "2025-11-04", 0.40m, 1.60m),
            Version("azure-openai/gpt-4.1-mini/regional", "2025-11-04", 0.44m, 1.76m),
        ]);

        Assert.Equal(expected, catalog.Similar(query, Day("2026-01-01")).Select(id => id.ToString()));
    }

    [Fact]
    public void Similar_ManyCandidates_AtMostFiveInEffectThatDay()
    {
        var catalog = new PriceCatalog(Enumerable.Range(0, 12)
            .Select(i => Version($"openai/gpt-4o-v{i:D2}", i < 10 ? "2025-01-01" : "2026-06-01", 1m, 2m)));

        IReadOnlyList<ModelId> similar = catalog.Similar("openai/gpt-4o", Day("2026-01-01"));

        Assert.Equal(["openai/gpt-4o-v00", "openai/gpt-4o-v01", "openai/gpt-4o-v02", "openai/gpt-4o-v03", "openai/gpt-4o-v04"],
            similar.Select(id => id.ToString()));
        Assert.DoesNotContain(catalog.Similar("openai/gpt-4o-v10", Day("2025-06-01")), id => id.Model == "gpt-4o-v10");
    }

    [Fact]
    public void PlanChanges_NewSameAndChangedRates_AddVersionsOnlyWhereARateChanged()
    {
        var fineTune = new FineTunePrices(null, 2.00m, 0.50m, 8.00m, 1.70m);
        var catalog = new PriceCatalog(
        [
            Version("azure-openai/gpt-4.1/global", "2025-11-04", 2.00m, 8.00m, fineTune),
            Version("azure-openai/gpt-4.1-mini/global", "2025-11-04", 0.40m, 1.60m),
        ]);
        var at = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        ObservedPrice[] observed =
        [
            // The API gives no hosting and no fine-tuned rates: they are kept from the version before.
            new(ModelId.Parse("azure-openai/gpt-4.1/global"), new PriceRates(2.00m, 0.50m, 8.00m, null, null, null), Day("2026-11-01"), "api", at),
            // The same rates with a different scale are the same rates.
            new(ModelId.Parse("azure-openai/gpt-4.1-mini/global"), new PriceRates(0.4m, null, 1.6m, null, null, null), Day("2025-01-01"), "api", at),
            new(ModelId.Parse("azure-openai/gpt-5-mini/global"), new PriceRates(0.25m, 0.025m, 2.00m, null, null, null), Day("2025-08-01"), "api", at),
        ];

        PriceChangePlan plan = catalog.PlanChanges(observed);

        Assert.Equal((2, 1), (plan.Changed, plan.Unchanged));
        ModelPrice changed = plan.Versions[0];
        Assert.Equal(("azure-openai/gpt-4.1/global", Day("2026-11-01")), (changed.Id.ToString(), changed.EffectiveFrom));
        Assert.Equal(new PriceRates(2.00m, 0.50m, 8.00m, null, null, fineTune), changed.Rates);
        Assert.Equal("api; fineTune.inputPerMillion, fineTune.cachedInputPerMillion, fineTune.outputPerMillion, fineTune.hostingPerHour "
            + "as in the version of 2025-11-04", changed.Source);
        ModelPrice added = plan.Versions[1];
        Assert.Equal(("azure-openai/gpt-5-mini/global", Day("2025-08-01"), "api", at), (added.Id.ToString(), added.EffectiveFrom, added.Source, added.RetrievedAt));
    }

    [Fact]
    public void PlanChanges_SourceDateBeforeTheLatestVersion_StartsOnTheLatestVersionsDay()
    {
        var catalog = new PriceCatalog([Version("azure-openai/gpt-4.1/global", "2025-11-04", 2.00m, 8.00m)]);
        ObservedPrice observed = new(ModelId.Parse("azure-openai/gpt-4.1/global"), new PriceRates(1.80m, null, 7.20m, null, null, null),
            Day("2024-10-01"), "api", Retrieved);

        ModelPrice version = Assert.Single(catalog.PlanChanges([observed]).Versions);

        Assert.Equal(Day("2025-11-04"), version.EffectiveFrom);
        Assert.Equal(1.80m, version.Rates.InputPerMillion);
    }

    [Fact]
    public void PlanChanges_IdObservedTwice_Throws()
    {
        ObservedPrice observed = new(ModelId.Parse("openai/gpt-4o"), new PriceRates(1m, null, 2m, null, null, null), Day("2025-01-01"), "api", Retrieved);

        Assert.Throws<ArgumentException>(() => PriceCatalog.Empty.PlanChanges([observed, observed]));
    }

    [Fact]
    public void Over_EveryRate_TakesOwnValueElseTheFallbacks()
    {
        var own = new PriceRates(1m, null, 3m, null, null, new FineTunePrices(null, 7m, null, null, null));
        var fallback = new PriceRates(10m, 20m, 30m, 40m, null, new FineTunePrices(60m, 70m, 80m, null, 0m));

        Assert.Equal(new PriceRates(1m, 20m, 3m, 40m, null, new FineTunePrices(60m, 7m, 80m, null, 0m)), own.Over(fallback));
        Assert.Equal(fallback, PriceRates.None.Over(fallback));
        Assert.True(PriceRates.None.IsEmpty);
        Assert.True((PriceRates.None with { FineTune = FineTunePrices.None }).IsEmpty);
        Assert.False(new PriceRates(null, null, null, null, null, FineTunePrices.None with { HostingPerHour = 0m }).IsEmpty);
    }
}
