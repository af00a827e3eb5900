using System.Text;

namespace FineTune.Core.Tests;

/// <summary>Scenario bodies shared by the tests.</summary>
internal static class Samples
{
    /// <summary>The three-approach scenario of economics.md section 1, with growth, retraining, revenue and quality.</summary>
    public const string ThreeApproaches = """
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

    public static Scenario Parse(string json)
    {
        ScenarioParseResult result = ScenarioJson.Parse(Encoding.UTF8.GetBytes(json));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result.Scenario!;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Errors(string json)
    {
        ScenarioParseResult result = ScenarioJson.Parse(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        return result.Errors;
    }
}
