using System.Text;
using FineTune.Core;

namespace FineTune.Charts;

/// <summary>What the costs chart draws.</summary>
/// <param name="HorizonMonths">The planning horizon: the x axis runs from 0 to it.</param>
/// <param name="Approaches">
/// Each approach's cumulative all-in cost in dollars (inference, fixed, training, review and errors), in the scenario's
/// order; <see cref="ChartSeries.FromTimeline"/> makes them from a timeline's month ends.
/// </param>
public sealed record CostsChartInput(int HorizonMonths, IReadOnlyList<ChartSeries> Approaches)
{
    /// <summary>
    /// The costs chart of <paramref name="analysis"/> (analysed with its timeline): each approach's cumulative all-in cost
    /// from its initial training at the start, stepping at each retraining of <paramref name="scenario"/>'s cadence, to
    /// its horizon total (totalCost + qualityCost) at the end.
    /// </summary>
    public static CostsChartInput From(Scenario scenario, Analysis analysis)
    {
        Timelines.CheckPair(scenario, analysis);
        Timeline timeline = Timelines.Of(analysis);
        return new(analysis.HorizonMonths, timeline.Approaches.Select((approach, slot) => ChartSeries.FromTimeline(
            approach.Id, slot, approach.CumulativeAllInCost, analysis.Approaches[slot].Training.InitialCost,
            month => Timelines.RetrainingAt(scenario, analysis, slot, month))).ToList());
    }
}

/// <summary>The cumulative all-in cost of every approach over the horizon: which one is cheapest, and from when.</summary>
public static class CostsChart
{
    private const string Title = "Cumulative all-in cost";

    /// <summary>The SVG document, UTF-8.</summary>
    public static byte[] Render(CostsChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.HorizonMonths, 1);
        IEnumerable<decimal> values = input.Approaches.SelectMany(a => a.Points).Select(p => p.Y);
        var frame = new LineFrame(
            Title,
            "Cumulative cost, US$ (review and errors counted)",
            "Months from the start",
            Axis.ForMonths(input.HorizonMonths, LineFrame.Left, LineFrame.Right),
            Axis.ForAmounts(values.DefaultIfEmpty().Min(), values.DefaultIfEmpty().Max(), LineFrame.Bottom, LineFrame.Top),
            ChartText.Months,
            ChartText.MoneyTick);
        foreach (ChartSeries approach in input.Approaches)
        {
            SeriesStyle style = Palette.Series(approach.Slot);
            frame.Add(frame.Line(approach.Points.Where(p => p.X <= frame.X.Max), style, "series"));
            frame.LegendLine(style, Final(approach) is { } last
                ? $"{approach.Label}: {ChartText.Money(last.Y)} by month {ChartText.Months(last.X)}"
                : approach.Label);
        }
        return Svg.Document(Title, Describe(input), frame.Height, frame.Content());
    }

    private static ChartPoint? Final(ChartSeries series) => series.Points.Count == 0 ? null : series.Points[^1];

    private static string Describe(CostsChartInput input)
    {
        var text = new StringBuilder(
            $"Cumulative all-in cost of each approach (inference, fixed, training, review and error costs) at the end of each "
            + $"month over {input.HorizonMonths} months.");
        List<(ChartSeries Series, ChartPoint Last)> finals = input.Approaches
            .Where(a => Final(a) is not null).Select(a => (a, Final(a)!.Value)).ToList();
        if (finals.Count > 0)
        {
            text.Append(" At the end:");
            text.Append(string.Join(",", finals.Select(f => $" {f.Series.Label} {ChartText.Money(f.Last.Y)}")));
            text.Append('.');
            (ChartSeries cheapest, ChartPoint lowest) = finals.MinBy(f => f.Last.Y);
            text.Append($" {cheapest.Label} costs least, {ChartText.Money(lowest.Y)} by month {ChartText.Months(lowest.X)}.");
        }
        return text.ToString();
    }
}
