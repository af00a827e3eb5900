using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>The repository's sample, samples/support-triage.json.</summary>
    public static string SupportTriage()
    {
        using Stream sample = typeof(Samples).Assembly.GetManifestResourceStream("support-triage.json")
            ?? throw new InvalidOperationException("The sample scenario is embedded in this assembly.");
        using var reader = new StreamReader(sample);
        return reader.ReadToEnd();
    }

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

    /// <summary>The smallest valid scenario: one prompt approach and no optional value at all.</summary>
    public const string Minimal = """
        {
          "name": "Minimal",
          "workload": { "requestsPerMonth": 1000 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 1, "outputPerMillion": 2 },
              "inputTokens": 100, "outputTokens": 10, "accuracy": 0.9 }
          ]
        }
        """;

    /// <summary>Stands in for a raw value while the tree is written, then is replaced by the raw text (which may be invalid JSON).</summary>
    private const string RawPlaceholder = "@@raw-value@@";

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>
    /// <paramref name="json"/> with the value at <paramref name="path"/> (<c>approaches[2].training.epochs</c>) set to the raw
    /// JSON text <paramref name="rawValue"/>; a property that does not exist yet is added.
    /// </summary>
    public static string Set(string json, string path, string rawValue)
    {
        JsonNode root = JsonNode.Parse(json)!;
        (JsonNode parent, object last) = Locate(root, path);
        if (last is int index)
        {
            parent.AsArray()[index] = RawPlaceholder;
        }
        else
        {
            parent.AsObject()[(string)last] = RawPlaceholder;
        }

        return root.ToJsonString().Replace($"\"{RawPlaceholder}\"", rawValue, StringComparison.Ordinal);
    }

    /// <summary><paramref name="json"/> without the property at <paramref name="path"/>, which must exist.</summary>
    public static string Remove(string json, string path)
    {
        JsonNode root = JsonNode.Parse(json)!;
        (JsonNode parent, object last) = Locate(root, path);
        Assert.True(parent.AsObject().Remove((string)last), $"{path} is not in the body.");
        return root.ToJsonString();
    }

    /// <summary>Whether the property at <paramref name="path"/> exists in <paramref name="json"/>.</summary>
    public static bool Has(string json, string path)
    {
        (JsonNode parent, object last) = Locate(JsonNode.Parse(json)!, path);
        return last is int index ? index < parent.AsArray().Count : parent.AsObject().ContainsKey((string)last);
    }

    /// <summary><paramref name="json"/> with the one occurrence of <paramref name="oldText"/> replaced, so that no edit silently misses.</summary>
    public static string ReplaceOnce(string json, string oldText, string newText)
    {
        int first = json.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{oldText}' is not in the body.");
        Assert.True(json.IndexOf(oldText, first + 1, StringComparison.Ordinal) < 0, $"'{oldText}' occurs more than once.");
        return string.Concat(json.AsSpan(0, first), newText, json.AsSpan(first + oldText.Length));
    }

    /// <summary>A string as a JSON string literal, escaped.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    private static (JsonNode Parent, object Last) Locate(JsonNode root, string path)
    {
        List<object> steps = [];
        foreach (string part in path.Split('.'))
        {
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            while (bracket >= 0)
            {
                int close = part.IndexOf(']', bracket);
                steps.Add(int.Parse(part.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.CultureInfo.InvariantCulture));
                bracket = part.IndexOf('[', close);
            }
        }

        JsonNode node = root;
        foreach (object step in steps.Take(steps.Count - 1))
        {
            node = (step is int i ? node.AsArray()[i] : node.AsObject()[(string)step])
                ?? throw new ArgumentException($"{path} passes through a missing or null value.", nameof(path));
        }

        return (node, steps[^1]);
    }
}
