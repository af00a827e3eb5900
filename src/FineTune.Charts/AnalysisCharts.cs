using FineTune.Core;

namespace FineTune.Charts;

/// <summary>
/// The charts of an analysis, by kind: each adapts a part of the <see cref="Analysis"/> to its chart's own input. A kind
/// whose figures the analysis does not carry yet answers why instead.
/// </summary>
public static class AnalysisCharts
{
    /// <summary>Draws <paramref name="kind"/> from <paramref name="analysis"/>.</summary>
    public static ChartDrawing Draw(ChartKind kind, Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return kind switch
        {
            ChartKind.Scale => ChartDrawing.Of(ScaleChart.Render(ScaleChartInput.From(analysis))),
            // PaybackChartInput and CostsChartInput take the timeline's month ends (ChartSeries.FromMonthEnds);
            // SensitivityChartInput takes the sensitivity rows as they are.
            ChartKind.Payback => ChartDrawing.Missing(
                "The payback chart draws the analysis' timeline (economics.md section 7), which this version does not compute yet."),
            ChartKind.Costs => ChartDrawing.Missing(
                "The costs chart draws the analysis' timeline (economics.md section 7), which this version does not compute yet."),
            ChartKind.Sensitivity => ChartDrawing.Missing(
                "The sensitivity chart draws the analysis' sensitivity section (economics.md section 7), which this version does not compute yet."),
            ChartKind.Monitor => throw new ArgumentOutOfRangeException(
                nameof(kind), kind, "The monitor chart draws a stored scenario's usage, not its analysis."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chart kind."),
        };
    }
}
