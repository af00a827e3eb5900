using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FineTune.Functions.Http;

/// <summary>The successful responses of the benchmark functions, every decimal rounded once to 8 places.</summary>
public static class BenchmarkResults
{
    /// <summary>200 <c>{version, bands}</c>.</summary>
    public static IActionResult Bands(BenchmarkBandSet bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return Ok(new BenchmarkSetResource(bands.Version, bands.Bands), BenchmarkJsonContext.Default.BenchmarkSetResource);
    }

    /// <summary>200 with one band.</summary>
    public static IActionResult Band(BenchmarkBand band) => Ok(band, BenchmarkJsonContext.Default.BenchmarkBand);

    /// <summary>200 <c>{computedAt, segments}</c>.</summary>
    public static IActionResult Peers(PeerStatisticsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Ok(new PeerStatisticsResource(snapshot.ComputedAt, snapshot.Statistics), BenchmarkJsonContext.Default.PeerStatisticsResource);
    }

    /// <summary>200 with a scenario's comparison.</summary>
    public static IActionResult Comparison(ComparisonResource comparison) => Ok(comparison, BenchmarkJsonContext.Default.ComparisonResource);

    /// <summary>200 with what a recompute did.</summary>
    public static IActionResult Summary(RecomputeSummary summary) => Ok(summary, BenchmarkJsonContext.Default.RecomputeSummary);

    private static JsonBodyResult Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
}
