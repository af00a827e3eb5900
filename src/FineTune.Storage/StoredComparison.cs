using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// A scenario's benchmark comparison as the last recompute wrote it: each metric placed in its band, and among its
/// peers where their figures are published.
/// </summary>
/// <param name="ComputedAt">When the recompute that wrote it started reading the scenarios.</param>
/// <param name="BenchmarkVersion">The version of the bands the tiers were placed in.</param>
/// <param name="PriceVersion">The version of the price catalog the scenario was priced from; null in a row written before
/// comparisons recorded it.</param>
/// <param name="ScenarioUpdatedAt">The scenario's <c>updatedAt</c> as the recompute read it; a later one means the comparison is stale.</param>
public sealed record StoredComparison(
    string Workspace,
    string ScenarioId,
    DateTimeOffset ComputedAt,
    long BenchmarkVersion,
    long? PriceVersion,
    DateTimeOffset ScenarioUpdatedAt,
    IReadOnlyList<MetricComparison> Metrics)
{
    /// <summary>What it was computed from, for <see cref="Comparisons.IsStale"/>.</summary>
    public ComparisonBasis Basis => new(BenchmarkVersion, PriceVersion, ScenarioUpdatedAt);
}
