using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>Filling what a scenario leaves out from the catalog entries it names (economics.md section 8).</summary>
public sealed class PriceFillTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);

    private static readonly PriceCatalog Catalog = new(
    [
        new(ModelId.Parse("openai/gpt-4o-mini-2024-07-18"), new DateOnly(2025, 8, 7), null,
            new PriceRates(0.15m, 0.075m, 0.60m, 0.075m, 0.30m, new FineTunePrices(3.00m, 0.30m, 0.15m, 1.20m, 0m)),
            "openai pricing, August 2025", DateTimeOffset.UnixEpoch),
        new(ModelId.Parse("openai/gpt-4o-mini-2024-07-18"), new DateOnly(2026, 3, 1), null,
            new PriceRates(0.10m, 0.05m, 0.40m, null, null, new FineTunePrices(2.00m, 0.20m, 0.10m, 0.80m, 0m)),
            "openai pricing, March 2026", DateTimeOffset.UnixEpoch),
        new(ModelId.Parse("openai/gpt-5-mini"), new DateOnly(2025, 8, 7), null,
            new PriceRates(0.25m, 0.025m, 2.00m, null, null, null), "openai pricing, August 2025", DateTimeOffset.UnixEpoch),
        new(ModelId.Parse("openai/gpt-3.5-turbo-0125"), new DateOnly(2025, 8, 7), null,
            new PriceRates(0.50m, null, 1.50m, null, null, new FineTunePrices(8.00m, 3.00m, null, 6.00m, 0m)),
            "openai pricing, August 2025", DateTimeOffset.UnixEpoch),
        new(ModelId.Parse("azure-openai/o4-mini/global"), new DateOnly(2025, 11, 4), null,
            new PriceRates(1.10m, 0.28m, 4.40m, null, null, new FineTunePrices(null, 1.10m, null, 4.40m, 1.70m)),
            "azure price sheet", DateTimeOffset.UnixEpoch),
    ]);

    private static ModelReference Reference(string path, string model, PriceUse use, params string[] given) =>
        new(path, model, use, given.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Fill_PromptFineTuneAndRouting_FillsWhatIsNotGivenFromTheVersionInEffect()
    {
        PriceFill fill = CatalogPrices.Fill(
        [
            Reference("approaches[0]", "openai/gpt-4o-mini-2024-07-18", PriceUse.Inference),
            // A negotiated input price wins over the catalog's fine-tuned 0.30.
            Reference("approaches[1]", "openai/gpt-4o-mini-2024-07-18", PriceUse.FineTune, PriceFields.InputPerMillion),
            Reference("approaches[1].routing", "openai/gpt-5-mini", PriceUse.Inference),
        ], Catalog, AsOf);

        Assert.True(fill.IsValid);
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["approaches[0].pricing.inputPerMillion"] = 0.15m,
            ["approaches[0].pricing.outputPerMillion"] = 0.60m,
            ["approaches[0].pricing.cachedInputPerMillion"] = 0.075m,
            ["approaches[1].pricing.outputPerMillion"] = 1.20m,
            ["approaches[1].pricing.cachedInputPerMillion"] = 0.15m,
            ["approaches[1].hostingPerHour"] = 0m,
            ["approaches[1].training.trainingPerMillion"] = 3.00m,
            ["approaches[1].routing.pricing.inputPerMillion"] = 0.25m,
            ["approaches[1].routing.pricing.outputPerMillion"] = 2.00m,
            ["approaches[1].routing.pricing.cachedInputPerMillion"] = 0.025m,
        }, fill.Values);
        Assert.Equal(
        [
            new PriceUsed("approaches[0]", "openai/gpt-4o-mini-2024-07-18", new DateOnly(2025, 8, 7), "openai pricing, August 2025",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion"]),
            new PriceUsed("approaches[1]", "openai/gpt-4o-mini-2024-07-18", new DateOnly(2025, 8, 7), "openai pricing, August 2025",
                ["pricing.outputPerMillion", "pricing.cachedInputPerMillion", "hostingPerHour", "training.trainingPerMillion"]),
            new PriceUsed("approaches[1].routing", "openai/gpt-5-mini", new DateOnly(2025, 8, 7), "openai pricing, August 2025",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion"]),
        ], fill.Prices, PriceUsedComparer.Instance);
    }

    [Fact]
    public void Fill_DateAfterAPriceChange_UsesTheNewerVersion()
    {
        PriceFill fill = CatalogPrices.Fill([Reference("approaches[0]", "openai/gpt-4o-mini-2024-07-18", PriceUse.Inference)],
            Catalog, new DateOnly(2026, 3, 1));

        Assert.Equal(0.10m, fill.Values["approaches[0].pricing.inputPerMillion"]);
        Assert.Equal(new DateOnly(2026, 3, 1), Assert.Single(fill.Prices).EffectiveFrom);
    }

    [Fact]
    public void Fill_EverythingGiven_FillsNothingButListsTheModel()
    {
        PriceFill fill = CatalogPrices.Fill([Reference("approaches[0]", "openai/gpt-5-mini", PriceUse.Inference,
            PriceFields.InputPerMillion, PriceFields.OutputPerMillion, PriceFields.CachedInputPerMillion)], Catalog, AsOf);

        Assert.Empty(fill.Values);
        Assert.Empty(Assert.Single(fill.Prices).Filled);
    }

    [Fact]
    public void Fill_EntryWithoutCachedPrice_LeavesItToTheEconomicsDefault()
    {
        PriceFill fill = CatalogPrices.Fill([Reference("approaches[0]", "openai/gpt-3.5-turbo-0125", PriceUse.FineTune)], Catalog, AsOf);

        Assert.True(fill.IsValid);
        Assert.False(fill.Values.ContainsKey("approaches[0].pricing.cachedInputPerMillion"));
        Assert.Equal(["pricing.inputPerMillion", "pricing.outputPerMillion", "hostingPerHour", "training.trainingPerMillion"],
            Assert.Single(fill.Prices).Filled);
    }

    [Fact]
    public void Fill_UnknownIdsAndMissingRates_ReportsEveryProblemAtItsPath()
    {
        PriceFill fill = CatalogPrices.Fill(
        [
            Reference("approaches[0]", "openai/gpt-4o-mini", PriceUse.Inference),
            Reference("approaches[1]", "openai/gpt-5-mini", PriceUse.FineTune, PriceFields.InputPerMillion, PriceFields.OutputPerMillion),
            Reference("approaches[2]", "azure-openai/o4-mini/global", PriceUse.FineTune),
            Reference("approaches[2].routing", "GPT-5-mini", PriceUse.Inference),
        ], Catalog, AsOf);

        Assert.False(fill.IsValid);
        Assert.Equal(
        [
            "approaches[0].model",
            "approaches[1].hostingPerHour",
            "approaches[1].training.trainingPerMillion",
            "approaches[2].routing.model",
            "approaches[2].training.trainingPerMillion",
        ], fill.Errors.Keys.Order(StringComparer.Ordinal));
        // gpt-4o-mini-2024-07-18 continues the id; gpt-5-mini is 2 edits away (4 to 5, o dropped).
        Assert.Equal("openai/gpt-4o-mini is not in the price catalog. Similar ids: openai/gpt-4o-mini-2024-07-18, openai/gpt-5-mini.",
            Assert.Single(fill.Errors["approaches[0].model"]));
        Assert.Equal("is required: openai/gpt-5-mini (version of 2025-08-07) has no fine-tuning prices; give it in the scenario.",
            Assert.Single(fill.Errors["approaches[1].hostingPerHour"]));
        Assert.Equal("is required: azure-openai/o4-mini/global (version of 2025-11-04) has no fine-tuned training price; give it in the scenario.",
            Assert.Single(fill.Errors["approaches[2].training.trainingPerMillion"]));
        Assert.StartsWith("must be a catalog id: lower case provider/model or provider/model/deployment. Similar ids: openai/gpt-5-mini",
            Assert.Single(fill.Errors["approaches[2].routing.model"]), StringComparison.Ordinal);
        // The places that could be priced still say what they would use.
        Assert.Equal(["approaches[1]", "approaches[2]"], fill.Prices.Select(p => p.Path));
    }

    [Fact]
    public void Fill_DateBeforeTheFirstVersion_SaysWhenItsPricesStart()
    {
        PriceFill fill = CatalogPrices.Fill([Reference("approaches[0]", "openai/gpt-5-mini", PriceUse.Inference)], Catalog, new DateOnly(2025, 1, 1));

        Assert.Equal("openai/gpt-5-mini has no price in effect on 2025-01-01; its prices start on 2025-08-07. No similar id is in effect on that date.",
            Assert.Single(fill.Errors["approaches[0].model"]));
    }

    [Fact]
    public void Fill_AnyFieldsGiven_GivenFieldsWinAndEveryNeededFieldIsGivenFilledOrAnError()
    {
        Gen<string[]> given = Gen.Shuffle(PriceFields.For(PriceUse.FineTune).ToArray(), 0, 5);
        Gen<(string Model, PriceUse Use)> target = Gen.OneOf<(string Model, PriceUse Use)>(
            ("openai/gpt-4o-mini-2024-07-18", PriceUse.FineTune), ("openai/gpt-4o-mini-2024-07-18", PriceUse.Inference),
            ("openai/gpt-5-mini", PriceUse.FineTune), ("openai/gpt-3.5-turbo-0125", PriceUse.FineTune), ("azure-openai/o4-mini/global", PriceUse.FineTune));
        Gen.Select(given, target).Sample((fields, model) =>
        {
            ModelReference reference = Reference("approaches[3]", model.Model, model.Use, fields);

            PriceFill fill = CatalogPrices.Fill([reference], Catalog, AsOf);

            foreach (string field in PriceFields.For(model.Use))
            {
                string path = $"approaches[3].{field}";
                int outcomes = (fields.Contains(field) ? 1 : 0) + (fill.Values.ContainsKey(path) ? 1 : 0) + (fill.Errors.ContainsKey(path) ? 1 : 0);
                Assert.True(field == PriceFields.CachedInputPerMillion ? outcomes <= 1 : outcomes == 1, $"{model} {field}: {outcomes}");
            }
            Assert.All(fill.Values.Values, value => Assert.True(value >= 0m));
        }, iter: 300);
    }

    /// <summary>Compares the lists inside too, which record equality does not.</summary>
    private sealed class PriceUsedComparer : IEqualityComparer<PriceUsed>
    {
        public static PriceUsedComparer Instance { get; } = new();

        public bool Equals(PriceUsed? x, PriceUsed? y) =>
            x is not null && y is not null && x with { Filled = [] } == y with { Filled = [] } && x.Filled.SequenceEqual(y.Filled);

        public int GetHashCode(PriceUsed obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
    }
}
