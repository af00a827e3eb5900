namespace FineTune.Charts;

/// <summary>How one series is drawn: a colour and a dash pattern, so no reader depends on colour alone.</summary>
/// <param name="Colour">A stroke or fill colour.</param>
/// <param name="Dash">An SVG <c>stroke-dasharray</c>; null for a solid line.</param>
internal readonly record struct SeriesStyle(string Colour, string? Dash);

/// <summary>
/// The series colours: the members of the Okabe-Ito palette (designed to stay distinct under the common colour
/// vision deficiencies) that keep at least 3:1 contrast against white, as WCAG asks of graphics. From the sixth
/// series on the colours repeat with a dashed line.
/// </summary>
internal static class Palette
{
    /// <summary>Blue, vermillion, bluish green, reddish purple, black.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"];

    private static readonly string?[] Dashes = [null, "7 4", "2 3"];

    /// <summary>The style of the series at <paramref name="index"/>, unique for the ten approaches a scenario can have.</summary>
    public static SeriesStyle Series(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(Colours[index % Colours.Count], Dashes[index / Colours.Count % Dashes.Length]);
    }
}
