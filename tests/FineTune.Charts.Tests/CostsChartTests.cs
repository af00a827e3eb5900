namespace FineTune.Charts.Tests;

public sealed class CostsChartTests
{
    [Fact]
    public void Render_Lines_PassThroughEveryMonthEnd()
    {
        CostsChartInput input = ChartSamples.Costs();
        SvgReader svg = new SvgReader(CostsChart.Render(input)).Keep("costs-worked-example");
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.Plain);
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        IReadOnlyList<System.Xml.Linq.XElement> lines = svg.All("series");

        Assert.Equal(3, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            IReadOnlyList<(decimal X, decimal Y)> drawn = SvgReader.Points(lines[i]);
            Assert.Equal(12, drawn.Count);
            for (int m = 0; m < 12; m++)
            {
                ChartPoint point = input.Approaches[i].Points[m];
                Assert.Equal(m + 1, point.X);
                Assert.InRange(drawn[m].X, x(point.X) - 0.01m, x(point.X) + 0.01m);
                Assert.InRange(drawn[m].Y, y(point.Y) - 0.01m, y(point.Y) + 0.01m);
            }
        }
    }

    [Fact]
    public void Render_Description_GivesEachTotalAndTheCheapest()
    {
        SvgReader svg = new(CostsChart.Render(ChartSamples.Costs()));

        // prompt 4,000 x 12 = 48,000; rag 2,500 + 3,500 x 12 = 44,500; fine-tune 9,000 + 1,000 x 12 = 21,000.
        Assert.Equal("Cumulative all-in cost", svg.Title);
        Assert.EndsWith(
            "At the end: prompt $48,000.00, rag $44,500.00, fine-tune $21,000.00. fine-tune costs least, $21,000.00 by month 12.",
            svg.Description, StringComparison.Ordinal);
        Assert.Equal(
            ["prompt: $48,000.00 by month 12", "rag: $44,500.00 by month 12", "fine-tune: $21,000.00 by month 12"],
            svg.All("legend-entry").Select(e => e.Value));
    }

    [Fact]
    public void Render_Slots_KeepEachApproachsColourAcrossCharts()
    {
        SvgReader costs = new(CostsChart.Render(ChartSamples.Costs()));
        SvgReader payback = new(PaybackChart.Render(ChartSamples.Payback()));

        // rag is slot 1 and fine-tune slot 2 in both charts, though the payback chart has no baseline line.
        Assert.Equal((string?)costs.All("series")[1].Attribute("stroke"), (string?)payback.All("series")[0].Attribute("stroke"));
        Assert.Equal((string?)costs.All("series")[2].Attribute("stroke"), (string?)payback.All("series")[1].Attribute("stroke"));
    }
}
