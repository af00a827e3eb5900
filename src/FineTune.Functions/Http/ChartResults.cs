using FineTune.Charts;
using FineTune.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FineTune.Functions.Http;

/// <summary>The answers of the chart functions: an SVG document, or the 404 of a kind there is not.</summary>
public static class ChartResults
{
    /// <summary>The media type of every chart.</summary>
    public const string SvgContentType = "image/svg+xml";

    // Opened on its own, a chart may run nothing and load nothing; in an img tag the browser runs nothing anyway.
    private const string SvgPolicy = "default-src 'none'";

    /// <summary>The kind named in the route, or a 404 that lists the kinds there are (<paramref name="kinds"/>).</summary>
    public static RequestValue<ChartKind> ReadKind(string? text, IReadOnlyList<ChartKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return EnumText.TryParse(text, out ChartKind kind) && kinds.Contains(kind)
            ? RequestValue<ChartKind>.Accept(kind)
            : new RefusalResult(Problems.NotFound(
                $"No chart named '{text}' here; the kinds are {string.Join(", ", kinds.Select(EnumText.Of))}."));
    }

    /// <summary>200 with an SVG document.</summary>
    public static IActionResult Svg(byte[] svg) =>
        new JsonBodyResult(StatusCodes.Status200OK, svg, SvgContentType)
            .WithHeader("Content-Security-Policy", SvgPolicy)
            .WithHeader("X-Content-Type-Options", "nosniff");
}
