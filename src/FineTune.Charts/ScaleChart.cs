using System.Text;
using System.Xml.Linq;
using FineTune.Core;

namespace FineTune.Charts;

/// <summary>What the scale chart draws: the analysis' scale check (economics.md section 5).</summary>
/// <param name="Scales">One per volume multiplier, smallest first.</param>
public sealed record ScaleChartInput(IReadOnlyList<ScaleGroup> Scales)
{
    /// <summary>The scale check of <paramref name="analysis"/>.</summary>
    public static ScaleChartInput From(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new(analysis.Scale.Select(scale => new ScaleGroup(
            scale.Multiplier,
            scale.RequestsPerMonth,
            scale.RecommendedApproachId,
            scale.Approaches.Select((approach, slot) => new ScaleBar(approach.Id, slot, approach.FullyLoadedCost)).ToList())).ToList());
    }
}

/// <summary>The approaches at one volume.</summary>
/// <param name="Multiplier">1, 10 or 100: the scenario's monthly volume multiplied by it.</param>
/// <param name="RequestsPerMonth">Requests in the first month at this scale.</param>
/// <param name="RecommendedLabel">The recommendation at this scale; null when no approach is eligible.</param>
public sealed record ScaleGroup(int Multiplier, decimal RequestsPerMonth, string? RecommendedLabel, IReadOnlyList<ScaleBar> Approaches);

/// <summary>One approach at one volume.</summary>
/// <param name="Slot">The approach's position in the scenario: it picks the bar's colour.</param>
/// <param name="FullyLoadedCost">Horizon cost over horizon requests, dollars per request; never negative.</param>
public sealed record ScaleBar(string Label, int Slot, decimal FullyLoadedCost);

/// <summary>
/// Fully loaded cost per request of every approach at 1x, 10x and 100x the volume, as horizontal bars on one axis, so
/// that the lengths compare across scales; every bar is labelled with its approach and its figure.
/// </summary>
public static class ScaleChart
{
    private const string Title = "Cost per request as volume grows";
    private const decimal LabelLeft = 12m;
    private const decimal BarLeft = 112m;
    private const decimal BarRight = Svg.Width - 96m;
    private const decimal Top = 58m;
    private const decimal HeadingHeight = 26m;
    private const decimal BarHeight = 16m;
    private const decimal BarGap = 6m;
    private const decimal GroupGap = 14m;

    /// <summary>The SVG document, UTF-8.</summary>
    public static byte[] Render(ScaleChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        decimal largest = input.Scales.SelectMany(s => s.Approaches).Select(a => a.FullyLoadedCost).DefaultIfEmpty().Max();
        Axis axis = Axis.ForAmounts(0m, largest, BarLeft, BarRight, 4);
        decimal bottom = Top + input.Scales.Sum(s => HeadingHeight + s.Approaches.Count * (BarHeight + BarGap) + GroupGap);

        var content = new List<XElement>
        {
            Svg.Text(12m, 24m, Title, size: Svg.TitleSize, bold: true, role: "chart-title"),
            Svg.Text(12m, 46m, "Fully loaded cost per request, US$", fill: Svg.MutedInk, role: "x-title"),
        };
        // Grid lines and the zero line run through the bars of each scale only, leaving its heading clear.
        var grid = new List<XElement>();
        var zeroLines = new List<XElement>();
        var groups = new List<XElement>();
        decimal y = Top;
        foreach (ScaleGroup scale in input.Scales)
        {
            var group = new List<XElement>
            {
                Svg.Text(LabelLeft, y + 17m, ChartText.Clip(Heading(scale), 56), bold: true, role: "scale-heading"),
            };
            y += HeadingHeight;
            decimal barsTop = y - BarGap / 2m;
            foreach (ScaleBar bar in scale.Approaches)
            {
                SeriesStyle style = Palette.Series(bar.Slot);
                decimal end = axis.Map(bar.FullyLoadedCost);
                bool recommended = bar.Label == scale.RecommendedLabel;
                group.Add(Svg.Text(LabelLeft, y + 12.5m, ChartText.Clip(bar.Label, 13), bold: recommended, role: "bar-label"));
                group.Add(Svg.Rect(BarLeft, y, end - BarLeft, BarHeight, style.Colour, "bar"));
                group.Add(Svg.Text(end + 4m, y + 12.5m, ChartText.Money(bar.FullyLoadedCost), bold: recommended, role: "bar-value"));
                y += BarHeight + BarGap;
            }
            foreach (decimal tick in axis.Ticks().Skip(1))
            {
                grid.Add(Svg.Line(axis.Map(tick), barsTop, axis.Map(tick), y - BarGap / 2m, Svg.Grid, 1m));
            }
            zeroLines.Add(Svg.Line(BarLeft, barsTop, BarLeft, y - BarGap / 2m, Svg.Ink, 1.5m, role: "zero-line"));
            groups.Add(Svg.Group("scale", group, ("data-multiplier", scale.Multiplier.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            y += GroupGap;
        }
        foreach (decimal tick in axis.Ticks())
        {
            grid.Add(Svg.Text(axis.Map(tick), bottom + 18m, ChartText.MoneyTick(tick), "middle", fill: Svg.MutedInk, role: "x-tick"));
        }
        content.Add(Svg.Group("grid", grid));
        content.AddRange(zeroLines);
        content.AddRange(groups);
        return Svg.Document(Title, Describe(input), bottom + 32m, content);
    }

    private static string Heading(ScaleGroup scale) =>
        $"{scale.Multiplier}x: {ChartText.Count(scale.RequestsPerMonth)} requests/month"
        + (scale.RecommendedLabel is { } recommended ? $", best: {recommended}" : ", none eligible");

    private static string Describe(ScaleChartInput input)
    {
        var text = new StringBuilder("Fully loaded cost per request (the horizon's cost over its requests) of each approach");
        if (input.Scales.Count > 0)
        {
            text.Append($" as the monthly volume is multiplied by {ChartText.List(input.Scales.Select(s => s.Multiplier + "x").ToList())}.");
        }
        foreach (ScaleGroup scale in input.Scales)
        {
            text.Append($" At {scale.Multiplier}x, {ChartText.Count(scale.RequestsPerMonth)} requests a month: ")
                .Append(string.Join(", ", scale.Approaches.Select(a => $"{a.Label} {ChartText.Money(a.FullyLoadedCost)}")))
                .Append(scale.RecommendedLabel is { } recommended ? $"; recommended: {recommended}." : "; no approach is eligible.");
        }
        return text.ToString();
    }
}
