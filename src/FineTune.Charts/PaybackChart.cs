using System.Text;
using FineTune.Core;

namespace FineTune.Charts;

/// <summary>Which per-request figure an advantage counts (economics.md section 4's two views).</summary>
public enum AdvantageBasis
{
    /// <summary>Inference, fixed and training costs: the <c>cost</c> view.</summary>
    Cost,
    /// <summary>Review and error costs too: the <c>qualityAdjusted</c> view, the one the recommendation weighs.</summary>
    QualityAdjusted,
}

/// <summary>What the payback chart draws.</summary>
/// <param name="BaselineLabel">The approach every advantage is measured against.</param>
/// <param name="HorizonMonths">The planning horizon: the x axis runs from 0 to it.</param>
/// <param name="Approaches">Every approach but the baseline, in the scenario's order.</param>
public sealed record PaybackChartInput(string BaselineLabel, AdvantageBasis Basis, int HorizonMonths, IReadOnlyList<PaybackSeries> Approaches)
{
    /// <summary>
    /// The payback chart of <paramref name="analysis"/> (analysed with its timeline) in the view of <paramref name="basis"/>:
    /// each approach's advantage from the timeline, starting at minus its one-time difference, stepping where either side
    /// retrains on <paramref name="scenario"/>'s cadence, and its break-even's payback in that view.
    /// </summary>
    public static PaybackChartInput From(Scenario scenario, Analysis analysis, AdvantageBasis basis = AdvantageBasis.QualityAdjusted)
    {
        Timelines.CheckPair(scenario, analysis);
        Timeline timeline = Timelines.Of(analysis);
        int baseline = analysis.Approaches.Select(a => a.Id).ToList().IndexOf(analysis.BaselineId);
        var approaches = new List<PaybackSeries>(analysis.BreakEven.Count);
        for (int i = 0; i < timeline.Approaches.Count; i++)
        {
            if (timeline.Approaches[i].Advantage is not { } advantage)
            {
                continue;
            }
            string id = timeline.Approaches[i].Id;
            BreakEven breakEven = analysis.BreakEven.Single(b => b.ApproachId == id);
            BreakEvenView view = basis == AdvantageBasis.QualityAdjusted ? breakEven.QualityAdjusted : breakEven.Cost;
            int slot = i;
            approaches.Add(new PaybackSeries(
                ChartSeries.FromTimeline(id, slot, basis == AdvantageBasis.QualityAdjusted ? advantage.QualityAdjusted : advantage.Cost,
                    -view.OneTimeDelta,
                    month => Timelines.RetrainingAt(scenario, analysis, baseline, month) - Timelines.RetrainingAt(scenario, analysis, slot, month)),
                view.PaybackMonths));
        }
        return new(analysis.BaselineId, basis, analysis.HorizonMonths, approaches);
    }
}

/// <summary>One approach's cumulative advantage over the baseline, in dollars (the C of economics.md section 4's walk).</summary>
/// <param name="Advantage">
/// Points in months from the start; <see cref="ChartSeries.FromTimeline"/> makes them from a timeline's month ends and
/// the advantage at the start (minus the one-time difference).
/// </param>
/// <param name="PaybackMonths">The break-even's <c>paybackMonths</c>; null when it never pays back.</param>
public sealed record PaybackSeries(ChartSeries Advantage, decimal? PaybackMonths);

