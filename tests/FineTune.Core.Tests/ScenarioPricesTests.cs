using System.Text;
using CsCheck;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core.Tests;

/// <summary>
/// Scenarios that name catalog models (economics.md section 8): the contract, the prices filled before the economics
/// reads the scenario, and the refusals. Worked examples use a catalog of their own, so a change of the shipped seed
/// changes none of their arithmetic.
/// </summary>
public sealed class ScenarioPricesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly DateTimeOffset Retrieved = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static ModelPrice Version(string id, DateOnly from, PriceRates rates, string source) =>
        new(ModelId.Parse(id), from, null, rates, source, Retrieved);

    /// <summary>
    /// gpt-4o: a base model whose price fell on 2026-03-01; gpt-4o-mini: the routed model, with fine-tuned rates and free
    /// hosting; an Azure deployment with hosting; a model that cannot be fine-tuned; one whose prices start later.
    /// </summary>
    private static readonly PriceCatalog Catalog = new(
    [
        Version("openai/gpt-4o-2024-08-06", new DateOnly(2025, 8, 7),
            new PriceRates(5.00m, 2.50m, 15.00m, null, null, null), "openai pricing, August 2025"),
        Version("openai/gpt-4o-2024-08-06", new DateOnly(2026, 3, 1),
            new PriceRates(2.50m, 1.25m, 10.00m, 1.25m, 5.00m, new FineTunePrices(25.00m, 3.75m, 1.875m, 15.00m, 0m)),
            "openai pricing, March 2026"),
        Version("openai/gpt-4o-mini-2024-07-18", new DateOnly(2025, 8, 7),
            new PriceRates(0.15m, 0.075m, 0.60m, null, null, new FineTunePrices(3.00m, 0.30m, 0.15m, 1.20m, 0m)), "openai pricing, August 2025"),
        Version("azure-openai/gpt-4o-mini-0718/global", new DateOnly(2025, 11, 4),
            new PriceRates(0.15m, 0.075m, 0.60m, null, null, new FineTunePrices(3.30m, 0.30m, null, 1.20m, 1.70m)), "azure price sheet"),
        Version("openai/gpt-5-mini", new DateOnly(2025, 8, 7),
            new PriceRates(0.25m, 0.025m, 2.00m, null, null, null), "openai pricing, August 2025"),
        Version("openai/gpt-6", new DateOnly(2027, 1, 1),
            new PriceRates(10m, 1m, 40m, null, null, null), "announced"),
    ]);

    private const string Workload = """
        "workload": { "requestsPerMonth": 1000000, "horizonMonths": 12 }
        """;

    /// <summary>A prompt approach, a RAG approach with routing, and a hosted fine-tune, every price named through a model.</summary>
    private const string NamedModels = $$"""
        {
          "name": "Named models",
          "segment": "enterprise-ai",
          {{Workload}},
          "revenue": { "perRequest": 0.02 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "model": "openai/gpt-4o-2024-08-06",
              "inputTokens": 2400, "cachedInputTokens": 1800, "outputTokens": 300, "accuracy": 0.86 },
            { "id": "rag", "kind": "rag", "model": "openai/gpt-4o-2024-08-06",
              "inputTokens": 900, "cachedInputTokens": 600, "outputTokens": 300, "accuracy": 0.9,
              "retrieval": { "contextTokens": 1500, "embeddingTokens": 50, "embeddingPerMillion": 0.02, "costPerQuery": 0.0002 },
              "routing": { "share": 0.3, "model": "openai/gpt-5-mini", "accuracy": 0.84 },
              "fixedMonthlyCost": 250 },
            { "id": "ft", "kind": "fine-tune", "model": "azure-openai/gpt-4o-mini-0718/global",
              "inputTokens": 600, "outputTokens": 300, "accuracy": 0.92,
              "training": { "trainingTokens": 5000000, "epochs": 3, "dataPreparationCost": 8000, "evaluationCost": 1000 } }
          ]
        }
        """;

    /// <summary><see cref="NamedModels"/> with the prices of the catalog's versions in effect on 2026-12-02 typed in, and no model.</summary>
    private const string Typed = $$"""
        {
          "name": "Named models",
          "segment": "enterprise-ai",
          {{Workload}},
          "revenue": { "perRequest": 0.02 },
          "approaches": [
            { "id": "prompt", "kind": "prompt",
              "pricing": { "inputPerMillion": 2.50, "outputPerMillion": 10.00, "cachedInputPerMillion": 1.25 },
              "inputTokens": 2400, "cachedInputTokens": 1800, "outputTokens": 300, "accuracy": 0.86 },
            { "id": "rag", "kind": "rag",
              "pricing": { "inputPerMillion": 2.50, "outputPerMillion": 10.00, "cachedInputPerMillion": 1.25 },
              "inputTokens": 900, "cachedInputTokens": 600, "outputTokens": 300, "accuracy": 0.9,
              "retrieval": { "contextTokens": 1500, "embeddingTokens": 50, "embeddingPerMillion": 0.02, "costPerQuery": 0.0002 },
              "routing": { "share": 0.3, "pricing": { "inputPerMillion": 0.25, "outputPerMillion": 2.00, "cachedInputPerMillion": 0.025 },
                           "accuracy": 0.84 },
              "fixedMonthlyCost": 250 },
            { "id": "ft", "kind": "fine-tune",
              "pricing": { "inputPerMillion": 0.30, "outputPerMillion": 1.20 },
              "inputTokens": 600, "outputTokens": 300, "accuracy": 0.92,
              "hostingPerHour": 1.70,
              "training": { "trainingTokens": 5000000, "epochs": 3, "trainingPerMillion": 3.30, "dataPreparationCost": 8000,
                            "evaluationCost": 1000 } }
          ]
        }
        """;

    private static PricedScenario Priced(string json, PriceCatalog? catalog = null)
    {
        PriceResolution resolution = ScenarioPrices.Resolve(Samples.Parse(json), catalog ?? Catalog, Today);
        Assert.True(resolution.IsValid, string.Join("; ", resolution.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return resolution.Priced;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Refused(string json, PriceCatalog? catalog = null)
    {
        PriceResolution resolution = ScenarioPrices.Resolve(Samples.Parse(json), catalog ?? Catalog, Today);
        Assert.False(resolution.IsValid);
        Assert.Null(resolution.Priced);
        return resolution.Errors;
    }

    /// <summary>The analysis as the API writes it, without its list of catalog prices.</summary>
    private static string Figures(Analysis analysis) => Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(analysis with { Prices = [] }));

    [Fact]
    public void Analyze_ModelsNamedForPromptRagWithRoutingAndFineTune_IsExactlyTheAnalysisWithThosePricesTyped()
    {
        Analysis named = Analyzer.Analyze(Priced(NamedModels));
        Analysis typed = Analyzer.Analyze(Samples.Parse(Typed));

        Assert.Equal(Figures(typed), Figures(named));
        Assert.Empty(typed.Prices);
        Assert.Equal(
        [
            new PriceUsed("approaches[0]", "openai/gpt-4o-2024-08-06", new DateOnly(2026, 3, 1), "openai pricing, March 2026",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion"]),
            new PriceUsed("approaches[1]", "openai/gpt-4o-2024-08-06", new DateOnly(2026, 3, 1), "openai pricing, March 2026",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion"]),
            new PriceUsed("approaches[1].routing", "openai/gpt-5-mini", new DateOnly(2025, 8, 7), "openai pricing, August 2025",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion"]),
            // The Azure entry has no fine-tuned cached price: cached tokens are billed at the input price, nothing is filled.
            new PriceUsed("approaches[2]", "azure-openai/gpt-4o-mini-0718/global", new DateOnly(2025, 11, 4), "azure price sheet",
                ["pricing.inputPerMillion", "pricing.outputPerMillion", "hostingPerHour", "training.trainingPerMillion"]),
        ], named.Prices, PriceUsedComparer.Instance);
    }

    [Fact]
    public void Analyze_PromptNamingAModel_CostsTheTokensAtTheCatalogRates()
    {
        Analysis analysis = Analyzer.Analyze(Priced(NamedModels));

        // gpt-4o from 2026-03-01: input 2.50, cached 1.25, output 10.00 per million.
        // (600 uncached x 2.50 + 1800 cached x 1.25 + 300 out x 10.00) / 1e6 = (1500 + 2250 + 3000) / 1e6.
        Assert.Equal(0.00675m, analysis.Approaches[0].PerRequest.ModelTokenCost);
        // RAG: (300 x 2.50 + 600 x 1.25 + 1500 context x 2.50 + 300 x 10.00) / 1e6 = 0.00825, and 30 % routed to gpt-5-mini:
        // (300 x 0.25 + 600 x 0.025 + 1500 x 0.25 + 300 x 2.00) / 1e6 = 0.001065; 0.7 x 0.00825 + 0.3 x 0.001065.
        Assert.Equal(0.0060945m, analysis.Approaches[1].PerRequest.ModelTokenCost);
    }

    [Fact]
    public void Analyze_FineTuneNamingAModel_TakesFineTunedRatesHostingAndTrainingPrice()
    {
        Analysis analysis = Analyzer.Analyze(Priced(NamedModels));
        ApproachAnalysis ft = analysis.Approaches[2];

        // Fine-tuned tokens: (600 x 0.30 + 300 x 1.20) / 1e6 = (180 + 360) / 1e6.
        Assert.Equal(0.00054m, ft.PerRequest.ModelTokenCost);
        // Hosting $1.70 an hour x 730 hours.
        Assert.Equal(1241m, ft.Monthly.FixedCost);
        // 5,000,000 tokens x 3 epochs x $3.30 per million = $49.50 of compute, + $8,000 preparation + $1,000 evaluation.
        Assert.Equal(9049.5m, ft.Training.InitialCost);
    }

    [Fact]
    public void Resolve_ValuesTheScenarioGives_WinOverTheCatalogAndAreNotListedAsFilled()
    {
        string negotiated = Samples.Set(NamedModels, "approaches[0].pricing", """{ "inputPerMillion": 2.00 }""");
        negotiated = Samples.Set(negotiated, "approaches[2].hostingPerHour", "0");

        PricedScenario priced = Priced(negotiated);

        Assert.Equal(new Pricing(2.00m, 10.00m, 1.25m), priced.Scenario.Approaches[0].Pricing);
        Assert.Equal(["pricing.outputPerMillion", "pricing.cachedInputPerMillion"], priced.Prices[0].Filled);
        Assert.Equal(0m, priced.Scenario.Approaches[2].HostingPerHour);
        Assert.DoesNotContain("hostingPerHour", priced.Prices[3].Filled);
        // (600 x 2.00 + 1800 x 1.25 + 300 x 10.00) / 1e6 = (1200 + 2250 + 3000) / 1e6.
        Assert.Equal(0.00645m, Analyzer.Analyze(priced).Approaches[0].PerRequest.ModelTokenCost);
    }

    [Fact]
    public void Resolve_EveryPriceGiven_FillsNothingButListsTheModel()
    {
        string given = Samples.Set(NamedModels, "approaches[0].pricing",
            """{ "inputPerMillion": 1, "outputPerMillion": 2, "cachedInputPerMillion": 0.5 }""");

        PricedScenario priced = Priced(given);

        Assert.Equal(new Pricing(1m, 2m, 0.5m), priced.Scenario.Approaches[0].Pricing);
        Assert.Equal(("approaches[0]", 0), (priced.Prices[0].Path, priced.Prices[0].Filled.Count));
    }

    [Fact]
    public void Resolve_PricesAsOfBeforeAPriceChange_TakesTheVersionThenInEffect()
    {
        string before = Samples.Set(NamedModels, "pricesAsOf", "\"2026-02-28\"");

        PricedScenario priced = Priced(before);
        PricedScenario today = Priced(NamedModels);

        // The version of 2025-08-07: input 5.00, cached 2.50, output 15.00.
        Assert.Equal(new Pricing(5.00m, 15.00m, 2.50m), priced.Scenario.Approaches[0].Pricing);
        Assert.Equal(new DateOnly(2025, 8, 7), priced.Prices[0].EffectiveFrom);
        Assert.Equal(new Pricing(2.50m, 10.00m, 1.25m), today.Scenario.Approaches[0].Pricing);
    }

    [Fact]
    public void Resolve_ScenarioNamingNoModel_IsTheScenarioItselfWithNoPrices()
    {
        Scenario scenario = Samples.Parse(Typed);

        PriceResolution resolution = ScenarioPrices.Resolve(scenario, PriceCatalog.Empty, Today);

        Assert.True(resolution.IsValid);
        Assert.Same(scenario, resolution.Priced.Scenario);
        Assert.Empty(resolution.Priced.Prices);
    }

    [Fact]
    public void Resolve_KeepsTheModelIdsAndPricesAsOfAsWritten()
    {
        Scenario written = Samples.Parse(Samples.Set(NamedModels, "pricesAsOf", "\"2026-06-30\""));

        Scenario priced = ScenarioPrices.Resolve(written, Catalog, Today).Priced!.Scenario;

        Assert.Equal(written.Approaches.Select(a => (a.Model, a.Routing?.Model)), priced.Approaches.Select(a => (a.Model, a.Routing?.Model)));
        Assert.Equal(new DateOnly(2026, 6, 30), priced.PricesAsOf);
        Assert.Null(written.Approaches[0].Pricing);
    }

    [Fact]
    public void Resolve_UnknownId_IsRefusedAtItsModelWithSimilarIds()
    {
        string unknown = Samples.Set(NamedModels, "approaches[0].model", "\"openai/gpt-4o\"");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Refused(unknown);

        Assert.Equal(["approaches[0].model"], errors.Keys);
        Assert.Equal(
            "openai/gpt-4o is not in the price catalog. Similar ids: openai/gpt-4o-2024-08-06, openai/gpt-4o-mini-2024-07-18.",
            Assert.Single(errors["approaches[0].model"]));
    }

    [Fact]
    public void Resolve_NoVersionInEffectOnPricesAsOf_IsRefusedAtItsModelSayingWhenItsPricesStart()
    {
        string early = Samples.Set(NamedModels, "approaches[0].model", "\"openai/gpt-6\"");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Refused(early);

        string message = Assert.Single(errors["approaches[0].model"]);
        Assert.StartsWith("openai/gpt-6 has no price in effect on 2026-12-02; its prices start on 2027-01-01.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FineTuneOfAModelThatCannotBeFineTuned_RefusesEveryPriceItWouldNeedAtItsOwnPath()
    {
        string untunable = Samples.Set(NamedModels, "approaches[2].model", "\"openai/gpt-5-mini\"");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Refused(untunable);

        Assert.Equal(
            ["approaches[2].hostingPerHour", "approaches[2].pricing.inputPerMillion", "approaches[2].pricing.outputPerMillion",
             "approaches[2].training.trainingPerMillion"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "is required: openai/gpt-5-mini (version of 2025-08-07) has no fine-tuning prices; give it in the scenario.",
            Assert.Single(errors["approaches[2].hostingPerHour"]));
    }

    [Fact]
    public void Resolve_FineTuneWhoseEntryLacksOnlyTheTrainingPrice_RefusesThatOneUnlessTheScenarioGivesIt()
    {
        var withoutTraining = new PriceCatalog(
        [
            .. Catalog.Versions,
            Version("azure-openai/gpt-4.1/global", new DateOnly(2025, 11, 4),
                new PriceRates(2m, 0.5m, 8m, null, null, new FineTunePrices(null, 2m, 0.5m, 8m, 1.70m)), "azure price sheet"),
        ]);
        string named = Samples.Set(NamedModels, "approaches[2].model", "\"azure-openai/gpt-4.1/global\"");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Refused(named, withoutTraining);
        PricedScenario given = Priced(Samples.Set(named, "approaches[2].training.trainingPerMillion", "25"), withoutTraining);

        Assert.Equal(
            "is required: azure-openai/gpt-4.1/global (version of 2025-11-04) has no fine-tuned training price; give it in the scenario.",
            Assert.Single(Assert.Single(errors, e => e.Key == "approaches[2].training.trainingPerMillion").Value));
        Assert.Single(errors);
        Assert.Equal(25m, given.Scenario.Approaches[2].Training!.TrainingPerMillion);
    }

    [Fact]
    public void Resolve_SeveralProblems_AreAllReportedAtOnce()
    {
        string json = Samples.Set(NamedModels, "approaches[0].model", "\"acme/nothing\"");
        json = Samples.Set(json, "approaches[1].routing.model", "\"openai/gpt-5-mini-2099\"");
        json = Samples.Set(json, "approaches[2].model", "\"openai/gpt-5-mini\"");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Refused(json);

        Assert.Contains("approaches[0].model", errors.Keys);
        Assert.Contains("approaches[1].routing.model", errors.Keys);
        Assert.Contains("approaches[2].hostingPerHour", errors.Keys);
        Assert.Contains("Similar ids: openai/gpt-5-mini.", errors["approaches[1].routing.model"][0], StringComparison.Ordinal);
        Assert.Equal(" No similar id is in effect on that date.", errors["approaches[0].model"][0]["acme/nothing is not in the price catalog.".Length..]);
    }

    [Fact]
    public void Analyze_UnresolvedScenarioNamingAModel_ThrowsRatherThanPricingAtZero()
    {
        Scenario unresolved = Samples.Parse(NamedModels);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => Analyzer.Analyze(unresolved));

        Assert.Contains("Approach 'prompt' has no pricing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MoreApproachesThanAValidScenarioHolds_Throws()
    {
        Scenario scenario = Samples.Parse(NamedModels);
        Scenario tooMany = scenario with { Approaches = [.. Enumerable.Repeat(scenario.Approaches[0], MaxApproaches + 1)] };

        Assert.Throws<ArgumentException>(() => ScenarioPrices.Resolve(tooMany, Catalog, Today));
    }

    public static TheoryData<string, string, string> MissingPrices => new()
    {
        { "approaches[0].pricing", """{ "outputPerMillion": 10 }""", "approaches[0].pricing.inputPerMillion" },
        { "approaches[0].pricing", """{ "inputPerMillion": 2.5 }""", "approaches[0].pricing.outputPerMillion" },
        { "approaches[1].routing.pricing", "null", "approaches[1].routing.pricing" },
        { "approaches[2].pricing", "null", "approaches[2].pricing" },
    };

    [Theory]
    [MemberData(nameof(MissingPrices))]
    public void Parse_PriceMissingWithoutAModel_IsRequiredOrAModel(string path, string value, string refusedAt)
    {
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Samples.Errors(Samples.Set(Typed, path, value));

        Assert.Equal([refusedAt], errors.Keys);
        Assert.Equal("is required, or name a model (model) whose catalog prices fill it.", Assert.Single(errors[refusedAt]));
    }

    [Fact]
    public void Parse_ModelWithoutPricing_IsAcceptedAndKeepsEveryRateAbsent()
    {
        Scenario scenario = Samples.Parse(NamedModels);

        Assert.Equal(("openai/gpt-4o-2024-08-06", null), (scenario.Approaches[0].Model, scenario.Approaches[0].Pricing));
        Assert.Equal(("openai/gpt-5-mini", null), (scenario.Approaches[1].Routing!.Model, scenario.Approaches[1].Routing!.Pricing));
        Assert.Null(scenario.Approaches[2].HostingPerHour);
        Assert.Null(scenario.Approaches[2].Training!.TrainingPerMillion);
        Assert.Null(scenario.PricesAsOf);
    }

    public static TheoryData<string> NotCatalogIds => new()
    {
        "OpenAI/gpt-4o",
        "gpt-4o",
        "openai/gpt 4o",
        "openai/gpt-4o/global/extra",
        "openai/gpt-4o\n",
        "",
    };

    [Theory]
    [MemberData(nameof(NotCatalogIds))]
    public void Parse_ModelThatIsNotACatalogId_IsRefusedAtItsPathAlone(string model)
    {
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Samples.Errors(Samples.Set(NamedModels, "approaches[0].model", Samples.Quote(model)));

        // The missing pricing is not refused besides: the caller meant to name a model.
        Assert.Equal(["approaches[0].model"], errors.Keys);
        Assert.StartsWith("must be a price catalog id: lower case provider/model or provider/model/deployment",
            Assert.Single(errors["approaches[0].model"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-13-01\"")]
    [InlineData("\"2026-12-02T00:00:00Z\"")]
    [InlineData("20261202")]
    public void Parse_PricesAsOfNotADate_IsRefused(string value) =>
        Assert.Equal(["must be a date, YYYY-MM-DD."], Samples.Errors(Samples.Set(NamedModels, "pricesAsOf", value))["pricesAsOf"]);

    [Fact]
    public void Write_ScenarioNamingModels_RoundTripsWithoutThePricesItLeftOut()
    {
        Scenario scenario = Samples.Parse(Samples.Set(NamedModels, "pricesAsOf", "\"2026-06-30\""));

        string written = ScenarioJson.Serialize(scenario);

        Assert.Contains("\"model\":\"openai/gpt-4o-2024-08-06\"", written, StringComparison.Ordinal);
        Assert.Contains("\"pricesAsOf\":\"2026-06-30\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"pricing\"", written[..written.IndexOf("\"fine-tune\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(written, ScenarioJson.Serialize(Samples.Parse(written)));
    }

    /// <summary>
    /// Any scenario, its approaches' prices moved into catalog entries and named instead, gives the same analysis; a price
    /// it keeps beside the model wins over the entry's own (which differs on purpose).
    /// </summary>
    [Fact]
    public void Analyze_TypedPricesMovedIntoTheCatalogAndNamed_GivesTheSameFigures() =>
        Gen.Select(PropertyTests.ScenarioGen, Gen.Bool.Array[MaxApproaches * 6]).Sample((scenario, keep) =>
        {
            var versions = new List<ModelPrice>();
            Approach[] named = new Approach[scenario.Approaches.Count];
            for (int i = 0; i < named.Length; i++)
            {
                named[i] = Named(scenario.Approaches[i], i, keep.AsSpan(i * 6, 6), versions);
            }

            PriceResolution resolution = ScenarioPrices.Resolve(scenario with { Approaches = named }, new PriceCatalog(versions), Today);

            Assert.True(resolution.IsValid, string.Join("; ", resolution.Errors.Select(e => $"{e.Key}: {e.Value[0]}")));
            Assert.Equal(Figures(Analyzer.Analyze(scenario)), Figures(Analyzer.Analyze(resolution.Priced)));
            Assert.Equal(versions.Count, resolution.Priced.Prices.Count);
        }, iter: 200);

    /// <summary>
    /// <paramref name="approach"/> naming an entry added to <paramref name="versions"/> that holds its prices; a price it
    /// keeps (per <paramref name="keep"/>) stays typed and the entry holds that price plus one.
    /// </summary>
    private static Approach Named(Approach approach, int index, ReadOnlySpan<bool> keep, List<ModelPrice> versions)
    {
        Pricing pricing = approach.Pricing!;
        bool fineTune = approach.Kind == ApproachKind.FineTune;
        (decimal? input, decimal? entryInput) = Split(pricing.InputPerMillion, null, keep[0]);
        (decimal? output, decimal? entryOutput) = Split(pricing.OutputPerMillion, null, keep[1]);
        // An entry without a cached price leaves it to default to the input price, as an absent typed one does.
        (decimal? cached, decimal? entryCached) = Split(pricing.CachedInputPerMillion, null, keep[2]);
        // Absent hosting and training prices are 0 to the economics; the entry states 0.
        (decimal? hosting, decimal? entryHosting) = Split(approach.HostingPerHour, 0m, keep[3]);
        (decimal? training, decimal? entryTraining) = Split(approach.Training?.TrainingPerMillion, 0m, keep[4]);
        PriceRates rates = fineTune
            ? new PriceRates(null, null, null, null, null, new FineTunePrices(entryTraining, entryInput, entryCached, entryOutput, entryHosting))
            : new PriceRates(entryInput, entryCached, entryOutput, null, null, null);
        string id = $"test/approach-{index}";
        versions.Add(Version(id, new DateOnly(2026, 1, 1), rates, "test"));

        Approach named = approach with
        {
            Model = id,
            Pricing = input is null && output is null && cached is null ? null : new Pricing(input, output, cached),
            HostingPerHour = fineTune ? hosting : approach.HostingPerHour,
            Training = approach.Training is { } t ? t with { TrainingPerMillion = training } : null,
        };
        if (approach.Routing is not { } routing || !keep[5])
        {
            return named;
        }
        string routed = $"test/routed-{index}";
        versions.Add(Version(routed, new DateOnly(2026, 1, 1),
            new PriceRates(routing.Pricing!.InputPerMillion, routing.Pricing.CachedInputPerMillion, routing.Pricing.OutputPerMillion, null, null, null),
            "test"));
        return named with { Routing = routing with { Model = routed, Pricing = null } };
    }

    /// <summary>
    /// A price kept typed (when <paramref name="kept"/> and present) and the entry's price: one more than the typed one, so
    /// only the typed one winning gives the same figures; else the price itself, or <paramref name="absent"/> for none.
    /// </summary>
    private static (decimal? Typed, decimal? Entry) Split(decimal? value, decimal? absent, bool kept) =>
        kept && value is decimal typed ? (typed, typed + 1m) : (null, value ?? absent);

    /// <summary>Compares <see cref="PriceUsed"/> by value, its list of fields included.</summary>
    private sealed class PriceUsedComparer : IEqualityComparer<PriceUsed>
    {
        public static readonly PriceUsedComparer Instance = new();

        public bool Equals(PriceUsed? x, PriceUsed? y) =>
            x is not null && y is not null && x with { Filled = [] } == y with { Filled = [] } && x.Filled.SequenceEqual(y.Filled);

        public int GetHashCode(PriceUsed obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
    }
}
