using System.Text;
using FineTune.Core;
using System.Xml.Linq;

namespace FineTune.Charts;

/// <summary>What the tornado draws: the analysis' sensitivity section (economics.md section 7), largest swing first.</summary>
/// <param name="RecommendedLabel">Today's recommendation, whose margin every bar measures; null when no approach is eligible.</param>
/// <param name="CurrentMargin">
/// Today's margin: the recommendation's net value minus the best other eligible approach's, dollars; null when no
/// other approach is eligible. Bars grow from it (from zero when it is null).
/// </param>
public sealed record SensitivityChartInput(string? RecommendedLabel, decimal? CurrentMargin, IReadOnlyList<SensitivityRow> Inputs)
{
    /// <summary>
    /// The tornado of <paramref name="analysis"/> (analysed with its sensitivity section): today's margin from the
    /// approaches' net values, and each input named in words with its approach's id.
    /// </summary>
    public static SensitivityChartInput From(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        IReadOnlyList<SensitivityLine> lines = analysis.Sensitivity
            ?? throw new ArgumentException("The analysis has no sensitivity section: analyse with AnalysisSections.Sensitivity.", nameof(analysis));
        string? recommended = analysis.Recommendation.ApproachId;
        decimal? margin = null;
        if (analysis.Approaches.FirstOrDefault(a => a.Id == recommended) is { } winner
            && analysis.Approaches.Where(a => a.Eligible && a.Id != recommended).Select(a => (decimal?)a.Horizon.NetValue).Max() is decimal next)
        {
            margin = winner.Horizon.NetValue - next;
        }
        List<string> ids = [.. analysis.Approaches.Select(a => a.Id)];
        return new(recommended, margin, [.. lines.Select(line => new SensitivityRow(
            InputWords.Of(line.Path, ids),
            new(line.Low.Value, line.Low.RecommendedId, line.Low.Margin),
            new(line.High.Value, line.High.RecommendedId, line.High.Margin)))]);
    }
}

/// <summary>One input moved down and up.</summary>
/// <param name="Label">The input: its JSON path, or words for it.</param>
/// <param name="Low">The scenario with the input at x0.8.</param>
/// <param name="High">The scenario with the input at x1.2.</param>
public sealed record SensitivityRow(string Label, SensitivityEnd Low, SensitivityEnd High)
{
    /// <summary>True when either end recommends another approach than today's.</summary>
    public bool Flips(string? recommendedLabel) => Low.RecommendedLabel != recommendedLabel || High.RecommendedLabel != recommendedLabel;
}

/// <summary>The answer at one end of an input's range.</summary>
/// <param name="Value">The input's value there.</param>
/// <param name="RecommendedLabel">The recommendation there; null when no approach is eligible.</param>
/// <param name="Margin">Today's recommendation's net value there minus the best other eligible approach's, dollars; null when none.</param>
public sealed record SensitivityEnd(decimal Value, string? RecommendedLabel, decimal? Margin);

/// <summary>
/// A tornado: for each input, how the recommendation's margin moves when the input is 20 % lower and 20 % higher. The
/// zero line is where the answer changes hands; the inputs that carry it across are marked.
/// </summary>
public static class SensitivityChart
{
    /// <summary>The most inputs drawn; the description says how many more there are.</summary>
    public const int MaxRows = 12;

    private const string Title = "What would change the answer";
    private const decimal Left = 28m;
    private const decimal Right = Svg.Width - 28m;
    private const decimal Top = 88m;
    private const decimal RowHeight = 48m;
    private const decimal BarHeight = 10m;
    private const string LowColour = "#0072B2";
    private const string HighColour = "#D55E00";

