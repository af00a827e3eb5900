using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTune.Core.Tests;

/// <summary>
/// The JSON boundary: analyses are written camelCase with kebab-case enums, null figures as null, every decimal rounded
/// once to 8 places half to even; scenarios are written exactly, absent values omitted, and read back unchanged.
/// </summary>
public sealed partial class JsonBoundaryTests
{
    /// <summary>
    /// The prompt approach is recommended (its accuracy, 0.4 x 0.9 + 0.6 x 0.8 = 0.84, creates more value than ft's 0.5) and
    /// costs 600 x $10 / 1e6 = $0.006 a request against $0.03 of revenue: inference cost per request 0.006 is above-median
    /// in the enterprise-ai band, AI COGS to revenue 0.2 median, routing coverage 0.6 median. ft saves $0.0054 a request on
    /// 1,000 requests a month against $10.001 of training, so it pays back within the 12-month horizon.
    /// </summary>
    private const string Tiered = """
        {
          "name": "Tiered",
          "segment": "enterprise-ai",
          "workload": { "requestsPerMonth": 1000, "horizonMonths": 12 },
          "revenue": { "perRequest": 0.03 },
          "quality": { "valuePerCorrectOutput": 1 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 10, "outputPerMillion": 0 },
              "inputTokens": 600, "outputTokens": 0, "accuracy": 0.9,
              "routing": { "share": 0.6, "pricing": { "inputPerMillion": 10, "outputPerMillion": 0 }, "accuracy": 0.8 } },
            { "id": "ft", "kind": "fine-tune", "pricing": { "inputPerMillion": 1, "outputPerMillion": 0 },
              "inputTokens": 600, "outputTokens": 0, "accuracy": 0.5,
              "training": { "trainingTokens": 1000, "epochs": 1, "trainingPerMillion": 1, "gpuHours": 0, "gpuHourlyRate": 0,
                            "dataPreparationCost": 10, "evaluationCost": 0 } }
          ]
        }
        """;

    /// <summary>
    /// One request a month for 12 months. prompt: 1,000 tokens at $123.456785 = $0.123456785 a request, $1.48148142 over the
    /// horizon; odd: $0.123456775 a request, $1.4814813; tiny: 1 token at $0.0025 = $0.0000000025 a request, $0.00000003.
    /// </summary>
    private const string Rounding = """
        {
          "name": "Rounding",
          "workload": { "requestsPerMonth": 1, "horizonMonths": 12 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 123.456785, "outputPerMillion": 0 },
              "inputTokens": 1000, "outputTokens": 0, "accuracy": 1.000 },
            { "id": "odd", "kind": "prompt", "pricing": { "inputPerMillion": 123.456775, "outputPerMillion": 0 },
              "inputTokens": 1000, "outputTokens": 0, "accuracy": 1 },
            { "id": "tiny", "kind": "prompt", "pricing": { "inputPerMillion": 0.0025, "outputPerMillion": 0 },
              "inputTokens": 1, "outputTokens": 0, "accuracy": 1 }
          ]
        }
        """;

    /// <summary>ft costs more per request than the prompt and needs training: it never pays back.</summary>
    private const string NeverPaysBack = """
        {
          "name": "Never",
          "workload": { "requestsPerMonth": 1000 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 1, "outputPerMillion": 2 },
              "inputTokens": 100, "outputTokens": 10, "accuracy": 0.9 },
            { "id": "ft", "kind": "fine-tune", "pricing": { "inputPerMillion": 5, "outputPerMillion": 20 },
              "inputTokens": 100, "outputTokens": 10, "accuracy": 0.9,
              "training": { "trainingTokens": 1000000, "epochs": 1, "trainingPerMillion": 25, "gpuHours": 0, "gpuHourlyRate": 0,
                            "dataPreparationCost": 100, "evaluationCost": 0 } }
          ]
        }
        """;

