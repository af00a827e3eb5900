using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>A benchmarked metric (economics.md section 6).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Metric>))]
public enum Metric
{
    /// <summary>Horizon cost over revenue, a fraction.</summary>
    [JsonStringEnumMemberName("ai-cogs-to-revenue")] AiCogsToRevenue,
    /// <summary>Fully loaded cost per request, dollars.</summary>
    [JsonStringEnumMemberName("inference-cost-per-request")] InferenceCostPerRequest,
    /// <summary>Share of requests routed to another model.</summary>
    [JsonStringEnumMemberName("model-routing-coverage")] ModelRoutingCoverage,
    /// <summary>Share of a workspace's scenarios with revenue whose recommended approach has a positive gross margin.</summary>
    [JsonStringEnumMemberName("ai-feature-profitability")] AiFeatureProfitability,
}

/// <summary>Which way is better for a metric.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    /// <summary>Smaller values are better.</summary>
    [JsonStringEnumMemberName("lower-is-better")] LowerIsBetter,
    /// <summary>Larger values are better.</summary>
    [JsonStringEnumMemberName("higher-is-better")] HigherIsBetter,
}

/// <summary>Where a value falls within a band.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
public enum Tier
{
    /// <summary>Better than the elite threshold.</summary>
    [JsonStringEnumMemberName("elite")] Elite,
    /// <summary>Between the median range and elite.</summary>
    [JsonStringEnumMemberName("above-median")] AboveMedian,
    /// <summary>Inside the median range, bounds included.</summary>
    [JsonStringEnumMemberName("median")] Median,
    /// <summary>Between the median range and the low threshold.</summary>
    [JsonStringEnumMemberName("below-median")] BelowMedian,
    /// <summary>Worse than the low threshold.</summary>
    [JsonStringEnumMemberName("low")] Low,
}

/// <summary>
/// A benchmark band: thresholds in the metric's own unit (fractions, or dollars per request).
/// For lower-is-better, <c>Elite &lt;= MedianLow &lt;= MedianHigh &lt;= Low</c>; mirrored for higher-is-better.
/// </summary>
public sealed record BenchmarkBand(
    Segment Segment,
    Metric Metric,
    Direction Direction,
    decimal Low,
    decimal MedianLow,
    decimal MedianHigh,
    decimal Elite,
    string Source);

/// <summary>
/// The body of a band upsert: its thresholds and source, the segment and metric being in the route. Thresholds must be
/// in order (<see cref="Tiers.Validate"/>) and the direction the metric's own (<see cref="Tiers.DirectionOf"/>).
/// </summary>
public sealed record BenchmarkBandInput(
    Direction Direction,
    [property: Bounds(Bound.Threshold)] decimal Low,
    [property: Bounds(Bound.Threshold)] decimal MedianLow,
    [property: Bounds(Bound.Threshold)] decimal MedianHigh,
    [property: Bounds(Bound.Threshold)] decimal Elite,
    [property: Length(1, Tiers.MaxSourceLength)] string Source)
{
    /// <summary>The band of <paramref name="segment"/> and <paramref name="metric"/> with these thresholds.</summary>
    public BenchmarkBand For(Segment segment, Metric metric) => new(segment, metric, Direction, Low, MedianLow, MedianHigh, Elite, Source);
}

/// <summary>One metric of a scenario placed in its band.</summary>
public sealed record BenchmarkComparison(Metric Metric, decimal Value, Tier Tier, BenchmarkBand Band);

/// <summary>Peer statistics of one segment and metric, published only under the k-anonymity rule.</summary>
/// <param name="Count">Values that contributed (scenarios, or workspaces for ai-feature-profitability).</param>
/// <param name="Workspaces">Distinct workspaces among them.</param>
public sealed record PeerStatistic(
    Segment Segment,
    Metric Metric,
    int Count,
    int Workspaces,
    decimal P10,
    decimal P25,
    decimal P50,
    decimal P75,
    decimal P90);

/// <summary>One contributed value: a scenario's (or, for ai-feature-profitability, a workspace's) latest metric value.</summary>
public readonly record struct PeerValue(decimal Value, string Workspace);
