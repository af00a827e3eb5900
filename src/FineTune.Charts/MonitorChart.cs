using System.Text;
using System.Xml.Linq;
using FineTune.Core;

namespace FineTune.Charts;

/// <summary>What the monitor chart draws (economics.md section 9).</summary>
/// <param name="Days">One per day, in date order.</param>
/// <param name="Alerts">The alerts of those days.</param>
public sealed record MonitorChartInput(IReadOnlyList<MonitorChartDay> Days, IReadOnlyList<MonitorMark> Alerts)
{
    /// <summary>The days of <paramref name="view"/> and those of <paramref name="alerts"/> dated within them.</summary>
    public static MonitorChartInput From(MonitorView view, IEnumerable<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(alerts);
        return new(
            [.. view.Days.Select(day => new MonitorChartDay(day.Date, day.Actual, day.Plan))],
            [.. alerts.Where(a => a.Date >= view.From && a.Date <= view.To).OrderBy(a => a.Date).ThenBy(a => a.Kind)
                .Select(a => new MonitorMark(a.Date, a.Kind, a.Severity))]);
    }
}

/// <summary>A day's spend against the plan, dollars.</summary>
/// <param name="Actual">What was spent; null for a day without a usage record.</param>
/// <param name="Plan">What the scenario planned for the day.</param>
public sealed record MonitorChartDay(DateOnly Date, decimal? Actual, decimal Plan);

/// <summary>An alert of one day.</summary>
public sealed record MonitorMark(DateOnly Date, AlertKind Kind, AlertSeverity Severity);

/// <summary>Daily actual spend against the plan, with the days that raised an alert marked by severity.</summary>
public static class MonitorChart
{
    private const string Title = "Daily spend against plan";
    private const string ActualColour = "#0072B2";
    private const string PlanColour = "#454545";
    private const string AlertColour = "#D55E00";

    /// <summary>The SVG document, UTF-8.</summary>
    public static byte[] Render(MonitorChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Days.Count == 0)
        {
            throw new ArgumentException("A monitor chart needs at least one day.", nameof(input));
        }
        DateOnly first = input.Days[0].Date;
        int span = Math.Max(1, input.Days[^1].Date.DayNumber - first.DayNumber);
        IEnumerable<decimal> values = input.Days.SelectMany(d => (decimal?[])[d.Actual, d.Plan]).OfType<decimal>();
        var frame = new LineFrame(
            Title,
            "Spend per day, US$",
            $"Day, from {ChartText.Date(first)}",
            Axis.ForDays(span, LineFrame.Left, LineFrame.Right),
            Axis.ForAmounts(values.Min(), values.Max(), LineFrame.Bottom, LineFrame.Top),
            offset => ChartText.ShortDate(first.AddDays((int)offset)),
            ChartText.MoneyTick);
        var plan = new SeriesStyle(PlanColour, "6 4");
        var actual = new SeriesStyle(ActualColour, null);
        // The plan of a single day runs across that day, so that it shows as a line rather than a lone point.
        IEnumerable<ChartPoint> planPoints = input.Days.Select(d => new ChartPoint(Offset(d.Date), d.Plan));
        frame.Add(frame.Line(input.Days.Count == 1 ? planPoints.Append(new ChartPoint(1m, input.Days[0].Plan)) : planPoints, plan, "series plan"));
        foreach (List<MonitorChartDay> run in Runs(input.Days))
        {
            frame.Add(frame.Line(run.Select(d => new ChartPoint(Offset(d.Date), d.Actual!.Value)), actual, "series actual"));
        }
        if (input.Days.Count <= 62)
        {
            frame.Add(Svg.Group("actual-points", input.Days.Where(d => d.Actual is not null)
                .Select(d => Svg.Circle(frame.X.Map(Offset(d.Date)), frame.Y.Map(d.Actual!.Value), 2.5m, ActualColour))));
        }
        foreach (MonitorMark mark in input.Alerts)
        {
            MonitorChartDay? day = input.Days.FirstOrDefault(d => d.Date == mark.Date);
            decimal x = frame.X.Map(Offset(mark.Date));
            decimal y = frame.Y.Map(day?.Actual ?? day?.Plan ?? 0m);
            frame.Add(Marker(x, y - 12m, mark.Severity));
        }
        if (input.Days.All(d => d.Actual is null))
        {
            frame.Add(Svg.Text((LineFrame.Left + LineFrame.Right) / 2m, (LineFrame.Top + LineFrame.Bottom) / 2m, "No usage recorded for these days yet", "middle",
                bold: true, role: "no-usage"));
        }
        frame.LegendLine(actual, "actual spend");
        frame.LegendLine(plan, "plan");
        frame.AddLegend(Marker(29m, 0m, AlertSeverity.Warning), "warning");
        frame.AddLegend(Marker(29m, 0m, AlertSeverity.Alert), "alert");
        return Svg.Document(Title, Describe(input), frame.Height, frame.Content());

        decimal Offset(DateOnly date) => date.DayNumber - first.DayNumber;
    }

    // A warning is an open triangle, an alert a filled diamond: told apart by shape as well as fill.
    private static XElement Marker(decimal x, decimal y, AlertSeverity severity) => severity == AlertSeverity.Alert
        ? Svg.Polygon([(x, y - 7m), (x + 7m, y), (x, y + 7m), (x - 7m, y)], AlertColour, Svg.Ink, "alert-marker alert")
        : Svg.Polygon([(x, y - 7m), (x + 7m, y + 6m), (x - 7m, y + 6m)], "#ffffff", AlertColour, "alert-marker warning");

    // Consecutive days with a record: a day without one breaks the line rather than drawing it as zero.
    private static IEnumerable<List<MonitorChartDay>> Runs(IReadOnlyList<MonitorChartDay> days)
    {
        var run = new List<MonitorChartDay>();
        foreach (MonitorChartDay day in days)
        {
            if (day.Actual is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
                continue;
            }
            run.Add(day);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static string Describe(MonitorChartInput input)
    {
        List<MonitorChartDay> recorded = input.Days.Where(d => d.Actual is not null).ToList();
        if (recorded.Count == 0)
        {
            return $"Daily spend against plan from {ChartText.Date(input.Days[0].Date)} to {ChartText.Date(input.Days[^1].Date)}: "
                + $"no usage is recorded for these days yet, so only the plan is drawn, {ChartText.Money(input.Days.Sum(d => d.Plan))} in all.";
        }
        decimal actual = recorded.Sum(d => d.Actual!.Value);
        decimal plan = recorded.Sum(d => d.Plan);
        var text = new StringBuilder(
            $"Daily spend against plan from {ChartText.Date(input.Days[0].Date)} to {ChartText.Date(input.Days[^1].Date)}: "
            + $"{recorded.Count} of {input.Days.Count} days have usage, {ChartText.Money(actual)} spent against {ChartText.Money(plan)} planned for those days");
        text.Append(plan == 0m ? "." : $" ({ChartText.Money(Math.Abs(actual - plan))} {(actual >= plan ? "over" : "under")} plan).");
        text.Append(input.Alerts.Count switch
        {
            0 => " No alerts.",
            1 => " 1 alert:",
            int n => $" {n} alerts:",
        });
        if (input.Alerts.Count > 0)
        {
            text.Append(string.Join(";", input.Alerts.Select(a => $" {EnumText.Of(a.Severity)} on {ChartText.Date(a.Date)} ({EnumText.Of(a.Kind)})")));
            text.Append('.');
        }
        return text.ToString();
    }
}
