namespace FineTune.Core.Tests;

/// <summary>
/// The alert rules of economics.md section 9 against synthetic daily series whose answers are worked out in each test.
/// Every series starts on Sunday 1 November 2026 (a 30-day month) and gives each day's spend, so actual(d) is the spend.
/// </summary>
public sealed class AlertRuleTests
{
    private const string ScenarioId = "0190f5c2a1b27c3d8e9f00112233aabb";
    private static readonly DateOnly Start = new(2026, 11, 1);

    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, null);

    /// <summary>A plan of <paramref name="dollarsPerMonth"/> a month ($0.01 a request), monitored from 1 November 2026.</summary>
    private static MonitorPlan Plan(decimal dollarsPerMonth, decimal? growth = null, decimal? requiredAccuracy = null, Monitoring? monitoring = null) =>
        MonitorPlan.Of(new Scenario("Series", null, null, new Workload(dollarsPerMonth * 100m, 12, growth), null,
            requiredAccuracy is null ? null : new Quality(null, null, null, null, null, requiredAccuracy), null, [Prompt],
            monitoring ?? new Monitoring(null, Start, null, null, null)), default);

    private static DayUsage Spent(MonitorPlan plan, DateOnly date, decimal spend, long requests = 1000, long? errors = null) =>
        plan.Day(date, [new UsageRecord(date, "prompt", requests, null, null, null, spend, errors)]);

    /// <summary>Feeds the series a day at a time, as daily posts would, and collects what each arrival fires.</summary>
    private static List<Alert> Arrive(MonitorPlan plan, IReadOnlyList<decimal> spend)
    {
        var days = new Dictionary<DateOnly, DayUsage>();
        var fired = new List<Alert>();
        for (int i = 0; i < spend.Count; i++)
        {
            DateOnly date = Start.AddDays(i);
            days[date] = Spent(plan, date, spend[i]);
            fired.AddRange(AlertRules.OnArrival(plan, ScenarioId, date, days));
        }

        return fired;
    }

    private static Dictionary<DateOnly, DayUsage> Series(MonitorPlan plan, IReadOnlyList<decimal> spend) =>
        spend.Select((value, i) => Spent(plan, Start.AddDays(i), value)).ToDictionary(day => day.Date);

    [Fact]
    public void FlatSeriesWithOneSpike_FiresOnce_OnThatDay()
    {
        // Plan $3,000 a month = $100 a day. 40 days alternating $98 and $102, except day 30 (30 November) at $300.
        // On day 30 the 28 days before have median 100 and MAD 2: z = 0.6745 x (300 - 100) / 2 = 67.45 >= 3.5, and $200 >= $10.
        // It is also 200 % over the plan: an over-plan alert. The days after keep median 100 and MAD 2: nothing.
        MonitorPlan plan = Plan(3000m);
        decimal[] spend = [.. Enumerable.Range(0, 40).Select(i => i == 29 ? 300m : i % 2 == 0 ? 98m : 102m)];

        List<Alert> fired = Arrive(plan, spend);

        Assert.Equal([(AlertKind.OverPlan, AlertSeverity.Alert), (AlertKind.Spike, AlertSeverity.Alert)],
            fired.Select(a => (a.Kind, a.Severity)));
        Assert.All(fired, alert => Assert.Equal(new DateOnly(2026, 11, 30), alert.Date));
        Alert spike = fired[1];
        Assert.Equal((300m, 100m, 200m, 2m), (spike.Actual, spike.Expected, spike.Impact, spike.ImpactRate));
        Assert.Equal($"{ScenarioId}-20261130-spike", spike.Id);
        Assert.Equal("$300.00 on 2026-11-30, 200% above the median of $100.00 a day over the 28 days with records among the 28 before: "
            + "a modified z-score of 67.5 against a cut-off of 3.5.", spike.Message);
    }

    [Fact]
    public void WeeklyPattern_NoFalseAlarm()
    {
        // Eight weeks from Sunday: Sun $40, Mon $110, Tue $120, Wed $125, Thu $118, Fri $105, Sat $45; a plan of $3,300 a month
        // ($110 a day in November, $106.45 in December). Weekdays sit within 25 % of the plan ($125 / $106.45 = 1.17). Over 28 days
        // the median is $110 and the MAD $10 (deviations 70, 0, 10, 15, 8, 5, 65, four times), so the largest weekday scores
        // 0.6745 x 15 / 10 = 1.0, far below 3.5; weekends are below the median and spikes are increases only.
        MonitorPlan plan = Plan(3300m);
        decimal[] week = [40m, 110m, 120m, 125m, 118m, 105m, 45m];
        decimal[] spend = [.. Enumerable.Range(0, 56).Select(i => week[i % 7])];

        List<Alert> fired = Arrive(plan, spend);
        Dictionary<DateOnly, DayUsage> days = Series(plan, spend);
        List<Alert> pace = [.. Enumerable.Range(0, 56).Select(i => AlertRules.Pace(plan, ScenarioId, Start.AddDays(i), days)).OfType<Alert>()];

        Assert.Empty(fired);
        Assert.Empty(pace);
    }

    [Fact]
    public void SlowRampWithinThePlan_FiresNothing()
    {
        // The plan grows 5 % a month from $3,000. Spend ramps from $90 by $0.25 a day for 60 days, to $104.75: at most
        // 104.75 / (3,150 / 31) = 1.03 of the day's plan. Against its 28 days before a day is 14.5 x 0.25 = $3.63 above their
        // median, under the $10 floor; and the month's pace stays under 1.5 x plan.
        MonitorPlan plan = Plan(3000m, growth: 0.05m);
        decimal[] spend = [.. Enumerable.Range(0, 60).Select(i => 90m + (0.25m * i))];

        List<Alert> fired = Arrive(plan, spend);
        Dictionary<DateOnly, DayUsage> days = Series(plan, spend);

        Assert.Empty(fired);
        Assert.All(Enumerable.Range(0, 60), i => Assert.Null(AlertRules.Pace(plan, ScenarioId, Start.AddDays(i), days)));
    }

    [Fact]
    public void StepAbovePlan_OverPlanFromTheFirstDay_WarningThenAlert()
    {
        // Plan $100 a day. Days 1-20 spend exactly $100; days 21-25 $140 (40 % over: above 25 %, a warning; $40 >= $10);
        // days 26-30 $160 (60 % over: above 50 %, an alert).
        // Spike: the history of day 21 is twenty $100 days, MAD 0, so the fallback applies: 140 > 100 x 1.5? No. On day 26 the
        // 25 days before have median $100 and MAD 0 again, and 160 > 150: the jump to the alert level is a spike too. From day
        // 27 the history holds $160 days, but its median stays $100 with MAD 0 and 160 > 150, so it stays a spike while the
        // step lasts (the baseline has not moved yet: 20 of 26 days were $100).
        MonitorPlan plan = Plan(3000m);
        decimal[] spend = [.. Enumerable.Range(0, 30).Select(i => i < 20 ? 100m : i < 25 ? 140m : 160m)];

        List<Alert> fired = Arrive(plan, spend);

        List<Alert> overPlan = [.. fired.Where(a => a.Kind == AlertKind.OverPlan)];
        Assert.Equal(Enumerable.Range(21, 10).Select(day => new DateOnly(2026, 11, day)), overPlan.Select(a => a.Date));
        Assert.All(overPlan.Take(5), a => Assert.Equal((AlertSeverity.Warning, 140m, 100m, 0.4m), (a.Severity, a.Actual, a.Expected, a.ImpactRate)));
        Assert.All(overPlan.Skip(5), a => Assert.Equal((AlertSeverity.Alert, 160m, 0.6m), (a.Severity, a.Actual, a.ImpactRate)));
        Assert.Equal("$140.00 on 2026-11-21, 40% above the plan of $100.00 for that day (approach prompt; a warning above 25%, an alert above 50%).",
            overPlan[0].Message);
        Assert.Equal(Enumerable.Range(26, 5).Select(day => new DateOnly(2026, 11, day)), fired.Where(a => a.Kind == AlertKind.Spike).Select(a => a.Date));
    }

    [Fact]
    public void OverPlan_BelowTheDollarFloor_FiresNothing()
    {
        // A small feature: plan $3 a day. $9 is 200 % over, but only $6 over: under the $10 floor.
        MonitorPlan plan = Plan(90m);

        Assert.Null(AlertRules.OverPlan(plan, ScenarioId, Spent(plan, Start, 9m)));
        Assert.NotNull(AlertRules.OverPlan(plan, ScenarioId, Spent(plan, Start, 13m)));
    }

    [Fact]
    public void FewerThan14DaysOfHistory_NoSpikeAlert()
    {
        // 13 days at $98/$102, then $1,000 on day 14: only 13 days of history, no spike (the over-plan rule still fires).
        // With one more day of history the same $1,000 is a spike.
        MonitorPlan plan = Plan(3000m);
        decimal[] thirteen = [.. Enumerable.Range(0, 14).Select(i => i == 13 ? 1000m : i % 2 == 0 ? 98m : 102m)];
        decimal[] fourteen = [.. Enumerable.Range(0, 15).Select(i => i == 14 ? 1000m : i % 2 == 0 ? 98m : 102m)];

        Assert.Equal([AlertKind.OverPlan], Arrive(plan, thirteen).Select(a => a.Kind));
        Assert.Equal([AlertKind.OverPlan, AlertKind.Spike], Arrive(plan, fourteen).Select(a => a.Kind));
    }

    [Fact]
    public void FourteenRecordedDaysAmongThe28_AreEnough()
    {
        // Records only every other day: 14 of the 28 days before 29 November have one, all $100 (MAD 0); $151 > $150 fires.
        MonitorPlan plan = Plan(30_000m);
        Dictionary<DateOnly, DayUsage> days = Enumerable.Range(0, 14).Select(i => Spent(plan, Start.AddDays(2 * i), 100m)).ToDictionary(d => d.Date);
        DayUsage day = Spent(plan, new DateOnly(2026, 11, 29), 151m);

        Assert.NotNull(AlertRules.Spike(plan, ScenarioId, day, days));
        days.Remove(Start);
        Assert.Null(AlertRules.Spike(plan, ScenarioId, day, days));
    }

    [Fact]
    public void MadZero_FallsBackToAboveTheMedianByAlertAbove()
    {
        // 20 days at exactly $100: median 100, MAD 0. The fallback fires above 100 x (1 + 0.5) = $150 and not at it, and keeps
        // the $10 floor: with a median of $10, $16 is 60 % above but only $6.
        MonitorPlan plan = Plan(30_000m);
        Dictionary<DateOnly, DayUsage> flat = Enumerable.Range(0, 20).Select(i => Spent(plan, Start.AddDays(i), 100m)).ToDictionary(d => d.Date);
        Dictionary<DateOnly, DayUsage> small = Enumerable.Range(0, 20).Select(i => Spent(plan, Start.AddDays(i), 10m)).ToDictionary(d => d.Date);
        DateOnly day21 = Start.AddDays(20);

        Assert.Null(AlertRules.Spike(plan, ScenarioId, Spent(plan, day21, 150m), flat));
        Alert? spike = AlertRules.Spike(plan, ScenarioId, Spent(plan, day21, 150.01m), flat);
        Assert.Null(AlertRules.Spike(plan, ScenarioId, Spent(plan, day21, 16m), small));

        Assert.NotNull(spike);
        Assert.Equal((150.01m, 100m, 50.01m), (spike.Actual, spike.Expected, spike.Impact));
        Assert.Contains("which all spent the same", spike.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_ErrorRateAboveWhatTheRequiredAccuracyAllows_IsAWarning()
    {
        // Required accuracy 0.9 allows 10 % errors. 101 errors in 1,000 requests is 10.1 %: a warning; 100 in 1,000 is not;
        // 50 in 99 requests is too few requests to judge.
        MonitorPlan plan = Plan(3000m, requiredAccuracy: 0.9m);

        Alert? alert = AlertRules.Accuracy(plan, ScenarioId, Spent(plan, Start, 1m, 1000, 101));

        Assert.NotNull(alert);
        Assert.Equal((AlertSeverity.Warning, 0.101m, 0.1m), (alert.Severity, alert.Actual, alert.Expected));
        Assert.Equal(0.001m, alert.Impact);
        Assert.Equal("An error rate of 10.1% on 2026-11-01 (101 errors in 1,000 requests), above the 10% that the required accuracy of 90% allows.",
            alert.Message);
        Assert.Null(AlertRules.Accuracy(plan, ScenarioId, Spent(plan, Start, 1m, 1000, 100)));
        Assert.Null(AlertRules.Accuracy(plan, ScenarioId, Spent(plan, Start, 1m, 99, 50)));
        Assert.Null(AlertRules.Accuracy(Plan(3000m), ScenarioId, Spent(plan, Start, 1m, 1000, 999)));
    }

    [Fact]
    public void Pace_MonthProjectedAboveItsPlanByAlertAbove_IsAWarning()
    {
        // Plan $3,000 for November. Days 1-10 spend $100, days 11-20 $200. On 20 November: month to date 1,000 + 2,000 = $3,000;
        // the last 7 days' mean is $200; 10 days remain: 3,000 + 10 x 200 = $5,000 > 3,000 x 1.5 = $4,500. A warning.
        // On 14 November: to date 1,000 + 800 = $1,800, the mean of days 8-14 is (3 x 100 + 4 x 200) / 7 = $157.14, 16 days
        // remain: 1,800 + 16 x 157.14 = $4,314.29, under $4,500: nothing yet.
        MonitorPlan plan = Plan(3000m);
        Dictionary<DateOnly, DayUsage> days = Series(plan, [.. Enumerable.Range(0, 20).Select(i => i < 10 ? 100m : 200m)]);

        Alert? alert = AlertRules.Pace(plan, ScenarioId, new DateOnly(2026, 11, 20), days);

        Assert.NotNull(alert);
        Assert.Equal((AlertKind.Pace, AlertSeverity.Warning, 5000m, 3000m, 2000m), (alert.Kind, alert.Severity, alert.Actual, alert.Expected, alert.Impact));
        Assert.Equal("November 2026 is on pace for $5,000.00 ($3,000.00 through 2026-11-20 plus 10 remaining days at the last 7 days' mean of "
            + "$200.00 a day), 66.7% above the month's plan of $3,000.00 (a warning above 50%).", alert.Message);
        Assert.Null(AlertRules.Pace(plan, ScenarioId, new DateOnly(2026, 11, 14), days));
    }

    [Fact]
    public void Pace_NoRecordInTheLastSevenDays_ProjectsNothing()
    {
        MonitorPlan plan = Plan(3000m);
        Dictionary<DateOnly, DayUsage> days = Series(plan, [5000m]);

        Assert.NotNull(AlertRules.Pace(plan, ScenarioId, new DateOnly(2026, 11, 7), days));
        Assert.Null(AlertRules.Pace(plan, ScenarioId, new DateOnly(2026, 11, 8), days));
    }

    [Fact]
    public void ReplayedSeries_FiresTheSameAlertsWithTheSameIds()
    {
        // The rules are pure: evaluating the same days again gives equal alerts, so a stored alert is updated, never duplicated.
        MonitorPlan plan = Plan(3000m);
        decimal[] spend = [.. Enumerable.Range(0, 30).Select(i => i < 20 ? 100m : 160m)];

        Assert.Equal(Arrive(plan, spend), Arrive(plan, spend));
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues()
    {
        Assert.Equal(2.5m, AlertRules.Median([4m, 1m, 3m, 2m]));
        Assert.Equal(3m, AlertRules.Median([5m, 1m, 3m]));
    }
}
