using System.Xml.Linq;

namespace FineTune.Charts.Tests;

public sealed class SensitivityChartTests
{
    [Fact]
    public void Render_Bars_RunFromTodaysMarginToEachEndsMargin()
    {
        SvgReader svg = new SvgReader(SensitivityChart.Render(ChartSamples.Sensitivity())).Keep("sensitivity-worked-example");
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.MoneyTick);

        IReadOnlyList<XElement> low = svg.All("low");
        IReadOnlyList<XElement> high = svg.All("high");

        // Today's margin is $1,000; accuracy moves it to -$4,000 and $3,500, volume to $600 and $1,400.
        Assert.Equal((x(-4_000m), x(1_000m)), Span(low[0]));
        Assert.Equal((x(1_000m), x(3_500m)), Span(high[0]));
        Assert.Equal((x(600m), x(1_000m)), Span(low[1]));
        Assert.Equal((x(1_000m), x(1_400m)), Span(high[1]));
        // A margin that does not move is a sliver at today's value.
        Assert.Equal((x(1_000m) - 1m, x(1_000m) + 1m), Span(low[2]));
    }

    [Fact]
    public void Render_InputsThatFlipTheAnswer_AreMarked()
    {
        SvgReader svg = new(SensitivityChart.Render(ChartSamples.Sensitivity()));

        XElement flipping = Assert.Single(svg.All("flips"), e => e.Name.LocalName == "g");

        Assert.Equal("approaches[2].accuracy: flips to prompt", flipping.Elements().First().Value);
        Assert.Equal("bold", (string?)flipping.Elements().First().Attribute("font-weight"));
        Assert.Contains("The recommendation changes with approaches[2].accuracy: flips to prompt.", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ZeroLine_IsWhereTheAxisReadsZero()
    {
        SvgReader svg = new(SensitivityChart.Render(ChartSamples.Sensitivity()));
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.MoneyTick);

        Assert.Equal(3, svg.All("zero-line").Count);
        Assert.All(svg.All("zero-line"), line => SvgReader.Near(x(0m), SvgReader.Number(line, "x1")));
    }

    [Fact]
    public void Render_Description_GivesBothEndsOfEveryInput()
    {
        SvgReader svg = new(SensitivityChart.Render(ChartSamples.Sensitivity()));

        Assert.Equal("What would change the answer", svg.Title);
        Assert.Contains("today it is $1,000.00.", svg.Description, StringComparison.Ordinal);
        Assert.Contains("approaches[2].accuracy: -$4,000.00 (prompt recommended) at x0.8, $3,500.00 (fine-tune recommended) at x1.2.",
            svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyInputs_DrawsTheLargestSwingsAndSaysHowManyMore()
    {
        var rows = Enumerable.Range(0, SensitivityChart.MaxRows + 3)
            .Select(i => new SensitivityRow($"input{i}", new(1m, "a", 100m - i), new(2m, "a", 100m + i))).ToList();

        SvgReader svg = new(SensitivityChart.Render(new SensitivityChartInput("a", 100m, rows)));

        Assert.Equal(SensitivityChart.MaxRows, svg.All("row").Count);
        Assert.EndsWith("3 inputs with smaller swings are not drawn.", svg.Description, StringComparison.Ordinal);
    }

    private static (decimal From, decimal To) Span(XElement bar)
    {
        decimal from = SvgReader.Number(bar, "x");
        return (Math.Round(from, 1), Math.Round(from + SvgReader.Number(bar, "width"), 1));
    }
}
