using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// A scenario's benchmark comparison as the last recompute wrote it: each metric placed in its band, and among its
/// peers where their figures are published.
/// </summary>
/// <param name="ComputedAt">When the recompute that wrote it started reading the scenarios.</param>
/// <param name="BenchmarkVersion">The version of the bands the tiers were placed in.</param>
/// <param name="ScenarioUpdatedAt">The scenario's <c>updatedAt</c> as the recompute read it; a later one means the comparison is stale.</param>
public sealed record StoredComparison(
    string Workspace,
    string ScenarioId,
    DateTimeOffset ComputedAt,
    long BenchmarkVersion,
    DateTimeOffset ScenarioUpdatedAt,
    IReadOnlyList<MetricComparison> Metrics);

/// <summary>One metric of a scenario: its value, tier and band, and its place among peers.</summary>
/// <param name="Value">In the metric's unit: a fraction, or dollars per request.</param>
/// <param name="Peers">Null while the metric's peer figures are not published (economics.md section 6).</param>
public sealed record MetricComparison(Metric Metric, decimal Value, Tier Tier, BenchmarkBand Band, PeerPlacement? Peers);

/// <summary>The published peer figures of a metric's segment, and where the value falls among them.</summary>
/// <param name="Count">Values that contributed: scenarios, or workspaces for ai-feature-profitability.</param>
/// <param name="Workspaces">Distinct workspaces among them.</param>
/// <param name="Percentile">(worse + 0.5 * ties) / (n - 1) over the other values, 0..1; 1 is the best.</param>
public sealed record PeerPlacement(
    int Count, int Workspaces, decimal P10, decimal P25, decimal P50, decimal P75, decimal P90, decimal Percentile);
