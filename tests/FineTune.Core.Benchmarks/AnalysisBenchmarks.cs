using System.Text;
using BenchmarkDotNet.Attributes;
using FineTune.Core;

namespace FineTune.Core.Benchmarks;

/// <summary>
/// A full analysis of a 3-approach, 24-month scenario with growth and retraining, and the same scenario made to pay
/// back never or only late: the walk stops as soon as the answer is known, so "never" must not cost more.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Scenario paysBack = null!;
    private Scenario neverPaysBack = null!;
    private Scenario paysBackLate = null!;
    private byte[] body = null!;
    private Analysis analysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        body = Encoding.UTF8.GetBytes(SampleScenario.Json);
        paysBack = ScenarioJson.Parse(body).Scenario!;
        analysis = Analyzer.Analyze(paysBack);
        // Hosting at $400 an hour outweighs the fine-tune's savings in every month: both views say never.
        neverPaysBack = paysBack with
        {
            Approaches = [paysBack.Approaches[0], paysBack.Approaches[1], paysBack.Approaches[2] with { HostingPerHour = 400m }],
        };
        // Hosting that almost eats the savings: payback long after the 24-month horizon.
        paysBackLate = paysBack with
        {
            Approaches = [paysBack.Approaches[0], paysBack.Approaches[1], paysBack.Approaches[2] with { HostingPerHour = 20m }],
        };
    }

    [Benchmark(Baseline = true)]
    public Analysis Analyze() => Analyzer.Analyze(paysBack);

    [Benchmark]
    public Analysis AnalyzeNeverPaysBack() => Analyzer.Analyze(neverPaysBack);

    [Benchmark]
    public Analysis AnalyzePaysBackLate() => Analyzer.Analyze(paysBackLate);

    [Benchmark]
    public ScenarioParseResult Parse() => ScenarioJson.Parse(body);

    [Benchmark]
    public byte[] Serialize() => AnalysisJson.SerializeToUtf8Bytes(analysis);

    [Benchmark]
    public byte[] ParseAnalyzeSerialize() => AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(ScenarioJson.Parse(body).Scenario!));
}

internal static class SampleScenario
{
    public const string Json = """
        {
          "name": "Support ticket triage",
          "segment": "enterprise-ai",
          "workload": { "requestsPerMonth": 2000000, "horizonMonths": 24, "monthlyGrowthRate": 0.05 },
          "revenue": { "perRequest": 0.02, "perUserPerMonth": 50, "requestsPerUserPerMonth": 200, "targetGrossMargin": 0.5 },
          "quality": { "valuePerCorrectOutput": 0.05, "costPerError": 0.50, "reviewRate": 0.10, "reviewMinutes": 2,
                       "reviewerHourlyRate": 40, "requiredAccuracy": 0.8 },
          "optimizations": { "cacheHitRate": 0.2, "cacheLookupCost": 0.00001, "batchShare": 0.3, "batchDiscount": 0.5 },
          "approaches": [
            { "id": "prompt", "kind": "prompt",
              "pricing": { "inputPerMillion": 2.5, "outputPerMillion": 10, "cachedInputPerMillion": 1.25 },
              "inputTokens": 2400, "cachedInputTokens": 1800, "outputTokens": 300, "accuracy": 0.86 },
            { "id": "rag", "kind": "rag",
              "pricing": { "inputPerMillion": 2.5, "outputPerMillion": 10 },
              "inputTokens": 800, "outputTokens": 300, "accuracy": 0.9,
              "retrieval": { "contextTokens": 1500, "embeddingTokens": 50, "embeddingPerMillion": 0.02, "costPerQuery": 0.0002 },
              "fixedMonthlyCost": 250 },
            { "id": "ft", "kind": "fine-tune",
              "pricing": { "inputPerMillion": 0.3, "outputPerMillion": 1.2 },
              "inputTokens": 600, "outputTokens": 300, "accuracy": 0.93,
              "routing": { "share": 0.3, "pricing": { "inputPerMillion": 0.15, "outputPerMillion": 0.6 }, "accuracy": 0.8 },
              "hostingPerHour": 1.70,
              "training": { "trainingTokens": 5000000, "epochs": 3, "trainingPerMillion": 25, "gpuHours": 0, "gpuHourlyRate": 0,
                            "dataPreparationCost": 8000, "evaluationCost": 1000, "retrainEveryMonths": 6 } }
          ]
        }
        """;
}
