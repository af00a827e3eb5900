using System.Xml.Linq;
using FineTune.Core;

namespace FineTune.Charts.Tests;

public sealed class ScaleChartTests
{
    [Fact]
    public void Render_BarLengths_AreProportionalToCostAndStartAtZero()
    {
        // 1 : 2 : 4 cents a request.
        var input = new ScaleChartInput(
            [new ScaleGroup(1, 1_000m, "a", [new ScaleBar("a", 0, 0.01m), new ScaleBar("b", 1, 0.02m), new ScaleBar("c", 2, 0.04m)])]);
        SvgReader svg = new(ScaleChart.Render(input));
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.MoneyTick);

        IReadOnlyList<XElement> bars = svg.All("bar");

        Assert.Equal([x(0m)], bars.Select(b => SvgReader.Number(b, "x")).Distinct());
        Assert.All(svg.All("zero-line"), line => SvgReader.Near(x(0m), SvgReader.Number(line, "x1")));
        decimal cent = x(0.01m) - x(0m);
        Assert.Equal([cent, 2m * cent, 4m * cent], bars.Select(b => Math.Round(SvgReader.Number(b, "width"), 1)).Select(w => Math.Round(w, 1)));
        Assert.Equal(["$0.01", "$0.02", "$0.04"], svg.All("bar-value").Select(v => v.Value));
    }

    [Fact]
    public void Render_Sample_DrawsEveryApproachAtEveryScaleToTheAxis()
    {
        Analysis analysis = ChartSamples.SupportTriage();
        SvgReader svg = new SvgReader(ScaleChart.Render(ScaleChartInput.From(analysis))).Keep("scale-support-triage");
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.MoneyTick);

        IReadOnlyList<XElement> bars = svg.All("bar");
        List<ScaleApproach> expected = analysis.Scale.SelectMany(s => s.Approaches).ToList();

        Assert.Equal(9, bars.Count);
        for (int i = 0; i < bars.Count; i++)
        {
            decimal end = SvgReader.Number(bars[i], "x") + SvgReader.Number(bars[i], "width");
            Assert.InRange(end, x(expected[i].FullyLoadedCost) - 0.01m, x(expected[i].FullyLoadedCost) + 0.01m);
        }
        Assert.Equal(expected.Select(a => MoneyText.Format(a.FullyLoadedCost)), svg.All("bar-value").Select(v => v.Value));
    }

    [Fact]
    public void Render_Sample_DescriptionSaysEveryFigureAndTheRecommendation()
    {
        Analysis analysis = ChartSamples.SupportTriage();
        SvgReader svg = new(ScaleChart.Render(ScaleChartInput.From(analysis)));

        Assert.Equal("Cost per request as volume grows", svg.Title);
        Assert.StartsWith("Fully loaded cost per request (the horizon's cost over its requests) of each approach as the monthly volume "
            + "is multiplied by 1x, 10x and 100x. At 1x, 2,000,000 requests a month: prompt $", svg.Description, StringComparison.Ordinal);
        foreach (ScaleCheck scale in analysis.Scale)
        {
            string figures = string.Join(", ", scale.Approaches.Select(a => $"{a.Id} {MoneyText.Format(a.FullyLoadedCost)}"));
            Assert.Contains($"At {scale.Multiplier}x, {scale.RequestsPerMonth:#,##0} requests a month: {figures}; recommended: {scale.RecommendedApproachId}.",
                svg.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_RecommendedApproach_IsNamedInItsGroupsHeading()
    {
        Analysis analysis = ChartSamples.SupportTriage();
        SvgReader svg = new(ScaleChart.Render(ScaleChartInput.From(analysis)));

        Assert.Equal(
            analysis.Scale.Select(s => $"{s.Multiplier}x: {s.RequestsPerMonth:#,##0} requests/month, best: {s.RecommendedApproachId}"),
            svg.All("scale-heading").Select(h => h.Value));
    }
}