/// <summary>
/// Each approach's cumulative advantage over the baseline month by month, the zero line it must cross, and the payback
/// point marked on it and labelled.
/// </summary>
public static class PaybackChart
{
    /// <summary>The SVG document, UTF-8.</summary>
    public static byte[] Render(PaybackChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.HorizonMonths, 1);
        IEnumerable<decimal> values = input.Approaches.SelectMany(a => a.Advantage.Points).Select(p => p.Y);
        var frame = new LineFrame(
            $"Payback against {input.BaselineLabel}",
            $"Ahead of {input.BaselineLabel}, US$, {BasisWords(input.Basis)}",
            "Months from the start",
            Axis.ForMonths(input.HorizonMonths, LineFrame.Left, LineFrame.Right),
            Axis.ForAmounts(values.DefaultIfEmpty().Min(), values.DefaultIfEmpty().Max(), LineFrame.Bottom, LineFrame.Top),
            ChartText.Months,
            ChartText.MoneyTick);
        foreach (PaybackSeries approach in input.Approaches)
        {
            frame.Add(frame.Line(approach.Advantage.Points.Where(p => p.X <= frame.X.Max), Palette.Series(approach.Advantage.Slot), "series"));
        }
        // Markers and labels over every line, so that no line crosses a label.
        for (int i = 0; i < input.Approaches.Count; i++)
        {
            PaybackSeries approach = input.Approaches[i];
            SeriesStyle style = Palette.Series(approach.Advantage.Slot);
            if (approach.PaybackMonths is decimal months && months <= input.HorizonMonths)
            {
                // The advantage is zero where it crosses; paid back at month 0, it is where the line starts, at or above zero.
                decimal at = months == 0m && approach.Advantage.Points is [{ X: 0m } start, ..] ? Math.Max(0m, start.Y) : 0m;
                decimal x = frame.X.Map(months);
                decimal y = frame.Y.Map(at);
                frame.Add(Svg.Circle(x, y, 5.5m, "#ffffff", style.Colour, "payback-marker"));
                // Labels of neighbouring markers alternate above and below the zero line.
                decimal labelY = i % 2 == 0 ? y - 11m : y + 21m;
                string anchor = x > (LineFrame.Left + LineFrame.Right) / 2m ? "end" : "start";
                frame.Add(Svg.Text(anchor == "end" ? x - 4m : x + 4m, labelY, $"month {ChartText.Months(months)}", anchor,
                    fill: style.Colour == "#000000" ? Svg.Ink : style.Colour, bold: true, role: "payback-label", halo: true));
            }
            frame.LegendLine(style, $"{approach.Advantage.Label}: {PaybackWords(approach.PaybackMonths, input.HorizonMonths)}");
        }
        frame.AddLegend(Svg.Line(14m, 0m, 44m, 0m, Svg.Ink, 1.5m), $"zero: even with {input.BaselineLabel}");
        return Svg.Document($"Payback against {input.BaselineLabel}", Describe(input), frame.Height, frame.Content());
    }

    private static string BasisWords(AdvantageBasis basis) =>
        basis == AdvantageBasis.QualityAdjusted ? "review and errors counted" : "cost only";

    private static string PaybackWords(decimal? months, int horizonMonths) => months switch
    {
        null => $"never pays back within {Payback.MaxMonths} months",
        0m => "pays back immediately",
        decimal m when m <= horizonMonths => $"pays back in month {ChartText.Months(m)}",
        decimal m => $"pays back in month {ChartText.Months(m)}, after the horizon",
    };

    private static string Describe(PaybackChartInput input)
    {
        var text = new StringBuilder();
        text.Append($"Cumulative advantage of each approach over {input.BaselineLabel}, month by month over {input.HorizonMonths} months, ")
            .Append(input.Basis == AdvantageBasis.QualityAdjusted
                ? "counting inference, fixed, training, review and error costs."
                : "counting inference, fixed and training costs.");
        if (input.Approaches.Count == 0)
        {
            text.Append($" There is no other approach to compare with {input.BaselineLabel}.");
        }
        foreach (PaybackSeries approach in input.Approaches)
        {
            text.Append(' ').Append(approach.Advantage.Label).Append(' ').Append(PaybackWords(approach.PaybackMonths, input.HorizonMonths));
            if (approach.Advantage.Points.LastOrDefault(p => p.X <= input.HorizonMonths) is { X: > 0m } last)
            {
                text.Append(last.Y >= 0m ? "; ahead by " : "; behind by ")
                    .Append(ChartText.Money(Math.Abs(last.Y)))
                    .Append($" at month {ChartText.Months(last.X)}");
            }
            text.Append('.');
        }
        return text.ToString();
    }
}
