using System.Globalization;
using System.Text.RegularExpressions;

namespace FineTune.Charts;

/// <summary>
/// The inputs economics.md section 7 studies, in words a chart's reader knows: <c>approaches[2].pricing.inputPerMillion</c>
/// is "fine-tune input price". A path it does not know is written as it is.
/// </summary>
internal static partial class InputWords
{
    private static readonly Dictionary<string, string> Scenario = new(StringComparer.Ordinal)
    {
        ["workload.requestsPerMonth"] = "requests per month",
        ["workload.monthlyGrowthRate"] = "monthly growth",
        ["workload.horizonMonths"] = "horizon in months",
        ["quality.valuePerCorrectOutput"] = "value per correct output",
        ["quality.costPerError"] = "cost per error",
        ["quality.reviewRate"] = "share reviewed",
    };

    private static readonly Dictionary<string, string> Approach = new(StringComparer.Ordinal)
    {
        ["accuracy"] = "accuracy",
        ["inputTokens"] = "input tokens",
        ["outputTokens"] = "output tokens",
        ["pricing.inputPerMillion"] = "input price",
        ["pricing.outputPerMillion"] = "output price",
        ["hostingPerHour"] = "hosting per hour",
        ["fixedMonthlyCost"] = "fixed cost per month",
        ["training.trainingPerMillion"] = "training price",
        ["training.dataPreparationCost"] = "data preparation",
    };

    /// <summary>The words for <paramref name="path"/>; <paramref name="approachIds"/> name the approaches by position.</summary>
    public static string Of(string path, IReadOnlyList<string> approachIds)
    {
        if (Scenario.TryGetValue(path, out string? words))
        {
            return words;
        }
        Match match = ApproachPath().Match(path);
        return match.Success
            && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is int index && index < approachIds.Count
            && Approach.TryGetValue(match.Groups[2].Value, out string? field)
            ? $"{approachIds[index]} {field}"
            : path;
    }

    [GeneratedRegex(@"^approaches\[(\d{1,2})\]\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ApproachPath();
}
