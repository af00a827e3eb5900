using BenchmarkDotNet.Attributes;
using FineTune.Core;

namespace FineTune.Core.Performance;

/// <summary>
/// The monitoring maths of a scenario with a year of daily records (the repository's sample, monitored on its prompt
/// approach): the alert rules evaluated as a year of records arrives in one batch, and the monitor view of that year.
/// </summary>
[MemoryDiagnoser]
public class MonitorBenchmarks
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private const string ScenarioId = "0190f5c2a1b27c3d8e9f00112233aabb";

    private MonitorPlan plan = null!;
    private UsageRecord[] records = null!;
    private Dictionary<DateOnly, DayUsage> days = null!;

    [GlobalSetup]
    public void Setup()
    {
        using Stream sample = typeof(MonitorBenchmarks).Assembly.GetManifestResourceStream("support-triage.json")
            ?? throw new InvalidOperationException("The sample scenario is embedded in this assembly.");
        using var copy = new MemoryStream();
        sample.CopyTo(copy);
        Scenario scenario = ScenarioJson.Parse(copy.ToArray()).Scenario! with { Monitoring = new Monitoring("prompt", Start, null, null, null) };
        plan = MonitorPlan.Of(scenario, Start);
        var random = new Random(42);
        records = [.. Enumerable.Range(0, 365).Select(d =>
        {
            DateOnly date = Start.AddDays(d);
            decimal factor = (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.75m : 1.1m) * (0.96m + (random.Next(0, 81) / 1000m));
            long requests = (long)(66_000m * factor);
            return new UsageRecord(date, "prompt", requests, requests * 2400, requests * 1800, requests * 300,
                Math.Round(Smooth(plan, date) * factor * (d == 200 ? 3m : 1m), 2), requests / 10);
        })];
        days = DaysOf(plan, records);
    }

    /// <summary>Sums a year of records into days and evaluates over-plan, spike and accuracy for each: one year-long post.</summary>
    [Benchmark]
    public int EvaluateAYearOfArrivals()
    {
        Dictionary<DateOnly, DayUsage> series = DaysOf(plan, records);
        int fired = 0;
        foreach (UsageRecord record in records)
        {
            fired += AlertRules.OnArrival(plan, ScenarioId, record.Date, series).Count;
        }
        return fired;
    }

    /// <summary>The monitor view of the year: days, months, to date and the forecast over the 24-month horizon.</summary>
    [Benchmark]
    public MonitorView BuildTheMonitorViewOfAYear() => MonitorReport.Build(plan, days, Start, Start.AddDays(364), Start.AddDays(364));

    // The plan month's cost spread evenly over an average month: real spend does not jump with the calendar month's length.
    private static decimal Smooth(MonitorPlan plan, DateOnly date) => plan.Plan(date) * MonitorPlan.DaysInMonth(date) / 30.4375m;

    private static Dictionary<DateOnly, DayUsage> DaysOf(MonitorPlan plan, UsageRecord[] records) =>
        records.ToDictionary(record => record.Date, record => plan.Day(record.Date, [record]));
}
