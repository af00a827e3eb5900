using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FineTune.Charts;

/// <summary>
/// The SVG elements the charts draw, with every number written in the invariant culture and rounded to two decimals,
/// so that the same input gives the same bytes. Only presentation attributes: no script, no style sheet, no link,
/// nothing fetched, so a chart stands alone in an <c>img</c> tag or an e-mail.
/// </summary>
internal static class Svg
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>The width of every chart's viewBox; text sizes are chosen so that a chart shown 320 px wide stays legible.</summary>
    public const decimal Width = 400m;

    /// <summary>The platform's own interface font: nothing to download, and familiar on every system.</summary>
    public const string FontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>Main text; 16:1 on white.</summary>
    public const string Ink = "#1a1a1a";

    /// <summary>Secondary text and axes; 9:1 on white.</summary>
    public const string MutedInk = "#454545";

    /// <summary>Grid lines, light enough not to compete with the data.</summary>
    public const string Grid = "#dddddd";

    /// <summary>Font size of body text, ticks and legends, in viewBox units (10.4 px when the chart is 320 px wide).</summary>
    public const decimal TextSize = 13m;

    /// <summary>Font size of the chart's visible title.</summary>
    public const decimal TitleSize = 16m;

    /// <summary>A coordinate or length: rounded half away from zero to 2 decimals, trailing zeros dropped, no negative zero.</summary>
    public static string Number(decimal value)
    {
        decimal rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0m ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A straight line.</summary>
    public static XElement Line(decimal x1, decimal y1, decimal x2, decimal y2, string stroke, decimal width, string? dash = null, string? role = null) =>
        Element("line", role,
            ("x1", Number(x1)), ("y1", Number(y1)), ("x2", Number(x2)), ("y2", Number(y2)),
            ("stroke", stroke), ("stroke-width", Number(width)), ("stroke-dasharray", dash));

    /// <summary>A rectangle; a negative width or height is drawn from the other corner.</summary>
    public static XElement Rect(decimal x, decimal y, decimal width, decimal height, string fill, string? role = null, string? stroke = null) =>
        Element("rect", role,
            ("x", Number(width < 0m ? x + width : x)), ("y", Number(height < 0m ? y + height : y)),
            ("width", Number(Math.Abs(width))), ("height", Number(Math.Abs(height))), ("fill", fill), ("stroke", stroke));

    /// <summary>A circle.</summary>
    public static XElement Circle(decimal cx, decimal cy, decimal r, string fill, string? stroke = null, string? role = null) =>
        Element("circle", role, ("cx", Number(cx)), ("cy", Number(cy)), ("r", Number(r)), ("fill", fill), ("stroke", stroke),
            ("stroke-width", stroke is null ? null : "2"));

    /// <summary>An open line through <paramref name="points"/>.</summary>
    public static XElement Polyline(IEnumerable<(decimal X, decimal Y)> points, string stroke, decimal width, string? dash = null, string? role = null) =>
        Element("polyline", role,
            ("points", string.Join(" ", points.Select(p => Number(p.X) + "," + Number(p.Y)))),
            ("fill", "none"), ("stroke", stroke), ("stroke-width", Number(width)), ("stroke-dasharray", dash),
            ("stroke-linejoin", "round"));

    /// <summary>A closed shape through <paramref name="points"/>.</summary>
    public static XElement Polygon(IEnumerable<(decimal X, decimal Y)> points, string fill, string? stroke = null, string? role = null) =>
        Element("polygon", role,
            ("points", string.Join(" ", points.Select(p => Number(p.X) + "," + Number(p.Y)))),
            ("fill", fill), ("stroke", stroke), ("stroke-width", stroke is null ? null : "2"));

    /// <summary>
    /// Text whose baseline is at <paramref name="y"/>, or <paramref name="dy"/> below it (so that <c>y</c> can name the
    /// point a label stands for); <paramref name="anchor"/> is start, middle or end. With <paramref name="halo"/>, a white
    /// outline drawn under the letters keeps a label readable where it crosses a line.
    /// </summary>
    public static XElement Text(
        decimal x, decimal y, string text, string anchor = "start", decimal? size = null, string fill = Ink, bool bold = false,
        string? role = null, decimal? dy = null, bool halo = false) =>
        Element("text", role,
            ("x", Number(x)), ("y", Number(y)), ("dy", dy is decimal shift ? Number(shift) : null), ("text-anchor", anchor == "start" ? null : anchor),
            ("font-size", size is decimal s ? Number(s) : null), ("font-weight", bold ? "bold" : null), ("fill", fill),
            ("stroke", halo ? "#ffffff" : null), ("stroke-width", halo ? "4" : null), ("stroke-linejoin", halo ? "round" : null),
            ("paint-order", halo ? "stroke" : null))
        .WithValue(text);

    /// <summary>A group, tagged with <paramref name="role"/> (its class) so tests and readers can find what it draws.</summary>
    public static XElement Group(string? role, IEnumerable<XElement> children, params (string Name, string? Value)[] attributes)
    {
        XElement group = Element("g", role, attributes);
        group.Add(children);
        return group;
    }

    /// <summary>
    /// The whole document: a <c>viewBox</c> <see cref="Width"/> wide and <paramref name="height"/> high, a white
    /// background, the <c>title</c> and <c>desc</c> a screen reader announces, then <paramref name="content"/>.
    /// </summary>
    public static byte[] Document(string title, string description, decimal height, IEnumerable<XElement> content)
    {
        var root = new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Number(Width)} {Number(height)}"),
            new XAttribute("width", Number(Width)),
            new XAttribute("height", Number(height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "chart-title chart-desc"),
            new XAttribute("font-family", FontStack),
            new XAttribute("font-size", Number(TextSize)),
            new XElement(Ns + "title", new XAttribute("id", "chart-title"), title),
            new XElement(Ns + "desc", new XAttribute("id", "chart-desc"), description),
            Rect(0m, 0m, Width, height, "#ffffff", "background"),
            content);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XElement Element(string name, string? role, params (string Name, string? Value)[] attributes)
    {
        var element = new XElement(Ns + name);
        if (role is not null)
        {
            element.SetAttributeValue("class", role);
        }
        foreach ((string attribute, string? value) in attributes)
        {
            if (value is not null)
            {
                element.SetAttributeValue(attribute, value);
            }
        }
        return element;
    }

    private static XElement WithValue(this XElement element, string value)
    {
        element.Value = value;
        return element;
    }
}
