namespace FineTune.Charts;

/// <summary>A point of a line: x in the axis' unit (months from the start, days), y in dollars.</summary>
public readonly record struct ChartPoint(decimal X, decimal Y);

/// <summary>One approach's line.</summary>
/// <param name="Label">What the legend and the description call it: the approach id.</param>
/// <param name="Slot">The approach's position in the scenario, 0 first: it picks the colour, so an approach looks the same in every chart.</param>
/// <param name="Points">In order of x.</param>
public sealed record ChartSeries(string Label, int Slot, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>
    /// A series of month-end values: <paramref name="monthEnds"/>[m] is the figure at the end of month m (m = 0 first), drawn
    /// at m + 1 months from the start; <paramref name="start"/>, when given, is the figure at the start, drawn at 0.
    /// </summary>
    public static ChartSeries FromMonthEnds(string label, int slot, IReadOnlyList<decimal> monthEnds, decimal? start = null) =>
        FromTimeline(label, slot, monthEnds, start, static _ => 0m);

    /// <summary>
    /// A series of a timeline (economics.md section 7), which moves by a lump at the start of some months (a retraining) and
    /// evenly within each month (requests and fixed costs): <paramref name="start"/> at 0, then for each month m the lump
    /// <paramref name="stepAt"/>(m) drawn as a vertical step at m (m from 1; none where it is 0), and the month's end at
    /// m + 1. Drawn so, the line crosses zero exactly where the payback walk of section 4 finds the crossing.
    /// </summary>
    public static ChartSeries FromTimeline(string label, int slot, IReadOnlyList<decimal> monthEnds, decimal? start, Func<int, decimal> stepAt)
    {
        ArgumentNullException.ThrowIfNull(monthEnds);
        ArgumentNullException.ThrowIfNull(stepAt);
        var points = new List<ChartPoint>(monthEnds.Count + 1);
        if (start is decimal first)
        {
            points.Add(new(0m, first));
        }
        for (int m = 0; m < monthEnds.Count; m++)
        {
            if (m > 0 && stepAt(m) is decimal step && step != 0m)
            {
                points.Add(new(m, monthEnds[m - 1] + step));
            }
            points.Add(new(m + 1, monthEnds[m]));
        }
        return new(label, slot, points);
    }
}
