namespace FineTune.Core.Tests;

/// <summary>The monitor view and the portfolio, worked out by hand.</summary>
public sealed class MonitorReportTests
{
    private static readonly DateOnly Start = new(2026, 11, 1);

    // 300,000 requests a month at $0.01: a plan of $3,000 a month, $100 a day in November; revenue $0.02 a request.
    private static readonly Scenario Scenario = new("Triage", null, null, new Workload(300_000m, 12, null), new Revenue(0.02m, null, null, null),
        null, null,
        [new Approach("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m, null, null, null, null, null)],
        new Monitoring(null, Start, null, null, null));

    private static readonly MonitorPlan Plan = MonitorPlan.Of(Scenario, default);

    /// <summary>1-3 November spend $90, $110, $130; nothing on the 4th; on the 5th 500 requests without spend or tokens.</summary>
    private static Dictionary<DateOnly, DayUsage> Days() => new[]
    {
        Plan.Day(Start, [new UsageRecord(Start, "prompt", 1000, null, null, null, 90m, null)]),
        Plan.Day(Start.AddDays(1), [new UsageRecord(Start.AddDays(1), "prompt", 1000, null, null, null, 110m, null)]),
        Plan.Day(Start.AddDays(2), [new UsageRecord(Start.AddDays(2), "prompt", 1000, null, null, null, 130m, null)]),
        Plan.Day(Start.AddDays(4), [new UsageRecord(Start.AddDays(4), "prompt", 500, null, null, null, null, null)]),
    }.ToDictionary(day => day.Date);

    [Fact]
    public void Build_DaysMonthsToDateAndForecast_AreActualAgainstPlan()
    {
        DateOnly today = Start.AddDays(4);

        MonitorView view = MonitorReport.Build(Plan, Days(), Start, new DateOnly(2026, 12, 2), today);

        // Days: $90 against $100 is -$10; the 4th has no record and the 5th cannot be priced: null, not 0.
        Assert.Equal(32, view.Days.Count);
        Assert.Equal(new MonitorDay(Start, 1000, 90m, 100m, -10m), view.Days[0]);
        Assert.Equal(new MonitorDay(Start.AddDays(3), null, null, 100m, null), view.Days[3]);
        Assert.Equal(new MonitorDay(Start.AddDays(4), 500, null, 100m, null), view.Days[4]);

        // November: 3 known days, 90 + 110 + 130 = $330 against the whole month's $3,000; December's two days: 2 x 3,000 / 31.
        Assert.Equal(new MonitorMonth("2026-11", Start, new DateOnly(2026, 11, 30), 3, 3500, 330m, 3000m, -2670m), view.Months[0]);
        Assert.Equal(("2026-12", 0, (decimal?)null), (view.Months[1].Month, view.Months[1].DaysWithRecords, view.Months[1].Actual));
        Assert.Equal(2 * (3000m / 31), view.Months[1].Plan);

        // To date (1-5 November): $330 of known actuals against 5 x $100.
        Assert.Equal(new MonitorToDate(today, 5, 3, 330m, 500m, -170m), view.ToDate);

        // Forecast: 12 plan months of $3,000 = $36,000 planned; the three known days replace $300 of plan by $330: $36,030.
        Assert.Equal(new DateOnly(2027, 10, 31), view.Forecast.HorizonEnd);
        Assert.Equal(36_000m, Math.Round(view.Forecast.PlannedHorizonCost, 20));
        Assert.Equal(36_030m, Math.Round(view.Forecast.HorizonCost, 20));
        Assert.Equal(30m, Math.Round(view.Forecast.Variance, 20));
        Assert.Contains(view.Notes, note => note.StartsWith("1 record(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_BeforeMonitoringStarts_ToDateIsEmptyAndNull()
    {
        MonitorView view = MonitorReport.Build(Plan, new Dictionary<DateOnly, DayUsage>(), Start, Start, Start.AddDays(-1));

        Assert.Equal(new MonitorToDate(Start.AddDays(-1), 0, 0, null, 0m, null), view.ToDate);
        Assert.Contains(view.Notes, note => note.StartsWith("No usage with a known cost", StringComparison.Ordinal));
    }

    [Fact]
    public void Portfolio_LinesAndTotals_AreTheMonthlyPlanAndTheLast30Days()
    {
        // Month 0: run rate 300,000 x $0.01 = $3,000; revenue 300,000 x $0.02 = $6,000; margin $3,000, 50 %.
        // Last 30 days to 5 November: 7 October to 5 November; the plan counts from 1 November: 5 x $100 = $500; known $330.
        DateOnly today = Start.AddDays(4);
        PortfolioLine line = PortfolioReport.Line("a", Scenario, Plan, Days(), today);
        Scenario noRevenue = Scenario with { Revenue = null };
        PortfolioLine other = PortfolioReport.Line("b", noRevenue, MonitorPlan.Of(noRevenue, default), new Dictionary<DateOnly, DayUsage>(), today);

        Portfolio portfolio = PortfolioReport.Of([line, other]);

        Assert.Equal(("prompt", "prompt", 3000m, 6000m, 3000m, 0.5m),
            (line.RecommendedApproachId, line.ApproachId, line.MonthlyRunRate, line.MonthlyRevenue, line.MonthlyMargin, line.MonthlyMarginRate));
        Assert.Equal(new RecentUsage(new DateOnly(2026, 10, 7), today, 3, 3500, 330m, 500m, -170m), line.Last30Days);
        Assert.Equal((null, null, (decimal?)null), (other.MonthlyRevenue, other.MonthlyMargin, other.Last30Days.Actual));
        Assert.Equal(new PortfolioTotals(2, 6000m, 6000m, 3000m, 330m, 1000m), portfolio.Totals);
    }
}
