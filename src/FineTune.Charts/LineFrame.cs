using System.Xml.Linq;

namespace FineTune.Charts;

/// <summary>
/// The frame of a line chart: visible title, the y axis' title above the plot (readable at any width, unlike a rotated
/// one), grid, ticks, the zero line, the x axis' title and a legend of one entry per line beneath.
/// </summary>
internal sealed class LineFrame
{
    /// <summary>Left edge of the plot, leaving room for the y ticks.</summary>
    public const decimal Left = 62m;

    /// <summary>Right edge of the plot.</summary>
    public const decimal Right = Svg.Width - 18m;

    /// <summary>Top edge of the plot.</summary>
    public const decimal Top = 62m;

    /// <summary>Bottom edge of the plot.</summary>
    public const decimal Bottom = Top + 190m;

    private const decimal LegendTop = Bottom + 62m;
    private const decimal LegendRow = 21m;
    private const int LegendCharacters = 50;

    private readonly List<XElement> elements = [];
    private readonly List<XElement> legend = [];

    public LineFrame(string title, string yTitle, string xTitle, Axis x, Axis y, Func<decimal, string> xTick, Func<decimal, string> yTick)
    {
        X = x;
        Y = y;
        elements.Add(Svg.Text(12m, 24m, ChartText.Clip(title, 44), size: Svg.TitleSize, bold: true, role: "chart-title"));
        elements.Add(Svg.Text(12m, 46m, ChartText.Clip(yTitle, 52), fill: Svg.MutedInk, role: "y-title"));
        var grid = new List<XElement>();
        foreach (decimal tick in y.Ticks())
        {
            decimal position = y.Map(tick);
            grid.Add(Svg.Line(Left, position, Right, position, Svg.Grid, 1m));
            grid.Add(Svg.Text(Left - 6m, position, yTick(tick), "end", fill: Svg.MutedInk, role: "y-tick", dy: 4.5m));
        }
        foreach (decimal tick in x.Ticks())
        {
            decimal position = x.Map(tick);
            grid.Add(Svg.Line(position, Bottom, position, Bottom + 5m, Svg.MutedInk, 1m));
            grid.Add(Svg.Text(position, Bottom + 20m, xTick(tick), "middle", fill: Svg.MutedInk, role: "x-tick"));
        }
        elements.Add(Svg.Group("grid", grid));
        elements.Add(Svg.Line(Left, Bottom, Right, Bottom, Svg.MutedInk, 1m, role: "x-axis"));
        elements.Add(Svg.Line(Left, Top, Left, Bottom, Svg.MutedInk, 1m, role: "y-axis"));
        decimal zero = y.Map(0m);
        elements.Add(Svg.Line(Left, zero, Right, zero, Svg.Ink, 1.5m, role: "zero-line"));
        elements.Add(Svg.Text((Left + Right) / 2m, Bottom + 40m, xTitle, "middle", fill: Svg.MutedInk, role: "x-title"));
    }

    /// <summary>The horizontal axis.</summary>
    public Axis X { get; }

    /// <summary>The vertical axis.</summary>
    public Axis Y { get; }

    /// <summary>The document's height: the legend's last line and a margin.</summary>
    public decimal Height => LegendTop + legend.Count * LegendRow;

    /// <summary>Draws <paramref name="element"/> above the frame.</summary>
    public void Add(XElement element) => elements.Add(element);

    /// <summary>A line of <paramref name="points"/> in data units.</summary>
    public XElement Line(IEnumerable<ChartPoint> points, SeriesStyle style, string role) =>
        Svg.Polyline(points.Select(p => (X.Map(p.X), Y.Map(p.Y))), style.Colour, 2.5m, style.Dash, role);

    /// <summary>A legend entry whose swatch is a short line in <paramref name="style"/>.</summary>
    public void LegendLine(SeriesStyle style, string text) =>
        AddLegend(Svg.Line(14m, 0m, 44m, 0m, style.Colour, 3m, style.Dash), text);

    /// <summary>A legend entry whose swatch is <paramref name="swatch"/>, drawn around (29, 0).</summary>
    public void AddLegend(XElement swatch, string text)
    {
        decimal y = LegendTop + legend.Count * LegendRow;
        legend.Add(Svg.Group("legend-entry",
            [swatch, Svg.Text(52m, 4.5m, ChartText.Clip(text, LegendCharacters))],
            ("transform", $"translate(0 {Svg.Number(y - LegendRow / 2m)})")));
    }

    /// <summary>Everything drawn, frame first.</summary>
    public IEnumerable<XElement> Content() => elements.Append(Svg.Group("legend", legend));
}
