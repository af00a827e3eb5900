namespace FineTune.Charts.Tests;

public sealed class PaybackChartTests
{
    private static SvgReader Draw(PaybackChartInput input) => new(PaybackChart.Render(input));

    [Fact]
    public void Render_PaybackPoint_SitsAtPaybackMonthsOnTheZeroLine()
    {
        SvgReader svg = Draw(ChartSamples.Payback()).Keep("payback-worked-example");
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.Plain);
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        IReadOnlyList<System.Xml.Linq.XElement> markers = svg.All("payback-marker");

        // rag pays back in month 5, fine-tune in month 3, both on the zero line.
        Assert.Equal(2, markers.Count);
        SvgReader.Near(x(5m), SvgReader.Number(markers[0], "cx"));
        SvgReader.Near(x(3m), SvgReader.Number(markers[1], "cx"));
        Assert.All(markers, m => SvgReader.Near(y(0m), SvgReader.Number(m, "cy")));
        Assert.Equal(["month 5", "month 3"], svg.All("payback-label").Select(l => l.Value));
    }

    [Fact]
    public void Render_ZeroLine_IsWhereTheAxisReadsZero()
    {
        SvgReader svg = Draw(ChartSamples.Payback());
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        System.Xml.Linq.XElement zero = svg.One("zero-line");

        SvgReader.Near(y(0m), SvgReader.Number(zero, "y1"));
        SvgReader.Near(y(0m), SvgReader.Number(zero, "y2"));
    }

    [Fact]
    public void Render_Lines_PassThroughEveryMonthEnd()
    {
        PaybackChartInput input = ChartSamples.Payback();
        SvgReader svg = Draw(input);
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.Plain);
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        IReadOnlyList<System.Xml.Linq.XElement> lines = svg.All("series");

        Assert.Equal(2, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            // Start at -oneTimeDelta, then one point per month end: 13 points for 12 months.
            IReadOnlyList<(decimal X, decimal Y)> drawn = SvgReader.Points(lines[i]);
            IReadOnlyList<ChartPoint> expected = input.Approaches[i].Advantage.Points;
            Assert.Equal(13, drawn.Count);
            for (int p = 0; p < drawn.Count; p++)
            {
                Assert.InRange(drawn[p].X, x(expected[p].X) - 0.01m, x(expected[p].X) + 0.01m);
                Assert.InRange(drawn[p].Y, y(expected[p].Y) - 0.01m, y(expected[p].Y) + 0.01m);
            }
        }
    }

    [Fact]
    public void Render_PaybackAfterTheHorizon_IsNotMarkedButSaid()
    {
        // A 4-month horizon: fine-tune (month 3) is marked, rag (month 5) is not.
        SvgReader svg = Draw(ChartSamples.Payback(horizon: 4));

        Assert.Equal(["month 3"], svg.All("payback-label").Select(l => l.Value));
        Assert.Contains("rag pays back in month 5, after the horizon; behind by $500.00 at month 4.", svg.Description, StringComparison.Ordinal);
        Assert.Contains("fine-tune pays back in month 3; ahead by $3,000.00 at month 4.", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NeverPaysBack_SaysSoInTheLegendAndDescription()
    {
        var input = new PaybackChartInput("prompt", AdvantageBasis.Cost, 6,
            [new PaybackSeries(ChartSeries.FromMonthEnds("rag", 1, [-1_100m, -1_200m, -1_300m, -1_400m, -1_500m, -1_600m], -1_000m), null)]);

        SvgReader svg = Draw(input);

        Assert.Empty(svg.All("payback-marker"));
        Assert.Contains(svg.All("legend-entry"), e => e.Value == "rag: never pays back within 600 months");
        Assert.Contains("rag never pays back within 600 months; behind by $1,600.00 at month 6.", svg.Description, StringComparison.Ordinal);
        Assert.Contains("counting inference, fixed and training costs", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleAndDescription_SayTheMainFigures()
    {
        SvgReader svg = Draw(ChartSamples.Payback());

        Assert.Equal("Payback against prompt", svg.Title);
        Assert.Equal(
            "Cumulative advantage of each approach over prompt, month by month over 12 months, counting inference, fixed, "
            + "training, review and error costs. rag pays back in month 5; ahead by $3,500.00 at month 12. fine-tune pays back "
            + "in month 3; ahead by $27,000.00 at month 12.",
            svg.Description);
    }
}
