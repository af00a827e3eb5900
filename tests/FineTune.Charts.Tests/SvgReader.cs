using System.Globalization;
using System.Xml.Linq;
using FineTune.Testing;

namespace FineTune.Charts.Tests;

/// <summary>A drawn chart parsed back as XML, with what the tests measure: elements by class, numbers, the axes' scales.</summary>
internal sealed class SvgReader
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public SvgReader(byte[] svg)
    {
        Bytes = svg;
        Document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg));
    }

    public byte[] Bytes { get; }

    public XDocument Document { get; }

    public XElement Root => Document.Root!;

    public string Title => Root.Element(Ns + "title")!.Value;

    public string Description => Root.Element(Ns + "desc")!.Value;

    /// <summary>Elements whose class list holds <paramref name="role"/>.</summary>
    public IReadOnlyList<XElement> All(string role) =>
        Root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(role) == true).ToList();

    public XElement One(string role) => Assert.Single(All(role));

    public static decimal Number(XElement element, string attribute) =>
        decimal.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The points of a polyline.</summary>
    public static IReadOnlyList<(decimal X, decimal Y)> Points(XElement polyline) =>
        ((string)polyline.Attribute("points")!).Split(' ').Select(pair => pair.Split(','))
            .Select(xy => (decimal.Parse(xy[0], CultureInfo.InvariantCulture), decimal.Parse(xy[1], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>
    /// The linear map from data to position that the ticks of <paramref name="role"/> (x-tick or y-tick) state: each tick's
    /// label read back as a number, its position from <paramref name="coordinate"/>. Asserts the ticks are evenly spaced.
    /// </summary>
    public Func<decimal, decimal> Scale(string role, string coordinate, Func<string, decimal> parse)
    {
        List<(decimal Value, decimal Position)> ticks = All(role).Select(t => (parse(t.Value), Number(t, coordinate))).ToList();
        Assert.True(ticks.Count >= 2, $"fewer than two {role}s");
        (decimal v0, decimal p0) = ticks[0];
        (decimal v1, decimal p1) = ticks[^1];
        decimal slope = (p1 - p0) / (v1 - v0);
        foreach ((decimal value, decimal position) in ticks)
        {
            Assert.InRange(position, p0 + (value - v0) * slope - 0.02m, p0 + (value - v0) * slope + 0.02m);
        }
        return value => p0 + (value - v0) * slope;
    }

    /// <summary>A money tick back to dollars: <c>$250K</c> is 250000, <c>-$1.5M</c> is -1500000.</summary>
    public static decimal MoneyTick(string text)
    {
        bool negative = text.StartsWith('-');
        string digits = text.TrimStart('-').TrimStart('$');
        decimal factor = digits[^1] switch { 'K' => 1e3m, 'M' => 1e6m, 'B' => 1e9m, 'T' => 1e12m, _ => 1m };
        decimal value = decimal.Parse(factor == 1m ? digits : digits[..^1], CultureInfo.InvariantCulture) * factor;
        return negative ? -value : value;
    }

    /// <summary>Asserts a drawn coordinate is the expected one, up to the two decimals the charts write.</summary>
    public static void Near(decimal expected, decimal actual) => Assert.InRange(actual, expected - 0.006m, expected + 0.006m);

    public static decimal Plain(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Keeps a copy under TestResults/charts, to look at.</summary>
    public SvgReader Keep(string name)
    {
        string folder = RepositoryRoot.Combine("TestResults", "charts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".svg"), Bytes);
        return this;
    }
}