    /// <summary>The SVG document, UTF-8.</summary>
    public static byte[] Render(SensitivityChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<SensitivityRow> rows = input.Inputs.Take(MaxRows).ToList();
        decimal baseline = input.CurrentMargin ?? 0m;
        IEnumerable<decimal> margins = rows.SelectMany(r => (decimal?[])[r.Low.Margin, r.High.Margin]).OfType<decimal>().Append(baseline);
        Axis axis = Axis.ForAmounts(margins.Min(), margins.Max(), Left, Right, 4);
        decimal bottom = Top + rows.Count * RowHeight;

        var content = new List<XElement>
        {
            Svg.Text(12m, 24m, Title, size: Svg.TitleSize, bold: true, role: "chart-title"),
            Svg.Text(12m, 46m, ChartText.Clip(input.RecommendedLabel is { } recommended
                ? $"Margin of {recommended} over the next best, US$"
                : "No approach is eligible today: no margin to draw", 56), fill: Svg.MutedInk, role: "x-title"),
            Svg.Rect(12m, 58m, 14m, 10m, LowColour),
            Svg.Text(30m, 67m, "input x0.8"),
            Svg.Rect(122m, 58m, 14m, 10m, HighColour),
            Svg.Text(140m, 67m, "input x1.2"),
            Svg.Text(Right, 67m, "left of 0: another wins", "end", fill: Svg.MutedInk),
        };
        // Grid lines and the zero line run beside each input's bars only, leaving its label clear.
        var grid = new List<XElement>();
        var zeroLines = new List<XElement>();
        var groups = new List<XElement>();
        decimal zero = axis.Map(0m);
        decimal y = Top;
        foreach (SensitivityRow row in rows)
        {
            bool flips = row.Flips(input.RecommendedLabel);
            decimal barsTop = y + 16m;
            decimal barsBottom = y + 18m + 2m * BarHeight + 4m;
            var group = new List<XElement>
            {
                Svg.Text(Left - 16m, y + 12m, ChartText.Clip(RowLabel(row, input.RecommendedLabel), 54), bold: flips, role: flips ? "row-label flips" : "row-label"),
            };
            string none = input.RecommendedLabel is null ? "no recommendation to measure" : "no other approach eligible";
            group.AddRange(Bar(axis, baseline, row.Low.Margin, y + 18m, LowColour, "bar low", none));
            group.AddRange(Bar(axis, baseline, row.High.Margin, y + 18m + BarHeight + 2m, HighColour, "bar high", none));
            groups.Add(Svg.Group(flips ? "row flips" : "row", group));
            grid.AddRange(axis.Ticks().Select(tick => Svg.Line(axis.Map(tick), barsTop, axis.Map(tick), barsBottom, Svg.Grid, 1m)));
            zeroLines.Add(Svg.Line(zero, barsTop, zero, barsBottom, Svg.Ink, 2m, role: "zero-line"));
            y += RowHeight;
        }
        grid.AddRange(axis.Ticks().Select(tick => Svg.Text(axis.Map(tick), bottom + 18m, ChartText.MoneyTick(tick), "middle", fill: Svg.MutedInk, role: "x-tick")));
        content.Add(Svg.Group("grid", grid));
        content.AddRange(zeroLines);
        content.AddRange(groups);
        return Svg.Document(Title, Describe(input, rows), bottom + 32m, content);
    }

    private static IEnumerable<XElement> Bar(Axis axis, decimal baseline, decimal? margin, decimal y, string colour, string role, string none)
    {
        if (margin is not decimal value)
        {
            yield return Svg.Text(axis.Map(baseline) + 4m, y + 9m, none, size: 11m, fill: Svg.MutedInk, role: role + " none");
            yield break;
        }
        decimal from = axis.Map(baseline);
        decimal to = axis.Map(value);
        // A bar of no length still shows where its end is.
        yield return to == from
            ? Svg.Rect(from - 1m, y, 2m, BarHeight, colour, role)
            : Svg.Rect(from, y, to - from, BarHeight, colour, role);
    }

    private static string RowLabel(SensitivityRow row, string? recommended)
    {
        string? flipsTo = row.Low.RecommendedLabel != recommended ? row.Low.RecommendedLabel
            : row.High.RecommendedLabel != recommended ? row.High.RecommendedLabel
            : null;
        return row.Flips(recommended) ? $"{row.Label}: flips to {flipsTo ?? "none"}" : row.Label;
    }

    private static string Describe(SensitivityChartInput input, IReadOnlyList<SensitivityRow> rows)
    {
        var text = new StringBuilder(input.RecommendedLabel is { } recommended
            ? $"How the margin of {recommended} over the next best approach (net value, US$) moves when each input is 20% lower and 20% higher"
                + (input.CurrentMargin is decimal current ? $"; today it is {ChartText.Money(current)}." : "; today no other approach is eligible.")
            : "No approach reaches the required accuracy today, so there is no recommendation whose margin could move; each input is tried 20% lower and 20% higher.");
        List<SensitivityRow> flipping = input.Inputs.Where(r => r.Flips(input.RecommendedLabel)).ToList();
        text.Append(flipping.Count == 0
            ? " No input changes the recommendation within this range."
            : $" The recommendation changes with {ChartText.List(flipping.Select(r => RowLabel(r, input.RecommendedLabel)).ToList())}.");
        foreach (SensitivityRow row in rows)
        {
            text.Append($" {row.Label}: {End(row.Low)} at x0.8, {End(row.High)} at x1.2.");
        }
        if (input.Inputs.Count > rows.Count)
        {
            text.Append($" {input.Inputs.Count - rows.Count} inputs with smaller swings are not drawn.");
        }
        return text.ToString();
    }

    private static string End(SensitivityEnd end) => end.Margin is decimal margin
        ? $"{ChartText.Money(margin)} ({end.RecommendedLabel ?? "none"} recommended)"
        : $"no margin ({end.RecommendedLabel ?? "none"} recommended)";
}
