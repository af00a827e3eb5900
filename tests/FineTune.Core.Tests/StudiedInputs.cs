using System.Globalization;
using System.Text.RegularExpressions;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core.Tests;

/// <summary>
/// The inputs of economics.md section 7, read and set by JSON path on a <see cref="Scenario"/>, written here apart from the
/// code under test so that the tests check it against its own reading of the spec.
/// </summary>
internal static partial class StudiedInputs
{
    /// <summary>Section 7's list for <paramref name="scenario"/>, in its order.</summary>
    public static IEnumerable<string> Paths(Scenario scenario)
    {
        yield return "workload.requestsPerMonth";
        yield return "workload.monthlyGrowthRate";
        yield return "workload.horizonMonths";
        yield return "quality.valuePerCorrectOutput";
        yield return "quality.costPerError";
        yield return "quality.reviewRate";
        for (int i = 0; i < scenario.Approaches.Count; i++)
        {
            foreach (string field in (string[])["accuracy", "inputTokens", "outputTokens", "pricing.inputPerMillion",
                "pricing.outputPerMillion", "hostingPerHour", "fixedMonthlyCost"])
            {
                yield return $"approaches[{i}].{field}";
            }

            if (scenario.Approaches[i].Kind == ApproachKind.FineTune)
            {
                yield return $"approaches[{i}].training.trainingPerMillion";
                yield return $"approaches[{i}].training.dataPreparationCost";
            }
        }
    }

    /// <summary>Token counts and months take whole values only.</summary>
    public static bool IsWhole(string path) => path.EndsWith("Tokens", StringComparison.Ordinal) || path == "workload.horizonMonths";

    /// <summary>The value today, or the default of section 1 when the scenario leaves it out.</summary>
    public static decimal Current(Scenario scenario, string path)
    {
        (int? index, string field) = Split(path);
        if (index is not int i)
        {
            return field switch
            {
                "workload.requestsPerMonth" => scenario.Workload.RequestsPerMonth,
                "workload.monthlyGrowthRate" => scenario.Workload.MonthlyGrowthRate ?? 0m,
                "workload.horizonMonths" => scenario.Workload.HorizonMonths ?? DefaultHorizonMonths,
                "quality.valuePerCorrectOutput" => scenario.Quality?.ValuePerCorrectOutput ?? 0m,
                "quality.costPerError" => scenario.Quality?.CostPerError ?? 0m,
                "quality.reviewRate" => scenario.Quality?.ReviewRate ?? 0m,
                _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a studied input."),
            };
        }

        Approach a = scenario.Approaches[i];
        return field switch
        {
            "accuracy" => a.Accuracy,
            "inputTokens" => a.InputTokens,
            "outputTokens" => a.OutputTokens,
            "pricing.inputPerMillion" => a.Pricing!.InputPerMillion!.Value,
            "pricing.outputPerMillion" => a.Pricing!.OutputPerMillion!.Value,
            "hostingPerHour" => a.HostingPerHour ?? 0m,
            "fixedMonthlyCost" => a.FixedMonthlyCost ?? 0m,
            "training.trainingPerMillion" => a.Training!.TrainingPerMillion ?? 0m,
            "training.dataPreparationCost" => a.Training!.DataPreparationCost ?? 0m,
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a studied input."),
        };
    }

    /// <summary>The range section 1 allows (the 1e15 projection of the workload aside: check a scenario with <see cref="IsValid"/>).</summary>
    public static (decimal Min, decimal Max) Range(Scenario scenario, string path)
    {
        (int? index, string field) = Split(path);
        return field switch
        {
            "workload.requestsPerMonth" => (MinRequestsPerMonth, MaxRequestsPerMonth),
            "workload.monthlyGrowthRate" => (MinGrowthRate, MaxGrowthRate),
            "workload.horizonMonths" => (1m, MaxMonths),
            "quality.reviewRate" => (0m, 1m),
            "accuracy" => (MinAccuracy, 1m),
            "inputTokens" => (scenario.Approaches[index!.Value].CachedInputTokens ?? 0, MaxRequestTokens),
            "outputTokens" => (0m, MaxRequestTokens),
            "pricing.inputPerMillion" or "pricing.outputPerMillion" or "training.trainingPerMillion" => (0m, MaxPricePerMillion),
            _ => (0m, MaxMoney),
        };
    }

    /// <summary><paramref name="scenario"/> with the input at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static Scenario With(Scenario scenario, string path, decimal value)
    {
        (int? index, string field) = Split(path);
        Quality quality = scenario.Quality ?? new Quality(null, null, null, null, null, null);
        if (index is not int i)
        {
            return field switch
            {
                "workload.requestsPerMonth" => scenario with { Workload = scenario.Workload with { RequestsPerMonth = value } },
                "workload.monthlyGrowthRate" => scenario with { Workload = scenario.Workload with { MonthlyGrowthRate = value } },
                "workload.horizonMonths" => scenario with { Workload = scenario.Workload with { HorizonMonths = (int)value } },
                "quality.valuePerCorrectOutput" => scenario with { Quality = quality with { ValuePerCorrectOutput = value } },
                "quality.costPerError" => scenario with { Quality = quality with { CostPerError = value } },
                "quality.reviewRate" => scenario with { Quality = quality with { ReviewRate = value } },
                _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a studied input."),
            };
        }

        Approach a = scenario.Approaches[i];
        Approach changed = field switch
        {
            "accuracy" => a with { Accuracy = value },
            "inputTokens" => a with { InputTokens = (long)value },
            "outputTokens" => a with { OutputTokens = (long)value },
            "pricing.inputPerMillion" => a with { Pricing = a.Pricing! with { InputPerMillion = value } },
            "pricing.outputPerMillion" => a with { Pricing = a.Pricing! with { OutputPerMillion = value } },
            "hostingPerHour" => a with { HostingPerHour = value },
            "fixedMonthlyCost" => a with { FixedMonthlyCost = value },
            "training.trainingPerMillion" => a with { Training = a.Training! with { TrainingPerMillion = value } },
            "training.dataPreparationCost" => a with { Training = a.Training! with { DataPreparationCost = value } },
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a studied input."),
        };
        return scenario with { Approaches = [.. scenario.Approaches.Select((x, k) => k == i ? changed : x)] };
    }

    /// <summary>Whether the validator accepts the scenario as it is.</summary>
    public static bool IsValid(Scenario scenario) => ScenarioJson.Parse(ScenarioJson.SerializeToUtf8Bytes(scenario)).IsValid;

    /// <summary>The recommendation of the plain analysis.</summary>
    public static string? RecommendationOf(Scenario scenario) => Analyzer.Analyze(scenario).Recommendation.ApproachId;

    private static (int? Index, string Field) Split(string path)
    {
        Match match = ApproachPath().Match(path);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value)
            : (null, path);
    }

    [GeneratedRegex(@"^approaches\[(\d+)\]\.(.+)$")]
    private static partial Regex ApproachPath();
}
