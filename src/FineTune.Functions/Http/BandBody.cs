using FineTune.Core;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the body of <c>PUT /api/benchmarks/{segment}/{metric}</c> against its contract (<see cref="BenchmarkBandInput"/>),
/// with the route's segment and metric: every problem at once by its path.
/// </summary>
public static class BandBody
{
    /// <summary>
    /// The band of the route's <paramref name="segmentText"/> and <paramref name="metricText"/> (kebab-case; an unknown
    /// one is refused under the key <c>segment</c> or <c>metric</c>). The direction must be the metric's own, and the
    /// thresholds must pass <see cref="Tiers.Validate"/>.
    /// </summary>
    public static RequestValue<BenchmarkBand> Parse(ReadOnlySpan<byte> body, string? segmentText, string? metricText)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        bool segmentKnown = EnumText.TryParse(segmentText, out Segment segment);
        bool metricKnown = EnumText.TryParse(metricText, out Metric metric);
        if (!segmentKnown)
        {
            errors["segment"] = [$"must be one of {string.Join(", ", EnumText.All<Segment>())}."];
        }
        if (!metricKnown)
        {
            errors["metric"] = [$"must be one of {string.Join(", ", EnumText.All<Metric>())}."];
        }
        ContractResult<BenchmarkBandInput> input = BandJson.Parse(body, metricKnown ? metric : null);
        foreach ((string path, IReadOnlyList<string> messages) in input.Errors)
        {
            errors[path] = messages;
        }
        BenchmarkBand? band = input.Value?.For(segment, metric);
        if (band is not null)
        {
            foreach ((string path, IReadOnlyList<string> messages) in Tiers.Validate(band))
            {
                errors[path] = messages;
            }
        }
        return errors.Count > 0 || band is null
            ? new RefusalResult(Problems.BadRequest(errors, "The band is not valid; see errors."))
            : RequestValue<BenchmarkBand>.Accept(band);
    }
}
