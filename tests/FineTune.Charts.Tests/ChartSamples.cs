using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Charts.Tests;

/// <summary>Inputs the tests draw: the repository's sample analysed, and small hand-made ones whose figures are easy to follow.</summary>
internal static class ChartSamples
{
    public static Analysis SupportTriage() => Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!);

    /// <summary>The repository's sample and its analysis with <paramref name="sections"/>.</summary>
    public static (Scenario Scenario, Analysis Analysis) SupportTriageWith(AnalysisSections sections)
    {
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage()).Scenario!;
        return (scenario, Analyzer.Analyze(scenario, sections: sections));
    }

    /// <summary>
    /// Fine-tune costs $9,000 up front and gains $3,000 a month: -9,000, -6,000, -3,000, 0 at month 3, +3,000 ... so it pays
    /// back in month 3. RAG gains $500 a month from a $2,500 start: back in month 5, after a 4-month horizon it is still behind.
    /// </summary>
    public static PaybackChartInput Payback(int horizon = 12) => new("prompt", AdvantageBasis.QualityAdjusted, horizon,
    [
        new PaybackSeries(ChartSeries.FromMonthEnds("rag", 1, Enumerable.Range(1, horizon).Select(m => -2_500m + 500m * m).ToList(), -2_500m), 5m),
        new PaybackSeries(ChartSeries.FromMonthEnds("fine-tune", 2, Enumerable.Range(1, horizon).Select(m => -9_000m + 3_000m * m).ToList(), -9_000m), 3m),
    ]);

    public static CostsChartInput Costs() => new(12,
    [
        ChartSeries.FromMonthEnds("prompt", 0, Enumerable.Range(1, 12).Select(m => 4_000m * m).ToList()),
        ChartSeries.FromMonthEnds("rag", 1, Enumerable.Range(1, 12).Select(m => 2_500m + 3_500m * m).ToList()),
        ChartSeries.FromMonthEnds("fine-tune", 2, Enumerable.Range(1, 12).Select(m => 9_000m + 1_000m * m).ToList()),
    ]);

    /// <summary>Today fine-tune leads by $1,000; accuracy at x0.8 hands the answer to prompt.</summary>
    public static SensitivityChartInput Sensitivity() => new("fine-tune", 1_000m,
    [
        new SensitivityRow("approaches[2].accuracy", new(0.736m, "prompt", -4_000m), new(1m, "fine-tune", 3_500m)),
        new SensitivityRow("workload.requestsPerMonth", new(1_600_000m, "fine-tune", 600m), new(2_400_000m, "fine-tune", 1_400m)),
        new SensitivityRow("quality.reviewRate", new(0.04m, "fine-tune", 1_000m), new(0.06m, "fine-tune", 1_000m)),
    ]);

    /// <summary>A week in November: day 3 has no record, day 5 spikes to three times the plan.</summary>
    public static MonitorChartInput Monitor() => new(
    [
        new MonitorChartDay(new DateOnly(2026, 11, 1), 100m, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 2), 110m, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 3), null, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 4), 130m, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 5), 300m, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 6), 95m, 100m),
        new MonitorChartDay(new DateOnly(2026, 11, 7), 90m, 100m),
    ],
    [
        new MonitorMark(new DateOnly(2026, 11, 4), AlertKind.OverPlan, AlertSeverity.Warning),
        new MonitorMark(new DateOnly(2026, 11, 5), AlertKind.Spike, AlertSeverity.Alert),
    ]);
}
