using BenchmarkDotNet.Attributes;
using FineTune.Charts;
using FineTune.Core;

namespace FineTune.Charts.Performance;

/// <summary>
/// Drawing a chart costs little next to the analysis it draws: the sample's charts from its analysis, and the largest
/// inputs a scenario can give (ten approaches over 120 months, a year of daily usage, every input of the tornado).
/// </summary>
[MemoryDiagnoser]
public class ChartBenchmarks
{
    private ScaleChartInput scale = null!;
    private PaybackChartInput payback = null!;
    private CostsChartInput costs = null!;
    private SensitivityChartInput sensitivity = null!;
    private MonitorChartInput monitor = null!;
    private Scenario sampleScenario = null!;
    private Analysis sampleAnalysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        using Stream sample = typeof(ChartBenchmarks).Assembly.GetManifestResourceStream("support-triage.json")
            ?? throw new InvalidOperationException("The sample scenario is embedded in this assembly.");
        using var copy = new MemoryStream();
        sample.CopyTo(copy);
        sampleScenario = ScenarioJson.Parse(copy.ToArray()).Scenario!;
        scale = ScaleChartInput.From(Analyzer.Analyze(sampleScenario));
        sampleAnalysis = Analyzer.Analyze(sampleScenario, sections: AnalysisSections.Timeline | AnalysisSections.Sensitivity);

        payback = new PaybackChartInput("prompt", AdvantageBasis.QualityAdjusted, 120, Enumerable.Range(1, 9)
            .Select(i => new PaybackSeries(ChartSeries.FromMonthEnds($"approach-{i}", i,
                Enumerable.Range(1, 120).Select(m => -10_000m * i + 321.37m * m * i).ToList(), -10_000m * i), 31.12m))
            .ToList());
        costs = new CostsChartInput(120, Enumerable.Range(0, 10)
            .Select(i => ChartSeries.FromMonthEnds($"approach-{i}", i, Enumerable.Range(1, 120).Select(m => 5_000m * i + 1_234.56m * m).ToList()))
            .ToList());
        sensitivity = new SensitivityChartInput("fine-tune", 1_000m, Enumerable.Range(0, 96)
            .Select(i => new SensitivityRow($"approaches[{i % 10}].input{i}", new(i, i % 7 == 0 ? "prompt" : "fine-tune", 1_000m - 37m * i),
                new(i, "fine-tune", 1_000m + 29m * i)))
            .ToList());
        var first = new DateOnly(2026, 1, 1);
        monitor = new MonitorChartInput(
            Enumerable.Range(0, 366).Select(d => new MonitorChartDay(first.AddDays(d), 100m + d % 17, 100m)).ToList(),
            Enumerable.Range(0, 12).Select(a => new MonitorMark(first.AddDays(a * 30), AlertKind.Spike, AlertSeverity.Alert)).ToList());
    }

    [Benchmark]
    public byte[] ScaleOfTheSample() => ScaleChart.Render(scale);

    [Benchmark]
    public byte[] PaybackTenApproaches120Months() => PaybackChart.Render(payback);

    [Benchmark]
    public byte[] PaybackOfTheSample() => AnalysisCharts.Draw(ChartKind.Payback, sampleScenario, sampleAnalysis);

    [Benchmark]
    public byte[] CostsOfTheSample() => AnalysisCharts.Draw(ChartKind.Costs, sampleScenario, sampleAnalysis);

    [Benchmark]
    public byte[] SensitivityOfTheSample() => AnalysisCharts.Draw(ChartKind.Sensitivity, sampleScenario, sampleAnalysis);

    [Benchmark]
    public byte[] CostsTenApproaches120Months() => CostsChart.Render(costs);

    [Benchmark]
    public byte[] SensitivityOf96Inputs() => SensitivityChart.Render(sensitivity);

    [Benchmark]
    public byte[] MonitorOfAYear() => MonitorChart.Render(monitor);
}
