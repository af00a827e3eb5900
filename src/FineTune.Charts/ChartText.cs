using System.Globalization;
using FineTune.Core;

namespace FineTune.Charts;

/// <summary>How the charts write figures: money as the analysis' reasons do, ticks short, everything invariant.</summary>
internal static class ChartText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A figure stated in words: <c>$1,234.50</c>, <c>$0.0123</c>, <c>-$5.00</c>.</summary>
    public static string Money(decimal amount) => MoneyText.Format(amount);

    /// <summary>
    /// A tick of a money axis, short enough for a narrow chart: <c>$250K</c>, <c>$1.5M</c>, <c>$2B</c>, <c>$0.005</c>.
    /// Ticks are round numbers, so nothing is lost; the figures stated in words keep every cent.
    /// </summary>
    public static string MoneyTick(decimal amount)
    {
        decimal magnitude = Math.Abs(amount);
        string digits = magnitude switch
        {
            >= 1_000_000_000_000m => (magnitude / 1_000_000_000_000m).ToString("0.###", Invariant) + "T",
            >= 1_000_000_000m => (magnitude / 1_000_000_000m).ToString("0.###", Invariant) + "B",
            >= 1_000_000m => (magnitude / 1_000_000m).ToString("0.###", Invariant) + "M",
            >= 1_000m => (magnitude / 1_000m).ToString("0.###", Invariant) + "K",
            _ => magnitude.ToString("0.##########", Invariant),
        };
        return amount < 0m ? $"-${digits}" : $"${digits}";
    }

    /// <summary>Months as the reasons write them: <c>1.3</c>, <c>24</c>.</summary>
    public static string Months(decimal months) => months.ToString("0.##", Invariant);

    /// <summary>A count of requests, whole and separated: <c>2,000,000</c>.</summary>
    public static string Count(decimal count) => decimal.Round(count, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Invariant);

    /// <summary>A date as ISO 8601: <c>2026-12-01</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A short date for ticks: <c>Dec 1</c>.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("MMM d", Invariant);

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="maxCharacters"/> with an ellipsis, for labels in a fixed column;
    /// the full text stays in the chart's description.
    /// </summary>
    public static string Clip(string text, int maxCharacters) =>
        text.Length <= maxCharacters ? text : string.Concat(text.AsSpan(0, maxCharacters - 1), "\u2026");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
