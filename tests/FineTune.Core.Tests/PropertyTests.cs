using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core.Tests;

/// <summary>
/// Invariants of the validator and the economics over generated inputs (STYLE.md: "Tests prove the maths three ways").
/// Each property runs a few hundred samples; CsCheck prints the seed and the shrunk input of a failure.
/// </summary>
public sealed class PropertyTests
{
    private const long Iterations = 300;

    private static Gen<decimal> Scaled(long maxUnits, int decimals)
    {
        decimal unit = Pow10(decimals);
        return Gen.Long[0, maxUnits].Select(units => units / unit);
    }

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <summary>Both limits of a range now and then, round values mostly, and any value of full precision.</summary>
    private static Gen<decimal> OneOf(decimal first, decimal second, Gen<decimal> round, Gen<decimal> any) =>
        Gen.Frequency((1, Gen.Const(first)), (1, Gen.Const(second)), (4, round), (2, any));

    private static readonly Gen<decimal> Money = OneOf(0m, MaxMoney, Scaled(100_000_000, 2), Gen.Decimal[0m, MaxMoney]);

    private static readonly Gen<decimal> Price = OneOf(0m, MaxPricePerMillion, Scaled(1_000_000, 2), Gen.Decimal[0m, MaxPricePerMillion]);

    private static readonly Gen<decimal> Fraction = OneOf(0m, 1m, Scaled(100, 2), Gen.Decimal[0m, 1m]);

    private static readonly Gen<decimal> AccuracyGen = OneOf(MinAccuracy, 1m, Gen.Int[1, 1000].Select(i => i / 1000m), Gen.Decimal[MinAccuracy, 1m]);

    private static readonly Gen<long> Tokens = Gen.Frequency(
        (1, Gen.Const(0L)), (1, Gen.Const(MaxRequestTokens)), (2, Gen.Long[0, MaxRequestTokens]), (4, Gen.Long[0, 5_000]));

    private static readonly Gen<Pricing> PricingGen =
        from input in Price
        from output in Price
        from cached in Gen.Nullable(Price, 0.5)
        select new Pricing(input, output, cached);

    private static readonly Gen<Retrieval> RetrievalGen =
        from context in Tokens
        from embedding in Tokens
        from embeddingPrice in Price
        from perQuery in Money
        select new Retrieval(context, embedding, embeddingPrice, perQuery);

    private static readonly Gen<Routing> RoutingGen =
        from share in Fraction
        from pricing in PricingGen
        from accuracy in AccuracyGen
        select new Routing(share, pricing, accuracy);

    private static readonly Gen<Training> TrainingGen =
        from tokens in Gen.Frequency(
            (1, Gen.Const(0L)), (1, Gen.Const(MaxTrainingTokens)), (2, Gen.Long[0, MaxTrainingTokens]), (2, Gen.Long[0, 100_000_000]))
        from epochs in Gen.Frequency((1, Gen.Const(1)), (1, Gen.Const(MaxEpochs)), (3, Gen.Int[1, MaxEpochs]))
        from price in Price
        from gpuHours in OneOf(0m, MaxGpuHours, Scaled(100_000, 1), Gen.Decimal[0m, MaxGpuHours])
        from gpuRate in Money
        from preparation in Money
        from evaluation in Money
        from retrain in Gen.Nullable(Gen.Frequency((1, Gen.Const(1)), (1, Gen.Const(MaxMonths)), (3, Gen.Int[1, 24])), 0.4)
        select new Training(tokens, epochs, price, gpuHours, gpuRate, preparation, evaluation, retrain);

    private static readonly Gen<Approach> ApproachGen =
        from kind in Gen.OneOf(ApproachKind.Prompt, ApproachKind.Rag, ApproachKind.FineTune)
        from pricing in PricingGen
        from input in Tokens
        from cached in Gen.Nullable(Gen.Long[0, input], 0.5)
        from output in Tokens
        from accuracy in AccuracyGen
        from retrieval in Gen.Null(RetrievalGen, 0.5)
        from routing in Gen.Null(RoutingGen, 0.5)
        from fixedMonthly in Gen.Nullable(Money, 0.5)
        from hosting in Gen.Nullable(Money, 0.5)
        from training in TrainingGen
        select new Approach("x", kind, pricing, input, cached, output, accuracy, retrieval, routing, fixedMonthly, hosting,
            kind == ApproachKind.FineTune ? training : null);

    private static readonly Gen<Workload> WorkloadGen =
        from horizon in Gen.Nullable(Gen.Frequency((1, Gen.Const(1)), (2, Gen.Const(MaxMonths)), (3, Gen.Int[1, MaxMonths])), 0.2)
        from growth in Gen.Nullable(
            Gen.Frequency((1, Gen.Const(MinGrowthRate)), (1, Gen.Const(MaxGrowthRate)), (1, Gen.Const(0.059m)),
                (3, Gen.Int[-50, 100].Select(i => i / 100m)), (1, Gen.Decimal[MinGrowthRate, MaxGrowthRate])), 0.2)
        from requests in Gen.Frequency(
            (2, Gen.Const(MaxRequestsPerMonth)), (1, Gen.Const(MinRequestsPerMonth)),
            (2, Gen.Long[1, 1_000_000_000_000].Select(v => (decimal)v)), (2, Scaled(1_000_000_000, 3).Select(v => Math.Max(v, MinRequestsPerMonth))))
        select WithinProjection(requests, horizon, growth);

