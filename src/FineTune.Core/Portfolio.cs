namespace FineTune.Core;

/// <summary>
/// A workspace's AI features side by side, the source document's "feature-level P&amp;L": each scenario's plan for a month and
/// its last 30 days of actual spend, and the totals. Dollars, unrounded here.
/// </summary>
public sealed record Portfolio(IReadOnlyList<PortfolioLine> Items, PortfolioTotals Totals);

/// <summary>One scenario of the portfolio. Monthly figures are month 0 of the plan of the approach in production.</summary>
/// <param name="RecommendedApproachId">The analysis' recommendation; null when no approach is eligible.</param>
/// <param name="ApproachId">The approach in production (the monitored one; by default the recommendation, else the baseline).</param>
/// <param name="MonthlyRunRate">requestsPerMonth x inferenceCost + fixedMonthly of that approach, training excluded.</param>
/// <param name="MonthlyRevenue">requestsPerMonth x revenue per request; null without revenue.</param>
/// <param name="MonthlyMargin">Revenue minus run rate; null without revenue.</param>
/// <param name="MonthlyMarginRate">Margin over revenue; null without revenue or when revenue is 0.</param>
public sealed record PortfolioLine(
    string ScenarioId,
    string Name,
    string? RecommendedApproachId,
    string ApproachId,
    decimal MonthlyRunRate,
    decimal? MonthlyRevenue,
    decimal? MonthlyMargin,
    decimal? MonthlyMarginRate,
    RecentUsage Last30Days);

/// <summary>Recorded usage of the last 30 days (today included) against the plan of those days.</summary>
/// <param name="DaysWithRecords">Days whose actual is known.</param>
/// <param name="Requests">Requests of the records.</param>
/// <param name="Actual">The sum of the known actuals; null when no day is known.</param>
/// <param name="Plan">plan(d) of every day of the window on or after startDate.</param>
/// <param name="Variance">Actual minus plan; null with the actual.</param>
public sealed record RecentUsage(DateOnly From, DateOnly To, int DaysWithRecords, long Requests, decimal? Actual, decimal Plan, decimal? Variance);

/// <summary>The workspace's totals.</summary>
/// <param name="MonthlyRevenue">Over the scenarios with revenue; null when none has.</param>
/// <param name="MonthlyMargin">Over the scenarios with revenue; null when none has.</param>
/// <param name="Last30DaysActual">Over the scenarios with a known actual; null when none has.</param>
public sealed record PortfolioTotals(
    int Scenarios,
    decimal MonthlyRunRate,
    decimal? MonthlyRevenue,
    decimal? MonthlyMargin,
    decimal? Last30DaysActual,
    decimal Last30DaysPlan);

/// <summary>Builds the <see cref="Portfolio"/>. Pure: today is an argument.</summary>
public static class PortfolioReport
{
    /// <summary>The days of the recent window, today included.</summary>
    public const int RecentDays = 30;

    /// <summary>The first day of the recent window that ends <paramref name="today"/>.</summary>
    public static DateOnly RecentFrom(DateOnly today) => today.AddDays(1 - RecentDays);

    /// <summary>One scenario's line.</summary>
    /// <param name="days">The usage of the days with records of the recent window, by date.</param>
    public static PortfolioLine Line(
        string scenarioId, Scenario scenario, MonitorPlan plan, IReadOnlyDictionary<DateOnly, DayUsage> days, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(days);
        Analysis analysis = Analyzer.Analyze(scenario);
        ApproachAnalysis approach = analysis.Approaches.First(a => a.Id == plan.ApproachId);
        decimal runRate = approach.Monthly.RunRate;
        decimal? revenue = scenario.Workload.RequestsPerMonth * ScenarioTerms.Of(scenario).RevenuePerRequest;
        decimal? margin = revenue - runRate;

        DateOnly from = RecentFrom(today);
        decimal? actual = null;
        long requests = 0;
        int known = 0;
        for (DateOnly date = from; date <= today; date = date.AddDays(1))
        {
            if (days.TryGetValue(date, out DayUsage? usage))
            {
                requests += usage.Requests;
                if (usage.Actual is decimal spent)
                {
                    actual = (actual ?? 0m) + spent;
                    known++;
                }
            }
        }

        decimal expected = plan.PlanBetween(from, today);
        return new PortfolioLine(scenarioId, scenario.Name, analysis.Recommendation.ApproachId, plan.ApproachId, runRate, revenue, margin,
            Economics.Ratio(margin, revenue), new RecentUsage(from, today, known, requests, actual, expected, actual - expected));
    }

    /// <summary>The portfolio of <paramref name="lines"/> with its totals.</summary>
    public static Portfolio Of(IReadOnlyList<PortfolioLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new Portfolio(lines, new PortfolioTotals(
            lines.Count,
            lines.Sum(line => line.MonthlyRunRate),
            SumKnown(lines.Select(line => line.MonthlyRevenue)),
            SumKnown(lines.Select(line => line.MonthlyMargin)),
            SumKnown(lines.Select(line => line.Last30Days.Actual)),
            lines.Sum(line => line.Last30Days.Plan)));
    }

    private static decimal? SumKnown(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (decimal? value in values)
        {
            if (value is decimal known)
            {
                total = (total ?? 0m) + known;
            }
        }

        return total;
    }
}
