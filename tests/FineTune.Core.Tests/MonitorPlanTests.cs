namespace FineTune.Core.Tests;

/// <summary>plan(d) and actual(d) of economics.md section 9, worked out by hand.</summary>
public sealed class MonitorPlanTests
{
    // 1,000 input tokens at $10 per million: $0.01 per request, no fixed cost.
    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, null);

    // Input $2.5, cached $1.25, output $10 per million; retrieval 50 embedded tokens at $0.02 per million plus $0.0002 a query;
    // $310 a month fixed. Per request: 800 x 2.5 / 1e6 + 300 x 10 / 1e6 = 0.002 + 0.003 = $0.005 of tokens.
    private static readonly Approach Rag = new("rag", ApproachKind.Rag, new Pricing(2.5m, 10m, 1.25m), 800, null, 300, 0.95m,
        new Retrieval(0, 50, 0.02m, 0.0002m), null, 310m, null, null);

    private static Scenario Scenario(decimal requestsPerMonth, int horizonMonths = 12, decimal? growth = null, Monitoring? monitoring = null,
        params Approach[] approaches) =>
        new("Monitored", null, null, new Workload(requestsPerMonth, horizonMonths, growth), null, null, null,
            approaches.Length == 0 ? [Prompt] : approaches, monitoring);

    private static Monitoring StartingOn(DateOnly start, string? approachId = null) => new(approachId, start, null, null, null);

    [Fact]
    public void Plan_StartOnTheFirst_IsTheMonthlyPlanOverTheCalendarMonthsDays()
    {
        // 300,000 requests x $0.01 = $3,000 a month. November has 30 days: $100 a day; December 31: $3,000 / 31.
        MonitorPlan plan = MonitorPlan.Of(Scenario(300_000m, monitoring: StartingOn(new DateOnly(2026, 11, 1))), new DateOnly(2026, 1, 1));

        Assert.Equal(100m, plan.Plan(new DateOnly(2026, 11, 1)));
        Assert.Equal(100m, plan.Plan(new DateOnly(2026, 11, 30)));
        Assert.Equal(3000m / 31, plan.Plan(new DateOnly(2026, 12, 1)));
        Assert.Equal(3000m, plan.PlanBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Plan_WithGrowth_CountsWholeMonthsFromTheStartDate()
    {
        // Growth 10 % a month from 15 January: month 0 runs to 14 February, month 1 from 15 February.
        // V(0) = 300,000 -> $3,000; V(1) = 330,000 -> $3,300. February 2026 has 28 days.
        MonitorPlan plan = MonitorPlan.Of(Scenario(300_000m, growth: 0.1m, monitoring: StartingOn(new DateOnly(2026, 1, 15))), default);

        Assert.Equal(0, plan.PlanMonth(new DateOnly(2026, 2, 14)));
        Assert.Equal(1, plan.PlanMonth(new DateOnly(2026, 2, 15)));
        Assert.Equal(3000m / 31, plan.Plan(new DateOnly(2026, 1, 31)));
        Assert.Equal(3000m / 28, plan.Plan(new DateOnly(2026, 2, 14)));
        Assert.Equal(3300m / 28, plan.Plan(new DateOnly(2026, 2, 15)));
    }

    [Fact]
    public void PlanMonth_StartOnThe31st_MovesOnTheLastDayOfShorterMonths()
    {
        // 31 January + 1 month is 28 February (calendar arithmetic); + 2 months is 31 March.
        MonitorPlan plan = MonitorPlan.Of(Scenario(300_000m, monitoring: StartingOn(new DateOnly(2026, 1, 31))), default);

        Assert.Equal(0, plan.PlanMonth(new DateOnly(2026, 2, 27)));
        Assert.Equal(1, plan.PlanMonth(new DateOnly(2026, 2, 28)));
        Assert.Equal(1, plan.PlanMonth(new DateOnly(2026, 3, 30)));
        Assert.Equal(2, plan.PlanMonth(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void Plan_PastTheHorizon_StaysAtTheLastMonth()
    {
        // Two months, growth 10 %: V(1) = 330,000 -> $3,300 a month, which stays after the horizon ends on 31 December.
        MonitorPlan plan = MonitorPlan.Of(Scenario(300_000m, horizonMonths: 2, growth: 0.1m, monitoring: StartingOn(new DateOnly(2026, 11, 1))), default);

        Assert.Equal(new DateOnly(2026, 12, 31), plan.HorizonEnd);
        Assert.Equal(3300m / 31, plan.Plan(new DateOnly(2026, 12, 31)));
        Assert.Equal(3300m / 30, plan.Plan(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void Plan_DayBeforeTheStart_IsAProgrammingError()
    {
        MonitorPlan plan = MonitorPlan.Of(Scenario(300_000m, monitoring: StartingOn(new DateOnly(2026, 11, 1))), default);

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Plan(new DateOnly(2026, 10, 31)));
        Assert.Equal(100m * 30, plan.PlanBetween(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Actual_WithoutSpend_PricesTheDaysTokensAtTheApproachsOwnPrices()
    {
        // 31 March 2026, 1,000 requests, 2,000,000 input tokens of which 500,000 cached, 100,000 output tokens:
        // tokens (1,500,000 x 2.5 + 500,000 x 1.25 + 100,000 x 10) / 1e6 = 3.75 + 0.625 + 1 = $5.375;
        // retrieval 1,000 x (50 x 0.02 / 1e6 + 0.0002) = 1,000 x 0.000201 = $0.201; fixed $310 / 31 days = $10.
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 3, 1), "rag"), approaches: [Prompt, Rag]), default);
        var record = new UsageRecord(new DateOnly(2026, 3, 31), "rag", 1000, 2_000_000, 500_000, 100_000, null, null);

        Assert.Equal(5.375m + 0.201m + 10m, plan.Actual(record));
    }

    [Fact]
    public void Actual_CachedPriceAbsent_BillsCachedTokensAtTheInputPrice()
    {
        // The prompt approach has no cached price: 1,000,000 input tokens (all cached) at $10 per million = $10.
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 3, 1))), default);

        Assert.Equal(10m, plan.Actual(new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 10, 1_000_000, 1_000_000, null, null, null)));
    }

    [Fact]
    public void Actual_SpendGiven_IsTheSpendWhateverTheTokens()
    {
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 3, 1))), default);

        Assert.Equal(412.10m, plan.Actual(new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 10, 99_999_999, null, 5, 412.10m, null)));
    }

    [Fact]
    public void Actual_ApproachNoLongerInTheScenarioWithoutSpend_IsNullAndLeftOutOfTheDay()
    {
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 3, 1))), default);
        var gone = new UsageRecord(new DateOnly(2026, 3, 2), "retired", 10, 1000, null, 10, null, 3);
        var priced = new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 90, null, null, null, 5m, 7);

        DayUsage day = plan.Day(new DateOnly(2026, 3, 2), [gone, priced]);

        Assert.Null(plan.Actual(gone));
        Assert.Equal(new DayUsage(new DateOnly(2026, 3, 2), 100, 5m, 10, 100, 1), day);
        Assert.Null(plan.Day(new DateOnly(2026, 3, 2), [gone]).Actual);
    }

    [Fact]
    public void Actual_RequestsWithoutSpendOrTokens_IsNullNotZero()
    {
        // 500 requests and nothing to price them by: unknown, not $0. A day without requests costs its fixed share: $0 here.
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 3, 1))), default);

        Assert.Null(plan.Actual(new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 500, null, null, null, null, 4)));
        Assert.Equal(0m, plan.Actual(new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 0, null, null, null, null, null)));
        Assert.Equal(0.01m, plan.Actual(new UsageRecord(new DateOnly(2026, 3, 2), "prompt", 500, 1000, null, null, null, null)));
    }

    [Fact]
    public void Of_NoMonitoringBlock_MonitorsTheRecommendationFromTheCreationDayWithDefaultThresholds()
    {
        // Both approaches are eligible with no value per output: the recommendation is the cheaper horizon, the prompt at
        // $0.01 a request against RAG's $0.005 + $0.000201 + $310 a month at 1,000 requests a month.
        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, approaches: [Prompt, Rag]), new DateOnly(2026, 5, 17));

        Assert.Equal("prompt", plan.ApproachId);
        Assert.Equal(new DateOnly(2026, 5, 17), plan.StartDate);
        Assert.Equal((0.25m, 0.5m, 10m), (plan.WarnAbove, plan.AlertAbove, plan.MinimumDollars));
        Assert.Null(plan.RequiredAccuracy);
    }

    [Fact]
    public void TrainingCost_IsTheFirstRunAndEveryRetrainingInTheHorizon()
    {
        // Compute 1,000,000 x 2 x $25 / 1e6 = $50; first run 50 + 900 + 50 = $1,000; a retraining 50 + 50 = $100;
        // every 4 months over 12: runs at months 0, 4 and 8, so $1,000 + 2 x $100 = $1,200.
        var fineTune = new Approach("ft", ApproachKind.FineTune, new Pricing(2m, 0m, null), 1000, null, 0, 0.9m, null, null, null, null,
            new Training(1_000_000, 2, 25m, 0m, 0m, 900m, 50m, 4));

        MonitorPlan plan = MonitorPlan.Of(Scenario(1000m, monitoring: StartingOn(new DateOnly(2026, 1, 1), "ft"), approaches: [Prompt, fineTune]), default);

        Assert.Equal(1200m, plan.TrainingCost);
    }

    [Fact]
    public void Merge_SameRecordsAgain_ChangesNothing()
    {
        var day = new DateOnly(2026, 3, 2);
        UsageRecord[] stored = [new(day, "prompt", 10, 100, null, 10, null, null), new(day, "rag", 5, null, null, null, 1m, null)];

        DayMerge again = UsageRecords.Merge(stored, [stored[1], stored[0]]);
        DayMerge corrected = UsageRecords.Merge(stored, [stored[0] with { Requests = 11 }, new UsageRecord(day, "ft", 1, null, null, null, 0m, null)]);

        Assert.False(again.Changed);
        Assert.Equal((0, 0, 2), (again.Added, again.Replaced, again.Unchanged));
        Assert.Equal(stored, again.Records);
        Assert.True(corrected.Changed);
        Assert.Equal((1, 1, 0), (corrected.Added, corrected.Replaced, corrected.Unchanged));
        Assert.Equal(["ft", "prompt", "rag"], corrected.Records.Select(r => r.ApproachId));
        Assert.Equal(11, corrected.Records[1].Requests);
    }
}
