using System.Xml.Linq;
using FineTune.Core;

namespace FineTune.Charts.Tests;

public sealed class MonitorChartTests
{
    [Fact]
    public void Render_Alerts_AreMarkedOnTheirDayBySeverity()
    {
        SvgReader svg = new SvgReader(MonitorChart.Render(ChartSamples.Monitor())).Keep("monitor-worked-example");
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);
        // Day ticks read back as days after Nov 1.
        var first = new DateOnly(2026, 11, 1);
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", text =>
            DateOnly.ParseExact(text + " 2026", "MMM d yyyy", System.Globalization.CultureInfo.InvariantCulture).DayNumber - first.DayNumber);
        decimal Day(int offset) => x(offset);

        List<XElement> plotted = svg.All("alert-marker")
            .Where(m => !m.Ancestors().Any(a => (string?)a.Attribute("class") == "legend")).ToList();
        XElement warning = Assert.Single(plotted, m => ((string)m.Attribute("class")!).EndsWith(" warning", StringComparison.Ordinal));
        XElement alert = Assert.Single(plotted, m => ((string)m.Attribute("class")!).EndsWith(" alert", StringComparison.Ordinal));

        // The warning of Nov 4 ($130 spent) and the alert of Nov 5 ($300), each drawn 12 units above its day's point.
        SvgReader.Near(Day(3), Top(warning).X);
        SvgReader.Near(y(130m) - 12m, Top(warning).Y);
        SvgReader.Near(Day(4), Top(alert).X);
        SvgReader.Near(y(300m) - 12m, Top(alert).Y);
        Assert.Equal("#ffffff", (string?)warning.Attribute("fill"));
        Assert.NotEqual("#ffffff", (string?)alert.Attribute("fill"));
    }

    [Fact]
    public void Render_DayWithoutRecord_BreaksTheActualLine()
    {
        SvgReader svg = new(MonitorChart.Render(ChartSamples.Monitor()));

        // Nov 1-2, then Nov 4-7: two runs; the plan is one line through all seven days.
        Assert.Equal([2, 4], svg.All("actual").Where(e => e.Name.LocalName == "polyline").Select(l => SvgReader.Points(l).Count));
        Assert.Equal(7, SvgReader.Points(Assert.Single(svg.All("plan"))).Count);
    }

    [Fact]
    public void Render_Description_GivesTotalsAndEveryAlert()
    {
        SvgReader svg = new(MonitorChart.Render(ChartSamples.Monitor()));

        // Six recorded days: 100 + 110 + 130 + 300 + 95 + 90 = 825 against 600 planned.
        Assert.Equal("Daily spend against plan", svg.Title);
        Assert.Equal(
            "Daily spend against plan from 2026-11-01 to 2026-11-07: 6 of 7 days have usage, $825.00 spent against $600.00 planned "
            + "for those days ($225.00 over plan). 2 alerts: warning on 2026-11-04 (over-plan); alert on 2026-11-05 (spike).",
            svg.Description);
    }

    [Fact]
    public void Render_NoUsageYet_DrawsThePlanAloneAndSaysSo()
    {
        var input = new MonitorChartInput(
            [.. Enumerable.Range(0, 3).Select(d => new MonitorChartDay(new DateOnly(2026, 11, 1).AddDays(d), null, 40m))], []);

        SvgReader svg = new(MonitorChart.Render(input));

        Assert.Empty(svg.All("actual"));
        Assert.Equal(3, SvgReader.Points(svg.One("plan")).Count);
        Assert.Equal("No usage recorded for these days yet", svg.One("no-usage").Value);
        Assert.Equal("Daily spend against plan from 2026-11-01 to 2026-11-03: no usage is recorded for these days yet, so only the plan "
            + "is drawn, $120.00 in all.", svg.Description);
    }

    [Fact]
    public void Render_SingleDay_DrawsItsPlanAcrossTheDay()
    {
        var input = new MonitorChartInput([new MonitorChartDay(new DateOnly(2026, 11, 1), 90m, 40m)], []);

        SvgReader svg = new(MonitorChart.Render(input));
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        IReadOnlyList<(decimal X, decimal Y)> plan = SvgReader.Points(svg.One("plan"));
        Assert.Equal(2, plan.Count);
        Assert.True(plan[1].X > plan[0].X);
        Assert.All(plan, p => SvgReader.Near(y(40m), p.Y));
    }

    [Fact]
    public void From_MonitorView_TakesItsDaysAndTheAlertsWithinThem()
    {
        var start = new DateOnly(2026, 11, 1);
        var view = new MonitorView("fine-tune", start, start, start.AddDays(1),
            [new MonitorDay(start, 1_000, 90m, 100m, -10m), new MonitorDay(start.AddDays(1), null, null, 100m, null)], [],
            new MonitorToDate(start.AddDays(1), 2, 1, 90m, 200m, -110m), new MonitorForecast(start.AddDays(30), 3_000m, 3_010m, -10m), []);
        Alert Dated(DateOnly date, AlertKind kind) =>
            new($"a-{date:dd}-{kind}", "s", "fine-tune", kind, AlertSeverity.Alert, date, 90m, 10m, 80m, 8m, "Spent more.");

        MonitorChartInput input = MonitorChartInput.From(view,
            [Dated(start.AddDays(1), AlertKind.Spike), Dated(start.AddDays(2), AlertKind.Spike), Dated(start, AlertKind.OverPlan)]);

        Assert.Equal([new MonitorChartDay(start, 90m, 100m), new MonitorChartDay(start.AddDays(1), null, 100m)], input.Days);
        Assert.Equal([new MonitorMark(start, AlertKind.OverPlan, AlertSeverity.Alert), new MonitorMark(start.AddDays(1), AlertKind.Spike, AlertSeverity.Alert)],
            input.Alerts);
    }

    // The first point of both shapes is their top, 7 units above the centre.
    private static (decimal X, decimal Y) Top(XElement polygon)
    {
        (decimal x, decimal y) = SvgReader.Points(polygon)[0];
        return (x, y + 7m);
    }
}
