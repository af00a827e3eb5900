using FineTune.Core;

namespace FineTune.Charts.Tests;

public sealed class AnalysisChartsTests
{
    [Fact]
    public void Draw_Scale_IsTheScaleChartOfTheAnalysis()
    {
        Analysis analysis = ChartSamples.SupportTriage();

        ChartDrawing drawing = AnalysisCharts.Draw(ChartKind.Scale, analysis);

        Assert.Null(drawing.Unavailable);
        Assert.Equal(ScaleChart.Render(ScaleChartInput.From(analysis)), drawing.Svg);
    }

    [Theory]
    [InlineData(ChartKind.Payback, "timeline")]
    [InlineData(ChartKind.Costs, "timeline")]
    [InlineData(ChartKind.Sensitivity, "sensitivity section")]
    public void Draw_KindWithoutItsFigures_SaysWhichSectionItNeeds(ChartKind kind, string section)
    {
        ChartDrawing drawing = AnalysisCharts.Draw(kind, ChartSamples.SupportTriage());

        Assert.Null(drawing.Svg);
        Assert.Contains(section, drawing.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartKind_RouteNames_AreTheApisKinds() =>
        Assert.Equal(["payback", "costs", "sensitivity", "scale", "monitor"], EnumText.All<ChartKind>());
}