    private static JsonDocument AnalysisJsonOf(string scenario) =>
        JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(Samples.Parse(scenario))));

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public void AnalysisJson_EveryPropertyName_IsCamelCase()
    {
        using JsonDocument json = AnalysisJsonOf(Samples.ThreeApproaches);

        Assert.Equal(
            ["scenarioName", "segment", "horizonMonths", "totalRequests", "baselineId", "approaches", "breakEven", "recommendation",
             "scale", "benchmarks", "notes", "prices", "reference"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(PropertyNames(json.RootElement), name => Assert.Matches(CamelCase(), name));
        JsonElement perRequest = json.RootElement.GetProperty("approaches")[0].GetProperty("perRequest");
        Assert.Equal(
            ["modelTokenCost", "retrievalCost", "inferenceCost", "verificationCost", "errorCost", "economicCost", "fullyLoadedCost",
             "costOfPredictivity", "allInCost"],
            perRequest.EnumerateObject().Select(p => p.Name));
    }

    /// <summary>decision, sensitivity and timeline are not part of the plain analysis: left out, not written as null.</summary>
    [Fact]
    public void AnalysisJson_SectionsNotAskedFor_AreLeftOut()
    {
        using JsonDocument plain = AnalysisJsonOf(Samples.ThreeApproaches);
        Scenario scenario = Samples.Parse(Samples.ThreeApproaches);
        using JsonDocument full = JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(
            scenario, sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline)));
        using JsonDocument timelineOnly = JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(
            Analyzer.Analyze(scenario, sections: AnalysisSections.Timeline)));

        Assert.False(plain.RootElement.TryGetProperty("decision", out _));
        Assert.False(plain.RootElement.TryGetProperty("sensitivity", out _));
        Assert.False(plain.RootElement.TryGetProperty("timeline", out _));
        Assert.Equal(
            ["scenarioName", "segment", "horizonMonths", "totalRequests", "baselineId", "approaches", "breakEven", "recommendation",
             "scale", "benchmarks", "notes", "prices", "reference", "decision", "sensitivity", "timeline"],
            full.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(PropertyNames(full.RootElement), name => Assert.Matches(CamelCase(), name));
        Assert.Equal(["timeline"], timelineOnly.RootElement.EnumerateObject().Select(p => p.Name).Skip(13));
        JsonElement line = full.RootElement.GetProperty("decision").GetProperty("boundaries")[0];
        Assert.Equal(["path", "current", "below", "above"], line.EnumerateObject().Select(p => p.Name));
        JsonElement bar = full.RootElement.GetProperty("sensitivity")[0];
        Assert.Equal(["path", "low", "high", "swing"], bar.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value", "recommendedId", "margin"], bar.GetProperty("low").EnumerateObject().Select(p => p.Name));
        JsonElement baseline = full.RootElement.GetProperty("timeline").GetProperty("approaches")[0];
        Assert.Equal(["id", "cumulativeCost", "cumulativeAllInCost", "advantage"], baseline.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, baseline.GetProperty("advantage").ValueKind);
    }

    public static TheoryData<string?, AnalysisSections> IncludeLists => new()
    {
        { null, AnalysisSections.None },
        { "", AnalysisSections.None },
        { "decision", AnalysisSections.Decision },
        { "timeline, decision", AnalysisSections.Decision | AnalysisSections.Timeline },
        { "decision,sensitivity,timeline", AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline },
        { "sensitivity,,sensitivity", AnalysisSections.Sensitivity },
    };

    [Theory]
    [MemberData(nameof(IncludeLists))]
    public void AnalysisSectionNames_KnownNames_AreRead(string? include, AnalysisSections expected)
    {
        Assert.True(AnalysisSectionNames.TryParse(include, out AnalysisSections sections, out IReadOnlyList<string> unknown));
        Assert.Equal(expected, sections);
        Assert.Empty(unknown);
    }

    [Fact]
    public void AnalysisSectionNames_UnknownNames_AreAllNamed()
    {
        Assert.False(AnalysisSectionNames.TryParse("decision,Timeline,charts", out _, out IReadOnlyList<string> unknown));
        Assert.Equal(["Timeline", "charts"], unknown);

        // The names are the JSON properties the sections are written under.
        using JsonDocument json = JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(
            Samples.Parse(Samples.Minimal), sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline)));
        Assert.Equal(AnalysisSectionNames.All, json.RootElement.EnumerateObject().Select(p => p.Name).Skip(13));
    }

    [Fact]
    public void AnalysisJson_PerUserRevenue_WritesPerUserElseNull()
    {
        using JsonDocument withUsers = AnalysisJsonOf(Samples.ThreeApproaches);
        using JsonDocument withoutUsers = AnalysisJsonOf(Samples.Minimal);

        JsonElement perUser = withUsers.RootElement.GetProperty("approaches")[0].GetProperty("perUser");
        Assert.Equal(["aiCost", "revenue", "margin"], perUser.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, withoutUsers.RootElement.GetProperty("approaches")[0].GetProperty("perUser").ValueKind);
    }

    [Fact]
    public void AnalysisJson_Enums_AreKebabCase()
    {
        using JsonDocument json = AnalysisJsonOf(Tiered);
        JsonElement root = json.RootElement;

        Assert.Equal("enterprise-ai", root.GetProperty("segment").GetString());
        Assert.Equal("fine-tune", root.GetProperty("approaches")[1].GetProperty("kind").GetString());
        Assert.Equal("within-horizon", root.GetProperty("breakEven")[0].GetProperty("cost").GetProperty("verdict").GetString());
        Dictionary<string, JsonElement> benchmarks = root.GetProperty("benchmarks").EnumerateArray()
            .ToDictionary(b => b.GetProperty("metric").GetString()!);
        Assert.Equal(["ai-cogs-to-revenue", "inference-cost-per-request", "model-routing-coverage"], benchmarks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("above-median", benchmarks["inference-cost-per-request"].GetProperty("tier").GetString());
        Assert.Equal("median", benchmarks["ai-cogs-to-revenue"].GetProperty("tier").GetString());
        Assert.Equal("median", benchmarks["model-routing-coverage"].GetProperty("tier").GetString());
        Assert.Equal("lower-is-better", benchmarks["inference-cost-per-request"].GetProperty("band").GetProperty("direction").GetString());
        Assert.Equal("higher-is-better", benchmarks["model-routing-coverage"].GetProperty("band").GetProperty("direction").GetString());
        Assert.Equal("ai-first-saas", benchmarks["ai-cogs-to-revenue"].GetProperty("band").GetProperty("segment").GetString());
    }

    [Fact]
    public void AnalysisJson_NeverPayingBack_WritesVerdictNeverAndNullFigures()
    {
        using JsonDocument json = AnalysisJsonOf(NeverPaysBack);
        JsonElement cost = json.RootElement.GetProperty("breakEven")[0].GetProperty("cost");

        Assert.Equal("never", cost.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("paybackMonths").ValueKind);
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("breakEvenRequests").ValueKind);
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("minimumMonthlyRequests").ValueKind);
    }

    [Fact]
    public void AnalysisJson_WithoutRevenue_WritesMarginFiguresAsNull()
    {
        using JsonDocument json = AnalysisJsonOf(Samples.Minimal);
        JsonElement approach = json.RootElement.GetProperty("approaches")[0];
        JsonElement horizon = approach.GetProperty("horizon");
        JsonElement scaled = json.RootElement.GetProperty("scale")[0].GetProperty("approaches")[0];

        Assert.Equal(JsonValueKind.Null, horizon.GetProperty("revenue").ValueKind);
        Assert.Equal(JsonValueKind.Null, horizon.GetProperty("grossMargin").ValueKind);
        Assert.Equal(JsonValueKind.Null, horizon.GetProperty("grossMarginRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, horizon.GetProperty("aiCogsToRevenue").ValueKind);
        Assert.Equal(JsonValueKind.Null, approach.GetProperty("marginCollapseRequestsPerUser").ValueKind);
        Assert.Equal(JsonValueKind.Null, scaled.GetProperty("aiCogsToRevenue").ValueKind);
        Assert.Equal(JsonValueKind.Null, scaled.GetProperty("grossMarginRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, scaled.GetProperty("viable").ValueKind);
        Assert.Equal(JsonValueKind.Number, horizon.GetProperty("totalCost").ValueKind);
    }

    [Fact]
    public void AnalysisJson_NoEligibleApproach_WritesTheRecommendationAsNull()
    {
        using JsonDocument json = AnalysisJsonOf(Samples.Set(Samples.Minimal, "quality", """{ "requiredAccuracy": 0.95 }"""));
        JsonElement recommendation = json.RootElement.GetProperty("recommendation");

        Assert.Equal(JsonValueKind.Null, recommendation.GetProperty("approachId").ValueKind);
        Assert.NotEmpty(recommendation.GetProperty("reasons").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("scale")[0].GetProperty("recommendedApproachId").ValueKind);
    }

    [Fact]
    public void AnalysisJson_Decimals_AreRoundedOnceToEightPlacesHalfToEven()
    {
        using JsonDocument json = AnalysisJsonOf(Rounding);
        JsonElement approaches = json.RootElement.GetProperty("approaches");
        string Raw(int approach, string block, string figure) => approaches[approach].GetProperty(block).GetProperty(figure).GetRawText();

        // 0.123456785: the 9th digit is a tie, the 8th (8) is even and stays.
        Assert.Equal("0.12345678", Raw(0, "perRequest", "modelTokenCost"));
        Assert.Equal("0.12345678", Raw(0, "perRequest", "fullyLoadedCost"));
        Assert.Equal("0.12345678", Raw(0, "monthly", "runRate"));
        // 12 x 0.123456785 = 1.48148142 exactly; rounding the per-request cost first would give 1.48148136.
        Assert.Equal("1.48148142", Raw(0, "horizon", "totalCost"));
        // 0.123456775: a tie after an odd 7, which goes up to the even 8.
        Assert.Equal("0.12345678", Raw(1, "perRequest", "modelTokenCost"));
        Assert.Equal("1.4814813", Raw(1, "horizon", "totalCost"));
        // 0.0000000025 rounds to 0; twelve of them, 0.00000003, keep their last place.
        Assert.Equal("0", Raw(2, "perRequest", "modelTokenCost"));
        Assert.Equal("0.00000003", Raw(2, "horizon", "totalCost"));
        // The accuracy was sent as 1.000; trailing zeros are dropped.
        Assert.Equal("1", approaches[0].GetProperty("accuracy").GetRawText());
    }

    public static TheoryData<decimal, string> Roundings => new()
    {
        { 0.123456785m, "0.12345678" },
        { 0.123456775m, "0.12345678" },
        { 0.1234567851m, "0.12345679" },
        { -0.123456785m, "-0.12345678" },
        { 0.0000000025m, "0" },
        { 0.000000015m, "0.00000002" },
        { 0.000000025m, "0.00000002" },
        { -0.000000001m, "0" },
        { 1.50000000m, "1.5" },
        { 2.000m, "2" },
        { 123456789.123456789m, "123456789.12345679" },
        { 79228162514264337593543950335m, "79228162514264337593543950335" },
    };

    [Theory]
    [MemberData(nameof(Roundings))]
    public void Round_AnyDecimal_KeepsEightPlacesHalfToEven(decimal value, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), RoundedDecimalConverter.Round(value));

    /// <summary>The text drops trailing zeros and never writes a negative zero.</summary>
    [Theory]
    [MemberData(nameof(Roundings))]
    public void RoundedDecimalConverter_Write_WritesTheRoundedNumberWithoutTrailingZeros(decimal value, string expected)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            new RoundedDecimalConverter().Write(writer, value, JsonSerializerOptions.Default);
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData(Samples.ThreeApproaches)]
    [InlineData(Samples.Minimal)]
    [InlineData(Tiered)]
    [InlineData(Rounding)]
    public void ScenarioJson_ParseSerializeParse_GivesTheSameScenario(string body)
    {
        string once = ScenarioJson.Serialize(Samples.Parse(body));

        string twice = ScenarioJson.Serialize(Samples.Parse(once));

        Assert.Equal(once, twice);
        Assert.Equal(once, Encoding.UTF8.GetString(ScenarioJson.SerializeToUtf8Bytes(Samples.Parse(once))));
    }

    [Fact]
    public void ScenarioJson_RoundTrip_KeepsEveryValueOfTheSample()
    {
        Scenario original = Samples.Parse(Samples.ThreeApproaches);

        Scenario back = Samples.Parse(ScenarioJson.Serialize(original));

        Assert.Equal(original.Name, back.Name);
        Assert.Equal(original.Segment, back.Segment);
        Assert.Equal(original.Workload, back.Workload);
        Assert.Equal(original.Revenue, back.Revenue);
        Assert.Equal(original.Quality, back.Quality);
        Assert.Equal(original.Optimizations, back.Optimizations);
        Assert.Equal(original.Approaches, back.Approaches);
    }

    [Fact]
    public void ScenarioJson_RoundTrip_KeepsNineteenDecimalPlacesExact()
    {
        string body = Samples.Set(
            Samples.Set(Samples.ThreeApproaches, "approaches[0].accuracy", "0.1234567890123456789"),
            "approaches[1].pricing.inputPerMillion", "0.1234567890123456789012345678");

        Scenario back = Samples.Parse(ScenarioJson.Serialize(Samples.Parse(body)));

        Assert.Equal(0.1234567890123456789m, back.Approaches[0].Accuracy);
        Assert.Equal(0.1234567890123456789012345678m, back.Approaches[1].Pricing!.InputPerMillion);
        Assert.Contains("\"accuracy\":0.1234567890123456789", ScenarioJson.Serialize(back), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioJson_AbsentOptionalValues_AreOmitted()
    {
        using JsonDocument json = JsonDocument.Parse(ScenarioJson.Serialize(Samples.Parse(Samples.Minimal)));
        JsonElement root = json.RootElement;
        JsonElement approach = root.GetProperty("approaches")[0];

        Assert.Equal(["name", "workload", "approaches"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["requestsPerMonth"], root.GetProperty("workload").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "kind", "pricing", "inputTokens", "outputTokens", "accuracy"], approach.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["inputPerMillion", "outputPerMillion"], approach.GetProperty("pricing").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("null", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioJson_Enums_AreWrittenKebabCase()
    {
        string json = ScenarioJson.Serialize(Samples.Parse(Samples.ThreeApproaches));

        Assert.Contains("\"segment\":\"enterprise-ai\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"fine-tune\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"rag\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioJson_NullOptionalValues_AreOmittedLikeAbsentOnes()
    {
        string withNulls = Samples.Set(Samples.Set(Samples.Minimal, "revenue", "null"), "approaches[0].cachedInputTokens", "null");

        Assert.Equal(ScenarioJson.Serialize(Samples.Parse(Samples.Minimal)), ScenarioJson.Serialize(Samples.Parse(withNulls)));
    }
}
