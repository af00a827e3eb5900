using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>Invariants of the monitoring maths over generated plans and series.</summary>
public sealed class MonitorPropertyTests
{
    private const long Iterations = 300;
    private const string ScenarioId = "0190f5c2a1b27c3d8e9f00112233aabb";

    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, 250m, null, null);

    private static readonly Gen<DateOnly> FirstOfMonth = Gen.Int[0, 240].Select(months => new DateOnly(2020, 1, 1).AddMonths(months));

    private static readonly Gen<decimal> Dollars = Gen.Long[0, 100_000_00].Select(cents => cents / 100m);

    private static MonitorPlan Plan(DateOnly start, decimal requests, decimal growth, int horizon, decimal warn = 0.25m, decimal alert = 0.5m) =>
        MonitorPlan.Of(new Scenario("Generated", null, null, new Workload(requests, horizon, growth), null, null, null, [Prompt],
            new Monitoring(null, start, warn, alert, null)), default);

    [Fact]
    public void PlanOfAPlanMonthStartingOnTheFirst_SumsToThatMonthsPlan() =>
        Gen.Select(FirstOfMonth, Gen.Int[0, 11], Gen.Long[1, 1_000_000_000], Gen.Int[-50, 100]).Sample((start, month, requests, growthPercent) =>
        {
            // Plan months then coincide with calendar months: the days of month m add up to V(m) x inferenceCost + fixedMonthly.
            decimal growth = growthPercent / 100m;
            MonitorPlan plan = Plan(start, requests, growth, 12);
            DateOnly first = start.AddMonths(month);
            decimal volume = requests;
            for (int m = 0; m < month; m++)
            {
                volume *= 1 + growth;
            }

            decimal sum = plan.PlanBetween(first, first.AddMonths(1).AddDays(-1));

            Assert.True(Math.Abs(sum - ((volume * 0.01m) + 250m)) < 0.000_000_000_001m, $"{sum} for month {month} from {start}");
        }, iter: Iterations);

    [Fact]
    public void Spike_NeverFiresForADayAtOrBelowTheMedianOfItsHistory() =>
        Gen.Select(Dollars.Array[14, 28], Gen.Int[0, 100]).Sample((history, percentOfMedian) =>
        {
            MonitorPlan plan = Plan(new DateOnly(2026, 1, 1), 1000m, 0m, 12);
            var days = history.Select((spend, i) => Day(plan, new DateOnly(2026, 1, 1).AddDays(i), spend)).ToDictionary(d => d.Date);
            decimal median = AlertRules.Median(history);
            DayUsage today = Day(plan, new DateOnly(2026, 1, 1).AddDays(history.Length), median * percentOfMedian / 100m);

            Assert.Null(AlertRules.Spike(plan, ScenarioId, today, days));
        }, iter: Iterations);

    [Fact]
    public void OverPlan_FiresExactlyAboveWarnAndTheFloor_AnAlertExactlyAboveAlertAbove() =>
        Gen.Select(Gen.Long[1, 10_000_000], Dollars, Gen.Int[0, 100], Gen.Int[0, 200]).Sample((requests, spend, warnPercent, extraPercent) =>
        {
            decimal warn = warnPercent / 100m, alert = warn + (extraPercent / 100m);
            MonitorPlan plan = Plan(new DateOnly(2026, 1, 1), requests, 0m, 12, warn, alert);
            DateOnly date = new(2026, 1, 10);
            decimal expected = plan.Plan(date);

            Alert? fired = AlertRules.OverPlan(plan, ScenarioId, Day(plan, date, spend));

            bool fires = spend > expected * (1 + warn) && spend - expected >= 10m;
            Assert.Equal(fires, fired is not null);
            if (fired is not null)
            {
                Assert.Equal(spend > expected * (1 + alert) ? AlertSeverity.Alert : AlertSeverity.Warning, fired.Severity);
                Assert.Equal(fired.Actual - fired.Expected, fired.Impact);
            }
        }, iter: Iterations);

    [Fact]
    public void MonitoredScenario_SerializeThenParse_KeepsTheBlockAndPlansEveryDayOfTheHorizon() =>
        Gen.Select(PropertyTests.ScenarioGen, Gen.Int[0, 9], Gen.Int[0, 36_000], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 3])
            .Sample((scenario, pick, startDay, warn, extra, absent) =>
            {
                // Any approach, any start from 2000 to 2098, thresholds 0..10 with warnAbove <= alertAbove; some values absent.
                decimal warnAbove = warn / 100m, alertAbove = Math.Min(10m, warnAbove + (extra / 100m));
                var monitoring = new Monitoring(
                    absent == 0 ? null : scenario.Approaches[pick % scenario.Approaches.Count].Id,
                    absent == 1 ? null : ScenarioLimits.MinStartDate.AddDays(startDay),
                    absent == 2 ? null : warnAbove,
                    absent == 2 ? null : alertAbove,
                    absent == 3 ? null : extra / 7m);
                Scenario monitored = scenario with { Monitoring = monitoring };

                Scenario parsed = Samples.Parse(ScenarioJson.Serialize(monitored));
                MonitorPlan plan = MonitorPlan.Of(parsed, new DateOnly(2026, 1, 1));

                Assert.Equal(monitoring, parsed.Monitoring);
                Assert.True(plan.Plan(plan.StartDate) >= 0m && plan.Plan(plan.HorizonEnd) >= 0m && plan.HorizonEnd > plan.StartDate);
            }, iter: Iterations);

    private static DayUsage Day(MonitorPlan plan, DateOnly date, decimal spend) =>
        plan.Day(date, [new UsageRecord(date, "prompt", 1, null, null, null, spend, null)]);
}