    /// <summary>
    /// Keeps the last month's projected volume within 1e15 the way the validator computes it: first lowers the growth until
    /// even the smallest volume fits, then lowers the volume to the largest that fits, so the generated workloads sit on the limit.
    /// </summary>
    private static Workload WithinProjection(decimal requests, int? horizon, decimal? growth)
    {
        int months = horizon ?? DefaultHorizonMonths;
        decimal rate = growth ?? 0m;
        while (!Fits(MinRequestsPerMonth, rate, months))
        {
            rate = decimal.Round(rate / 2m, 6, MidpointRounding.ToZero);
        }

        if (!Fits(requests, rate, months))
        {
            decimal largest = MaxProjectedMonthlyRequests;
            for (int m = 1; m < months; m++)
            {
                largest /= 1m + rate;
            }

            requests = Math.Max(MinRequestsPerMonth, decimal.Round(largest, 6, MidpointRounding.ToZero));
            while (!Fits(requests, rate, months))
            {
                requests -= 0.000001m;
            }
        }

        return new Workload(requests, horizon, growth is null && rate == 0m ? null : rate);
    }

    private static bool Fits(decimal requests, decimal growth, int months)
    {
        decimal volume = requests;
        for (int m = 1; m < months; m++)
        {
            volume *= 1m + growth;
            if (volume > MaxProjectedMonthlyRequests)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Gen<Revenue> RevenueGen = Gen.Frequency(
        (1, from perRequest in Money
            from target in Gen.Nullable(Fraction, 0.5)
            select new Revenue(perRequest, null, null, target)),
        (1, from perUser in Money
            from requestsPerUser in Gen.Frequency((1, Gen.Const(1m)), (1, Gen.Const(MaxRequestsPerMonth)), (3, Scaled(100_000, 0).Select(v => v + 1m)))
            from perRequest in Gen.Nullable(Money, 0.7)
            from target in Gen.Nullable(Fraction, 0.5)
            select new Revenue(perRequest, perUser, requestsPerUser, target)));

    private static readonly Gen<Quality> QualityGen =
        from value in Gen.Nullable(Money, 0.3)
        from costPerError in Gen.Nullable(Money, 0.3)
        from reviewRate in Gen.Nullable(Fraction, 0.3)
        from reviewMinutes in Gen.Nullable(OneOf(0m, MaxReviewMinutes, Scaled(600, 1), Gen.Decimal[0m, MaxReviewMinutes]), 0.3)
        from hourly in Gen.Nullable(Money, 0.3)
        from required in Gen.Nullable(Fraction, 0.5)
        select new Quality(value, costPerError, reviewRate, reviewMinutes, hourly, required);

    private static readonly Gen<Optimizations> OptimizationsGen =
        from hitRate in Fraction
        from lookup in Money
        from batchShare in Fraction
        from discount in Gen.Nullable(Fraction, 0.5)
        select new Optimizations(hitRate, lookup, batchShare, discount);

    internal static readonly Gen<Scenario> ScenarioGen =
        from name in Gen.Frequency((1, Gen.Const(new string('n', MaxNameLength))), (3, Gen.Int[1, 30].Select(n => new string('s', n))))
        from segment in Gen.Nullable(Gen.OneOf(Segment.AiFirstSaas, Segment.EnterpriseAi, Segment.ConsumerAi, Segment.AllSectors), 0.3)
        from workload in WorkloadGen
        from revenue in Gen.Null(RevenueGen, 0.3)
        from quality in Gen.Null(QualityGen, 0.3)
        from optimizations in Gen.Null(OptimizationsGen, 0.5)
        from approaches in ApproachGen.Array[1, MaxApproaches]
        from baseline in Gen.Int[-3, MaxApproaches - 1]
        select new Scenario(
            name,
            segment,
            baseline >= 0 && baseline < approaches.Length ? $"a{baseline}" : null,
            workload,
            revenue,
            quality,
            optimizations,
            approaches.Select((approach, i) => approach with { Id = $"a{i}" }).ToArray());

    private static string Print(Scenario scenario) => ScenarioJson.Serialize(scenario);

    private static Scenario WithApproach(Scenario scenario, int index, Func<Approach, Approach> change) =>
        scenario with { Approaches = scenario.Approaches.Select((a, i) => i == index ? change(a) : a).ToArray() };

    private static void AssertRefusedOrAccepted(ScenarioParseResult result)
    {
        if (result.IsValid)
        {
            Assert.NotNull(result.Scenario);
            Assert.Empty(result.Errors);
            return;
        }

        Assert.Null(result.Scenario);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error =>
        {
            Assert.False(string.IsNullOrEmpty(error.Key));
            Assert.NotEmpty(error.Value);
        });
    }

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows() =>
        Gen.Byte.Array[0, 400].Sample(bytes => AssertRefusedOrAccepted(ScenarioJson.Parse(bytes)), iter: 2000);

    [Fact]
    public void Parse_SampleWithCorruptedBytes_NeverThrows()
    {
        byte[] sample = Samples.Utf8(Samples.ThreeApproaches);
        Gen.Select(Gen.Int[0, sample.Length - 1], Gen.Byte).Array[1, 6].Sample(corruptions =>
        {
            byte[] body = (byte[])sample.Clone();
            foreach ((int at, byte value) in corruptions)
            {
                body[at] = value;
            }

            AssertRefusedOrAccepted(ScenarioJson.Parse(body));
        }, iter: 2000);
    }

    /// <summary>JSON-ish raw values: other types, extreme and malformed numbers, strings, nested arrays and objects.</summary>
    private static readonly Gen<string> RawScalar = Gen.Frequency(
        (6, Gen.OneOf(
            "null", "true", "false", "0", "-0", "1", "-1", "0.5", "1.5", "2", "12", "120", "121", "0.001", "0.0009",
            "10000", "10000000", "10000001", "1000000000", "1000000000000", "1e12", "1e13", "1e15", "1e400", "-1e400", "1e-400",
            "79228162514264337593543950336", "0.00000000000000000000000000000001", "123456789012345678901234567890.5",
            "\"\"", "\"x\"", "\"NaN\"", "\"1e3\"", "\"fine-tune\"", "\"prompt\"", "\"all-sectors\"", "\"\\uD800\"",
            "NaN", "Infinity", "-", "01", "[]", "{}", "[[[[[[]]]]]]", "{\"foo\":1}", "[null]")),
        (2, Gen.Decimal.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.String[0, 20].Select(Samples.Quote)));

    private static readonly Gen<string> RawValue = Gen.Recursive<string>((depth, inner) => depth >= 3
        ? RawScalar
        : Gen.Frequency(
            (8, RawScalar),
            (1, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.OneOf("id", "kind", "pricing", "inputPerMillion", "accuracy", "foo"), inner).Array[0, 3]
                .Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}"))));

    private enum MutationKind
    {
        Delete,
        Replace,
        AddUnknown,
        Nudge,
    }

    /// <summary>Numbers on and around the limits, put in place of a number so that many mutated bodies stay valid.</summary>
    private static readonly Gen<string> NearLimitNumber = Gen.OneOf(
        "0", "1", "2", "0.001", "0.5", "1.0", "-0.5", "0.059", "6", "12", "100", "120", "200", "10000", "10000000",
        "1000000000", "1000000000000", "10000000000000", "0.000001", "0.1234567890123456789", "1e3", "99.99");

    private sealed record Mutation(int Target, MutationKind Kind, string RawValue);

    private static readonly Gen<Mutation> MutationGen = Gen.OneOf(
        Gen.Select(Gen.Int[0, 10_000], Gen.OneOf(MutationKind.Delete, MutationKind.Replace, MutationKind.AddUnknown), RawValue,
            (target, kind, raw) => new Mutation(target, kind, raw)),
        Gen.Select(Gen.Int[0, 10_000], NearLimitNumber, (target, raw) => new Mutation(target, MutationKind.Nudge, raw)));

    /// <summary>Applies the mutations to the tree of <paramref name="json"/>; raw values go in through placeholders.</summary>
    private static string Mutate(string json, Mutation[] mutations)
    {
        JsonNode root = JsonNode.Parse(json)!;
        var raws = new List<string>();
        foreach (Mutation mutation in mutations)
        {
            List<(JsonNode Parent, object Key)> slots = [];
            Collect(root, slots);
            if (slots.Count == 0)
            {
                break;
            }

            if (mutation.Kind == MutationKind.Nudge)
            {
                slots.RemoveAll(slot => Child(slot) is not JsonValue { } value || value.GetValueKind() != JsonValueKind.Number);
                if (slots.Count == 0)
                {
                    continue;
                }
            }

            (JsonNode parent, object key) = slots[mutation.Target % slots.Count];
            string placeholder = $"@@raw{raws.Count}@@";
            raws.Add(mutation.RawValue);
            switch (mutation.Kind)
            {
                case MutationKind.Delete when key is string name:
                    parent.AsObject().Remove(name);
                    break;
                case MutationKind.Delete:
                    parent.AsArray().RemoveAt((int)key);
                    break;
                case MutationKind.AddUnknown when parent is JsonObject o:
                    o[$"unknown{raws.Count}"] = placeholder;
                    break;
                default:
                    if (key is string property)
                    {
                        parent.AsObject()[property] = placeholder;
                    }
                    else
                    {
                        parent.AsArray()[(int)key] = placeholder;
                    }

                    break;
            }
        }

        string text = root.ToJsonString();
        for (int i = 0; i < raws.Count; i++)
        {
            text = text.Replace($"\"@@raw{i}@@\"", raws[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static JsonNode? Child((JsonNode Parent, object Key) slot) =>
        slot.Key is string name ? slot.Parent.AsObject()[name] : slot.Parent.AsArray()[(int)slot.Key];

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (KeyValuePair<string, JsonNode?> property in obj)
            {
                slots.Add((obj, property.Key));
                if (property.Value is not null)
                {
                    Collect(property.Value, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } item)
                {
                    Collect(item, slots);
                }
            }
        }
    }

    [Fact]
    public void Parse_MutatedScenarioJson_NeverThrowsAndAnalysesWhatItAccepts() =>
        Gen.Select(Gen.OneOf(Samples.ThreeApproaches, Samples.Minimal), MutationGen.Array[1, 4])
            .Select((json, mutations) => Mutate(json, mutations))
            .Sample(body =>
            {
                ScenarioParseResult result = ScenarioJson.Parse(Encoding.UTF8.GetBytes(body));
                AssertRefusedOrAccepted(result);
                if (result.Scenario is { } scenario)
                {
                    Assert.NotEmpty(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(scenario)));
                    Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(Samples.Parse(ScenarioJson.Serialize(scenario))));
                }
            }, iter: 1000);

    /// <summary>Any scenario within the limits analyses, with every optional section, and writes its JSON: no overflow anywhere.</summary>
    [Fact]
    public void Analyze_AnyScenarioWithinTheLimits_AnalysesAndSerialises() =>
        ScenarioGen.Sample(scenario =>
        {
            // The validator accepts what the generator builds: the limits of both agree.
            Scenario parsed = Samples.Parse(ScenarioJson.Serialize(scenario));

            Analysis analysis = Analyzer.Analyze(
                parsed, sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline);

            using JsonDocument json = JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(analysis));
            Assert.Equal(scenario.Approaches.Count, json.RootElement.GetProperty("approaches").GetArrayLength());
            Assert.Equal(scenario.Approaches.Count - 1, json.RootElement.GetProperty("breakEven").GetArrayLength());
            Assert.Equal(3, json.RootElement.GetProperty("scale").GetArrayLength());
        }, iter: Iterations, print: Print);

    [Fact]
    public void Analyze_HigherTokenPrice_NeverLowersACost() =>
        Gen.Select(ScenarioGen, Gen.Int[0, MaxApproaches - 1], Gen.Bool, Scaled(1_000_000, 2)).Sample((scenario, pick, input, increase) =>
        {
            int i = pick % scenario.Approaches.Count;
            Scenario dearer = WithApproach(scenario, i, a => a with
            {
                Pricing = input
                    ? a.Pricing! with { InputPerMillion = Math.Min(MaxPricePerMillion, a.Pricing.InputPerMillion!.Value + increase) }
                    : a.Pricing! with { OutputPerMillion = Math.Min(MaxPricePerMillion, a.Pricing.OutputPerMillion!.Value + increase) },
            });

            ApproachAnalysis before = Analyzer.Analyze(scenario).Approaches[i];
            ApproachAnalysis after = Analyzer.Analyze(dearer).Approaches[i];

            Assert.True(after.PerRequest.ModelTokenCost >= before.PerRequest.ModelTokenCost, "modelTokenCost fell");
            Assert.True(after.PerRequest.InferenceCost >= before.PerRequest.InferenceCost, "inferenceCost fell");
            Assert.True(after.PerRequest.EconomicCost >= before.PerRequest.EconomicCost, "economicCost fell");
            Assert.True(after.PerRequest.FullyLoadedCost >= before.PerRequest.FullyLoadedCost, "fullyLoadedCost fell");
            Assert.True(after.Horizon.TotalCost >= before.Horizon.TotalCost, "horizon totalCost fell");
        }, iter: Iterations, print: t => $"{Print(t.Item1)} approach {t.Item2} input {t.Item3} +{t.Item4}");

    [Fact]
    public void Analyze_HigherAccuracy_NeverLowersNetValue() =>
        Gen.Select(ScenarioGen, Gen.Int[0, MaxApproaches - 1], Fraction, Gen.Bool).Sample((scenario, pick, share, routed) =>
        {
            int i = pick % scenario.Approaches.Count;
            Scenario better = WithApproach(scenario, i, a => routed && a.Routing is { } routing
                ? a with { Routing = routing with { Accuracy = Math.Min(1m, routing.Accuracy + (1m - routing.Accuracy) * share) } }
                : a with { Accuracy = Math.Min(1m, a.Accuracy + (1m - a.Accuracy) * share) });

            ApproachAnalysis before = Analyzer.Analyze(scenario).Approaches[i];
            ApproachAnalysis after = Analyzer.Analyze(better).Approaches[i];

            Assert.True(after.Accuracy >= before.Accuracy, "accuracy fell");
            Assert.True(after.Horizon.NetValue >= before.Horizon.NetValue, $"netValue fell from {before.Horizon.NetValue} to {after.Horizon.NetValue}");
        }, iter: Iterations, print: t => $"{Print(t.Item1)} approach {t.Item2} share {t.Item3} routed {t.Item4}");

    [Fact]
    public void Scale_MultiplierOne_EqualsThePlainAnalysis() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis analysis = Analyzer.Analyze(scenario);
            ScaleCheck one = analysis.Scale.Single(s => s.Multiplier == 1);

            Assert.Equal(scenario.Workload.RequestsPerMonth, one.RequestsPerMonth);
            Assert.Equal(analysis.Recommendation.ApproachId, one.RecommendedApproachId);
            Assert.Equal(analysis.Approaches.Count, one.Approaches.Count);
            for (int i = 0; i < analysis.Approaches.Count; i++)
            {
                ApproachAnalysis plain = analysis.Approaches[i];
                ScaleApproach scaled = one.Approaches[i];
                Assert.Equal(plain.Id, scaled.Id);
                Assert.Equal(plain.PerRequest.FullyLoadedCost, scaled.FullyLoadedCost);
                Assert.Equal(plain.Monthly.RunRate, scaled.MonthlyRunRate);
                Assert.Equal(plain.Horizon.AiCogsToRevenue, scaled.AiCogsToRevenue);
                Assert.Equal(plain.Horizon.GrossMarginRate, scaled.GrossMarginRate);
            }
        }, iter: Iterations, print: Print);

    /// <summary>
    /// With a constant volume V, no fixed difference and no retraining, the walk pays back once (m + 1) * V * s covers the
    /// one-time delta, after exactly ceil(oneTimeDelta / savingsPerRequest) requests. Half the cases land exactly on a whole
    /// request (oneTimeDelta = s * n), where a rounding of the fraction of the month would add one request.
    /// </summary>
    [Fact]
    public void Payback_NoGrowthNoFixedDeltaNoRetraining_EqualsClosedForm() =>
        Gen.Select(
            Gen.OneOf(Gen.Long[1, 100_000].Select(n => n / 1_000_000m), Gen.Long[1, 1_000].Select(n => n / 1_000m)),
            Gen.OneOf(Gen.Long[1, 10_000_000], Gen.Long[1, 1_000]),
            Gen.Bool,
            Gen.Long[1, 100_000_000],
            Gen.OneOf(Gen.Int[1, 700], Gen.Int[1, 10]),
            Gen.Int[1, MaxMonths],
            Scaled(100_000, 2)).Sample((savings, requests, exact, cents, months, horizon, fixedMonthly) =>
        {
            decimal oneTimeDelta = exact ? savings * requests : cents / 100m;
            decimal closedForm = Math.Ceiling(oneTimeDelta / savings);
            decimal volume = Math.Ceiling(closedForm / months);
            decimal[] volumes = Enumerable.Repeat(volume, horizon).ToArray();
            var approach = new FixedFigures(fixedMonthly, oneTimeDelta + 500m, 0m, null);
            var baseline = new FixedFigures(fixedMonthly, 500m, 0m, null);

            BreakEvenView view = Payback.View(savings, approach, baseline, volumes);

            if (closedForm <= Payback.MaxMonths * volume)
            {
                Assert.Equal(closedForm, view.BreakEvenRequests);
                Assert.NotEqual(Verdict.Never, view.Verdict);
            }
            else
            {
                Assert.Null(view.BreakEvenRequests);
                Assert.Equal(Verdict.Never, view.Verdict);
            }
        }, iter: 1000);

    /// <summary>Break-evens that land exactly on a whole request, where ceil((-C / D) * V) would count one request too many.</summary>
    public static TheoryData<decimal, decimal, decimal, decimal> WholeRequestLandings => new()
    {
        // oneTimeDelta, savingsPerRequest, V, ceil(oneTimeDelta / savingsPerRequest)
        { 1m, 0.5m, 3m, 2m },
        { 31.44123m, 0.04209m, 374m, 747m },
        { 48.554344m, 0.083141m, 195m, 584m },
        { 660_243.495604m, 0.097174m, 1_132_408m, 6_794_446m },
    };

    [Theory]
    [MemberData(nameof(WholeRequestLandings))]
    public void Payback_BreakEvenOnAWholeRequest_EqualsClosedForm(decimal oneTimeDelta, decimal savings, decimal volume, decimal expected)
    {
        Assert.Equal(expected, Math.Ceiling(oneTimeDelta / savings));

        BreakEvenView view = Payback.View(savings, new FixedFigures(0m, oneTimeDelta, 0m, null), new FixedFigures(0m, 0m, 0m, null), [volume]);

        Assert.Equal(expected, view.BreakEvenRequests);
    }

    [Fact]
    public void Analyze_NoGrowthNoFixedDeltaNoRetraining_BreakEvenEqualsClosedForm() =>
        Gen.Select(
            Gen.Long[1, 1_000_000],
            Gen.Int[1, MaxMonths],
            Gen.Long[100, 10_000],
            Gen.Int[1, 90],
            Gen.Long[0, 50_000_000],
            Scaled(1_000_000, 2),
            Scaled(100_000, 2)).Sample((requests, horizon, promptTokens, tokenShare, trainingTokens, preparation, evaluation) =>
        {
            long fineTuneTokens = promptTokens * tokenShare / 100;
            string json = $$"""
                {
                  "name": "closed form",
                  "workload": { "requestsPerMonth": {{requests}}, "horizonMonths": {{horizon}} },
                  "approaches": [
                    { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 2.5, "outputPerMillion": 10 },
                      "inputTokens": {{promptTokens}}, "outputTokens": 300, "accuracy": 0.9 },
                    { "id": "ft", "kind": "fine-tune", "pricing": { "inputPerMillion": 2.5, "outputPerMillion": 10 },
                      "inputTokens": {{fineTuneTokens}}, "outputTokens": 300, "accuracy": 0.9,
                      "training": { "trainingTokens": {{trainingTokens}}, "epochs": 3, "trainingPerMillion": 25, "gpuHours": 0,
                                    "gpuHourlyRate": 0, "dataPreparationCost": {{preparation}}, "evaluationCost": {{evaluation}} } }
                  ]
                }
                """;

            BreakEvenView cost = Analyzer.Analyze(Samples.Parse(json)).BreakEven.Single().Cost;

            Assert.True(cost.SavingsPerRequest > 0m);
            Assert.Equal(0m, cost.FixedMonthlyDelta);
            decimal closedForm = Math.Ceiling(cost.OneTimeDelta / cost.SavingsPerRequest);
            if (closedForm <= Payback.MaxMonths * requests)
            {
                Assert.Equal(closedForm, cost.BreakEvenRequests);
            }
            else
            {
                Assert.Null(cost.BreakEvenRequests);
            }
        }, iter: Iterations);

    /// <summary>
    /// A decimal as an exact fixed-point number in units of 1e-60: sums and single products of decimals (scale at most 28
    /// each) stay exact, so the reference walk below rounds nothing until it divides.
    /// </summary>
    private readonly record struct Exact(BigInteger Units)
    {
        private const int Scale = 60;

        public static readonly BigInteger One = BigInteger.Pow(10, Scale);

        public static Exact Zero => new(BigInteger.Zero);

        public static Exact Of(decimal value)
        {
            (BigInteger mantissa, int scale) = Split(value);
            return new(mantissa * BigInteger.Pow(10, Scale - scale));
        }

        public static Exact Product(decimal a, decimal b)
        {
            (BigInteger ma, int sa) = Split(a);
            (BigInteger mb, int sb) = Split(b);
            return new(ma * mb * BigInteger.Pow(10, Scale - sa - sb));
        }

        public static Exact operator +(Exact a, Exact b) => new(a.Units + b.Units);

        public static Exact operator -(Exact a, Exact b) => new(a.Units - b.Units);

        public static Exact operator -(Exact a) => new(-a.Units);

        public bool IsNegative => Units.Sign < 0;

        public bool IsPositive => Units.Sign > 0;

        private static (BigInteger Mantissa, int Scale) Split(decimal value)
        {
            int[] bits = decimal.GetBits(value);
            BigInteger mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
            return (bits[3] < 0 ? -mantissa : mantissa, (bits[3] >> 16) & 0xFF);
        }
    }

    /// <summary>numerator / denominator (denominator &gt; 0, value &gt;= 0) rounded to 8 places, half to even.</summary>
    private static decimal RoundToEight(BigInteger numerator, BigInteger denominator)
    {
        BigInteger quotient = BigInteger.DivRem(numerator * 100_000_000, denominator, out BigInteger remainder);
        BigInteger twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        return (decimal)quotient / 100_000_000m;
    }

    private static BigInteger Ceiling(BigInteger numerator, BigInteger denominator)
    {
        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        return remainder.Sign > 0 ? quotient + 1 : quotient;
    }

    /// <summary>Months rounded to 8 places and requests (whole when the monthly difference paid back, else rounded to 8 places).</summary>
    private readonly record struct ReferencePoint(decimal? Months, decimal? Requests, bool WholeRequests);

    private static decimal RetrainingAt(int? every, decimal cost, int month) =>
        every is int r && month > 0 && month % r == 0 ? cost : 0m;

    /// <summary>
    /// The loop of economics.md section 4 as written, in exact arithmetic, walking every one of the 600 months with no shortcut:
    /// it remembers the latest crossing of zero ("since"), forgets it whenever C falls below zero, answers at the horizon when
    /// ahead, and past the horizon with the first crossing. Past the horizon the volume stays at the horizon's last month and
    /// each approach keeps retraining on its cadence.
    /// </summary>
    private static ReferencePoint ReferenceWalk(
        decimal savingsPerRequest, decimal fixedMonthlyDelta, decimal oneTimeDelta,
        decimal retrainA, int? everyA, decimal retrainB, int? everyB, decimal[] volumes)
    {
        int horizon = volumes.Length;
        Exact c = -Exact.Of(oneTimeDelta);
        Exact requests = Exact.Zero;
        ReferencePoint? since = c.IsNegative ? null : new(0m, 0m, true);
        for (int m = 0; m < Payback.MaxMonths; m++)
        {
            if (m == horizon && since is { } ahead)
            {
                return ahead;
            }

            decimal v = m < horizon ? volumes[m] : volumes[^1];
            if (m > 0)
            {
                c -= Exact.Of(RetrainingAt(everyA, retrainA, m)) - Exact.Of(RetrainingAt(everyB, retrainB, m));
                if (c.IsNegative)
                {
                    since = null;
                }
                else
                {
                    since ??= new(m, RoundToEight(requests.Units, Exact.One), false);
                }

                if (m >= horizon && since is { } lifted)
                {
                    return lifted;
                }
            }

            Exact d = Exact.Product(v, savingsPerRequest) - Exact.Of(fixedMonthlyDelta);
            if (c.IsNegative && d.IsPositive && !(c + d).IsNegative)
            {
                // f = -C / D; since = (m + f, ceil(requests + f * V(m))).
                decimal months = RoundToEight((m * d.Units) - c.Units, d.Units);
                BigInteger total = Ceiling((requests.Units * d.Units) + (-c.Units * Exact.Of(v).Units), d.Units * Exact.One);
                since = new(months, (decimal)total, true);
            }
            else if ((c + d).IsNegative)
            {
                since = null;
            }

            c += d;
            requests += Exact.Of(v);
            if (m >= horizon && since is { } crossed)
            {
                return crossed;
            }
        }

        return new(null, null, false);
    }

    private static void AssertWalkMatchesReference(
        decimal savings, decimal fixedDelta, decimal oneTimeDelta, decimal retrainA, int? everyA, decimal retrainB, int? everyB,
        decimal[] volumes)
    {
        var approach = new FixedFigures(fixedDelta, oneTimeDelta, retrainA, everyA);
        var baseline = new FixedFigures(0m, 0m, retrainB, everyB);

        PaybackPoint walk = Payback.Walk(savings, fixedDelta, oneTimeDelta, approach, baseline, volumes);
        ReferencePoint reference = ReferenceWalk(savings, fixedDelta, oneTimeDelta, retrainA, everyA, retrainB, everyB, volumes);

        if (reference.Months is null)
        {
            Assert.Null(walk.Months);
            Assert.Null(walk.Requests);
            return;
        }

        Assert.NotNull(walk.Months);
        Assert.Equal(reference.Months, Math.Round(walk.Months.Value, 8, MidpointRounding.ToEven));
        Assert.Equal(reference.Requests, reference.WholeRequests ? walk.Requests : Math.Round(walk.Requests!.Value, 8, MidpointRounding.ToEven));
    }

    private sealed record WalkCase(
        int Horizon, decimal Growth, decimal FirstVolume, decimal Savings, decimal FixedDelta, decimal OneTimeDelta,
        decimal RetrainA, int? EveryA, decimal RetrainB, int? EveryB)
    {
        public decimal[] Volumes()
        {
            var volumes = new decimal[Horizon];
            Economics.Volumes(FirstVolume, Growth, volumes);
            return volumes;
        }
    }

    private static readonly Gen<WalkCase> WalkCaseGen =
        from horizon in Gen.Frequency((4, Gen.Int[1, 24]), (1, Gen.Const(MaxMonths)))
        from growth in Gen.Frequency((2, Gen.Const(0m)), (3, Gen.Int[-50, horizon > 24 ? 3 : 50].Select(i => i / 100m)))
        from firstVolume in Gen.Frequency((3, Gen.Long[1, 100_000].Select(v => (decimal)v)), (1, Scaled(10_000_000, 2)))
        from savings in Gen.Long[-20_000, 100_000].Select(n => n / 1_000_000m)
        from fixedDelta in Gen.Frequency((1, Gen.Const(0m)), (2, Gen.Long[-50_000, 50_000].Select(n => n / 100m)))
        from oneTimeDelta in Gen.Frequency(
            (1, Gen.Const(0m)), (2, Gen.Long[-100_000, 0].Select(n => n / 100m)), (6, Scaled(100_000_000, 2)))
        from retrainA in Scaled(1_000_000, 2)
        from everyA in Gen.Nullable(Gen.Int[1, 30], 0.5)
        from retrainB in Scaled(1_000_000, 2)
        from everyB in Gen.Nullable(Gen.Int[1, 30], 0.5)
        select new WalkCase(horizon, growth, firstVolume, savings, fixedDelta, oneTimeDelta, retrainA, everyA, retrainB, everyB);

    /// <summary>
    /// Payback.Walk stops early where the answer is provably known (C can no longer fall; nothing can lift it any more; past
    /// the horizon without retraining, Jump); the reference walks all 600 months exactly. Months compare after rounding to 8
    /// places half to even, as the JSON writes them: Jump reaches the balance as C + k * D in one multiplication where the loop
    /// adds D k times, which can differ in the 28th digit.
    /// </summary>
    [Fact]
    public void Walk_RandomInputs_MatchesTheLiteralLoopOfTheSpec() =>
        WalkCaseGen.Sample(c => AssertWalkMatchesReference(
            c.Savings, c.FixedDelta, c.OneTimeDelta, c.RetrainA, c.EveryA, c.RetrainB, c.EveryB, c.Volumes()), iter: 1000);

    /// <summary>
    /// Walks that cross zero more than once: the monthly gain is of the order of a retraining, so a retraining of A can take C
    /// below zero again after a crossing (the walk must forget it), one of B can lift it (a crossing at a month's start), and
    /// an approach ahead at month 0 can fall behind.
    /// </summary>
    private static readonly Gen<WalkCase> CrossingAgainGen =
        from horizon in Gen.Int[1, 36]
        from growth in Gen.Int[-10, 10].Select(i => i / 100m)
        from firstVolume in Gen.Long[1_000, 100_000].Select(v => (decimal)v)
        from savings in Gen.Long[-2_000, 20_000].Select(n => n / 1_000_000m)
        from fixedDelta in Gen.Long[-20_000, 20_000].Select(n => n / 100m)
        from oneTimeDelta in Gen.Long[-500_000, 1_000_000].Select(n => n / 100m)
        from retrainA in Gen.Long[0, 1_000_000].Select(n => n / 100m)
        from everyA in Gen.Nullable(Gen.Int[1, 6], 0.2)
        from retrainB in Gen.Long[0, 500_000].Select(n => n / 100m)
        from everyB in Gen.Nullable(Gen.Int[1, 6], 0.5)
        select new WalkCase(horizon, growth, firstVolume, savings, fixedDelta, oneTimeDelta, retrainA, everyA, retrainB, everyB);

    [Fact]
    public void Walk_CumulativeAdvantageCrossingZeroAgain_MatchesTheLiteralLoopOfTheSpec() =>
        CrossingAgainGen.Sample(c => AssertWalkMatchesReference(
            c.Savings, c.FixedDelta, c.OneTimeDelta, c.RetrainA, c.EveryA, c.RetrainB, c.EveryB, c.Volumes()), iter: 3000);

    /// <summary>
    /// A break-even exactly on a whole request after months of 1% growth: 163,478.66 / 0.04484 = 3,553,750 requests, reached
    /// in month 10 of 11 (B's retraining in month 17 comes after it). The rounded month volumes make the decimal share of the
    /// month land a last digit above the whole request; the walk must still say 3,553,750, as the exact loop does.
    /// </summary>
    [Fact]
    public void Walk_BreakEvenOnAWholeRequestAfterRoundedMonths_IsNotPushedOneRequestUp()
    {
        var volumes = new decimal[11];
        Economics.Volumes(82_043m, 0.01m, volumes);

        AssertWalkMatchesReference(0.04484m, 0m, 163_478.66m, 5_622.59m, 30, 4_875.55m, 17, volumes);

        PaybackPoint walk = Payback.Walk(0.04484m, 0m, 163_478.66m, new FixedFigures(0m, 163_478.66m, 5_622.59m, 30),
            new FixedFigures(0m, 0m, 4_875.55m, 17), volumes);
        Assert.Equal(3_553_750m, walk.Requests);
    }

    [Theory]
    [InlineData("3553750.0000000000000000000001", "3553750")]
    [InlineData("3553749.9999999999999999999999", "3553750")]
    [InlineData("3553750.000000001", "3553751")]
    [InlineData("0.5", "1")]
    [InlineData("0.000000000000000001", "0")]
    [InlineData("0.00000000000000001", "1")]
    [InlineData("12", "12")]
    public void CeilingOfCount_WithinRoundingOfAWholeNumber_IsThatNumberElseTheCeiling(string count, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, CultureInfo.InvariantCulture),
            Payback.CeilingOfCount(decimal.Parse(count, CultureInfo.InvariantCulture)));

    /// <summary>
    /// A case where Jump and a decimal loop differ in the last digits (66.193448474142292624164828017 against
    /// ...049 from adding D month by month); both round to the same 8 places as the exact walk.
    /// </summary>
    [Fact]
    public void Walk_JumpPastTheHorizon_MatchesTheExactLoopToEightPlaces()
    {
        var volumes = new decimal[11];
        Economics.Volumes(51_439m, -0.18m, volumes);

        AssertWalkMatchesReference(0.052526m, 98.7m, 27_282.51m, 0m, null, 0m, null, volumes);

        PaybackPoint walk = Payback.Walk(0.052526m, 98.7m, 27_282.51m, new FixedFigures(98.7m, 27_282.51m, 0m, null),
            new FixedFigures(0m, 0m, 0m, null), volumes);
        Assert.Equal(66.19344847m, Math.Round(walk.Months!.Value, 8, MidpointRounding.ToEven));
    }
}
