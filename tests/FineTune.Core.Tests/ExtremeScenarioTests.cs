using System.Globalization;
using System.Text;

namespace FineTune.Core.Tests;

/// <summary>
/// The largest and smallest scenarios the validator accepts analyse without a decimal overflow, the 100x scale check and the
/// decision, sensitivity and timeline sections included (they move every input to the ends of its range).
/// </summary>
public sealed class ExtremeScenarioTests
{
    /// <summary>Every limit at its maximum; growth as high as keeps 1e12 x (1 + g)^119 within 1e15 (1.059^119 is about 918).</summary>
    private static string Largest(decimal reviewRate, decimal cacheHitRate)
    {
        string approach(int i) => $$"""
            { "id": "a{{i}}", "kind": "fine-tune",
              "pricing": { "inputPerMillion": 10000, "outputPerMillion": 10000, "cachedInputPerMillion": 10000 },
              "inputTokens": 10000000, "cachedInputTokens": {{(i % 2 == 0 ? 0 : 10000000)}}, "outputTokens": 10000000, "accuracy": {{(i == 0 ? "0.001" : "1")}},
              "retrieval": { "contextTokens": 10000000, "embeddingTokens": 10000000, "embeddingPerMillion": 10000, "costPerQuery": 1000000000 },
              "routing": { "share": 0.5, "pricing": { "inputPerMillion": 10000, "outputPerMillion": 10000 }, "accuracy": 0.001 },
              "fixedMonthlyCost": 1000000000, "hostingPerHour": 1000000000,
              "training": { "trainingTokens": 10000000000000, "epochs": 100, "trainingPerMillion": 10000, "gpuHours": 10000000,
                            "gpuHourlyRate": 1000000000, "dataPreparationCost": 1000000000, "evaluationCost": 1000000000,
                            "retrainEveryMonths": {{i + 1}} } }
            """;
        return $$"""
            {
              "name": "{{new string('x', 200)}}", "segment": "ai-first-saas",
              "workload": { "requestsPerMonth": 1000000000000, "horizonMonths": 120, "monthlyGrowthRate": 0.059 },
              "revenue": { "perRequest": 1000000000, "perUserPerMonth": 1000000000, "requestsPerUserPerMonth": 1, "targetGrossMargin": 1 },
              "quality": { "valuePerCorrectOutput": 1000000000, "costPerError": 1000000000, "reviewRate": {{reviewRate.ToString(CultureInfo.InvariantCulture)}},
                           "reviewMinutes": 60, "reviewerHourlyRate": 1000000000, "requiredAccuracy": 0 },
              "optimizations": { "cacheHitRate": {{cacheHitRate.ToString(CultureInfo.InvariantCulture)}}, "cacheLookupCost": 1000000000, "batchShare": 0, "batchDiscount": 0 },
              "approaches": [ {{string.Join(",", Enumerable.Range(0, 10).Select(approach))}} ]
            }
            """;
    }

    public static TheoryData<decimal, decimal> Mixes => new()
    {
        { 0m, 0m },
        { 1m, 0m },
        { 0.5m, 1m },
        { 1m, 1m },
    };

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Analyze_LargestValidScenario_DoesNotOverflow(decimal reviewRate, decimal cacheHitRate)
    {
        Scenario scenario = Samples.Parse(Largest(reviewRate, cacheHitRate));

        Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline);
        byte[] json = AnalysisJson.SerializeToUtf8Bytes(analysis);

        Assert.Equal(10, analysis.Approaches.Count);
        Assert.Equal(6 + (10 * 9), analysis.Decision!.Boundaries.Count + analysis.Decision.RobustTo.Count);
        Assert.Equal(6 + (10 * 9), analysis.Sensitivity!.Count);
        Assert.Equal(analysis.Approaches[9].Horizon.TotalCost, analysis.Timeline!.Approaches[9].CumulativeCost[^1]);
        Assert.Equal(9, analysis.BreakEven.Count);
        Assert.Equal(100_000_000_000_000m, analysis.Scale[2].RequestsPerMonth);
        Assert.True(analysis.TotalRequests > 1e16m, "the horizon holds more than 1e16 requests");
        Assert.NotEmpty(json);
    }

    [Fact]
    public void Analyze_SmallestValidVolumeShrinkingForTenYears_DoesNotOverflow()
    {
        // 0.000001 requests in month 0, halving every month for 120 months: the volume vanishes below decimal's
        // resolution while the fixed and training costs stay at their largest.
        string json = Largest(1m, 0m)
            .Replace("\"requestsPerMonth\": 1000000000000", "\"requestsPerMonth\": 0.000001", StringComparison.Ordinal)
            .Replace("\"monthlyGrowthRate\": 0.059", "\"monthlyGrowthRate\": -0.5", StringComparison.Ordinal)
            .Replace("\"perRequest\": 1000000000", "\"perRequest\": 0.0000000000000000000000000001", StringComparison.Ordinal);

        Analysis analysis = Analyzer.Analyze(
            Samples.Parse(json), sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline);

        Assert.All(analysis.Approaches, a => Assert.True(a.PerRequest.FullyLoadedCost > 1e20m));
        Assert.NotEmpty(AnalysisJson.SerializeToUtf8Bytes(analysis));
        Assert.Contains("null", Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(analysis)), StringComparison.Ordinal);
    }
}
