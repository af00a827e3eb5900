using System.Xml.Linq;
using CsCheck;
using FineTune.Core;

namespace FineTune.Charts.Tests;

/// <summary>
/// What every chart must be, whatever it draws: the same bytes for the same input, a stand-alone document (viewBox,
/// title, description, the system's font) with nothing that runs or loads from elsewhere, every mark inside its viewBox.
/// </summary>
public sealed class SafetyTests
{
    public static TheoryData<string> Kinds => new() { "payback", "costs", "sensitivity", "scale", "monitor" };

    private static byte[] Draw(string kind) => kind switch
    {
        "payback" => PaybackChart.Render(ChartSamples.Payback()),
        "costs" => CostsChart.Render(ChartSamples.Costs()),
        "sensitivity" => SensitivityChart.Render(ChartSamples.Sensitivity()),
        "scale" => ScaleChart.Render(ScaleChartInput.From(ChartSamples.SupportTriage())),
        "monitor" => MonitorChart.Render(ChartSamples.Monitor()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_SameInput_GivesTheSameBytes(string kind) => Assert.Equal(Draw(kind), Draw(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_Document_StandsAlone(string kind) => AssertStandsAlone(new SvgReader(Draw(kind)));

    [Fact]
    public void Render_GeneratedPaybackInputs_StandAlone() =>
        Gen.Select(Gen.Int[1, 120], Gen.Int[1, 10], Gen.Decimal[-1e9m, 1e9m], Gen.Decimal[-1e6m, 1e6m], Gen.Decimal[0m, 130m])
            .Sample((horizon, approaches, start, perMonth, payback) =>
            {
                var input = new PaybackChartInput("prompt", AdvantageBasis.Cost, horizon, Enumerable.Range(0, approaches)
                    .Select(i => new PaybackSeries(ChartSeries.FromMonthEnds($"a{i}", i + 1,
                        Enumerable.Range(1, horizon).Select(m => start / (i + 1) + perMonth * m).ToList(), start / (i + 1)), i % 3 == 0 ? null : payback))
                    .ToList());
                byte[] svg = PaybackChart.Render(input);
                AssertStandsAlone(new SvgReader(svg));
                Assert.Equal(svg, PaybackChart.Render(input));
            }, iter: 200);

    [Fact]
    public void Render_GeneratedScaleInputs_StandAlone() =>
        Gen.Select(Gen.Int[1, 10], Gen.Decimal[0m, 1_000m], Gen.Decimal[0.000001m, 1e12m])
            .Sample((approaches, largest, volume) =>
            {
                var input = new ScaleChartInput(((int[])[1, 10, 100]).Select(multiplier => new ScaleGroup(multiplier, volume * multiplier,
                    approaches > 1 ? "a1" : null,
                    Enumerable.Range(0, approaches).Select(i => new ScaleBar($"a{i}", i, largest * i / approaches / multiplier)).ToList())).ToList());
                AssertStandsAlone(new SvgReader(ScaleChart.Render(input)));
            }, iter: 200);

    [Fact]
    public void Render_GeneratedSensitivityInputs_StandAlone() =>
        Gen.Select(Gen.Int[0, 40], Gen.Decimal[-1e9m, 1e9m].Nullable(), Gen.Decimal[-1e9m, 1e9m])
            .Sample((count, current, spread) =>
            {
                var rows = Enumerable.Range(0, count).Select(i => new SensitivityRow($"input{i}",
                    new(i, i % 2 == 0 ? "a" : "b", current is null ? null : current - spread / (i + 1)),
                    new(i, "a", current is null ? null : current + spread / (i + 2)))).ToList();
                AssertStandsAlone(new SvgReader(SensitivityChart.Render(new SensitivityChartInput("a", current, rows))));
            }, iter: 200);

    [Fact]
    public void Render_GeneratedMonitorInputs_StandAlone() =>
        Gen.Select(Gen.Int[1, 366], Gen.Decimal[0m, 1e6m], Gen.Int[0, 10])
            .Sample((days, scale, alerts) =>
            {
                var first = new DateOnly(2026, 1, 1);
                var input = new MonitorChartInput(
                    Enumerable.Range(0, days).Select(d => new MonitorChartDay(first.AddDays(d), d % 5 == 4 ? null : scale * (d % 7), scale)).ToList(),
                    Enumerable.Range(0, Math.Min(alerts, days)).Select(a => new MonitorMark(first.AddDays(a), AlertKind.Spike,
                        a % 2 == 0 ? AlertSeverity.Alert : AlertSeverity.Warning)).ToList());
                AssertStandsAlone(new SvgReader(MonitorChart.Render(input)));
            }, iter: 100);

    private static void AssertStandsAlone(SvgReader svg)
    {
        XElement root = svg.Root;
        Assert.Equal(SvgReader.Ns + "svg", root.Name);
        decimal[] viewBox = ((string)root.Attribute("viewBox")!).Split(' ').Select(SvgReader.Plain).ToArray();
        Assert.Equal([0m, 0m, 400m], viewBox[..3]);
        Assert.Equal(viewBox[2], SvgReader.Number(root, "width"));
        Assert.Equal(viewBox[3], SvgReader.Number(root, "height"));
        Assert.StartsWith("system-ui,", (string?)root.Attribute("font-family"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(svg.Title));
        Assert.False(string.IsNullOrWhiteSpace(svg.Description));

        // Nothing that runs, embeds or fetches: no script, no foreign content, no image, no link, no style sheet.
        string[] forbidden = ["script", "foreignObject", "image", "a", "use", "style", "iframe", "object", "feImage"];
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => forbidden.Contains(e.Name.LocalName) || e.Name.Namespace != SvgReader.Ns);
        foreach (XAttribute attribute in root.DescendantsAndSelf().Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            Assert.False(attribute.Name.LocalName.Contains("href", StringComparison.OrdinalIgnoreCase), attribute.ToString());
            Assert.False(attribute.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), attribute.ToString());
            Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("//", attribute.Value, StringComparison.Ordinal);
        }

        // Every coordinate is a plain number inside the viewBox (text may overhang by its own width, so only its anchor is checked).
        foreach (XElement element in root.Descendants())
        {
            foreach (string name in (string[])["x", "x1", "x2", "cx"])
            {
                if (element.Attribute(name) is { } x)
                {
                    Assert.InRange(SvgReader.Plain(x.Value), -1m, viewBox[2] + 1m);
                }
            }
            foreach (string name in (string[])["y", "y1", "y2", "cy"])
            {
                if (element.Attribute(name) is { } y)
                {
                    Assert.InRange(SvgReader.Plain(y.Value), -1m, viewBox[3] + 1m);
                }
            }
            if (element.Attribute("points") is { } points)
            {
                Assert.All(SvgReader.Points(element), p =>
                {
                    Assert.InRange(p.X, -1m, viewBox[2] + 1m);
                    Assert.InRange(p.Y, -10m, viewBox[3] + 1m);
                });
            }
        }
    }
}
