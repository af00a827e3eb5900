using FineTune.Core;

namespace FineTune.Charts;

/// <summary>
/// The charts of an analysis, by kind: each adapts a part of the <see cref="Analysis"/> to its chart's own input. The
/// payback chart shows the quality-adjusted view, the one the recommendation weighs, and says so.
/// </summary>
public static class AnalysisCharts
{
    /// <summary>The optional sections (economics.md section 7) the analysis of <paramref name="kind"/> must carry.</summary>
    public static AnalysisSections SectionsOf(ChartKind kind) => kind switch
    {
        ChartKind.Payback or ChartKind.Costs => AnalysisSections.Timeline,
        ChartKind.Sensitivity => AnalysisSections.Sensitivity,
        ChartKind.Scale => AnalysisSections.None,
        ChartKind.Monitor => throw new ArgumentOutOfRangeException(
            nameof(kind), kind, "The monitor chart draws a stored scenario's usage, not its analysis."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chart kind."),
    };

    /// <summary>
    /// Draws <paramref name="kind"/> from <paramref name="analysis"/>, the analysis of <paramref name="scenario"/> with
    /// (at least) the sections <see cref="SectionsOf"/> names; the scenario gives the retraining cadence the timeline steps at.
    /// </summary>
    public static byte[] Draw(ChartKind kind, Scenario scenario, Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(analysis);
        return kind switch
        {
            ChartKind.Payback => PaybackChart.Render(PaybackChartInput.From(scenario, analysis)),
            ChartKind.Costs => CostsChart.Render(CostsChartInput.From(scenario, analysis)),
            ChartKind.Sensitivity => SensitivityChart.Render(SensitivityChartInput.From(analysis)),
            ChartKind.Scale => ScaleChart.Render(ScaleChartInput.From(analysis)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chart drawn from an analysis."),
        };
    }
}
