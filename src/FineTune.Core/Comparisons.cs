namespace FineTune.Core;

/// <summary>One metric of a scenario: its value, its tier in the band, and its place among peers.</summary>
/// <param name="Value">In the metric's unit: a fraction, or dollars per request.</param>
/// <param name="Peers">Null while the metric's peer figures are not published (economics.md section 6).</param>
public sealed record MetricComparison(Metric Metric, decimal Value, Tier Tier, BenchmarkBand Band, PeerPlacement? Peers);

/// <summary>The published peer figures of a metric's segment, and where a scenario's value falls among them.</summary>
/// <param name="Count">Values that contributed: scenarios, or workspaces for ai-feature-profitability.</param>
/// <param name="Workspaces">Distinct workspaces among them.</param>
/// <param name="ShareOfPeersBeaten">
/// The share of the other contributed values that this one is better than, ties counting half:
/// (worse + 0.5 * ties) / (n - 1), a fraction from 0 (beats none) to 1 (beats every peer), whichever way the metric is
/// better; 0.5 when the value is the only one. Economics.md section 6 calls it the scenario's percentile.
/// </param>
public sealed record PeerPlacement(
    int Count, int Workspaces, decimal P10, decimal P25, decimal P50, decimal P75, decimal P90, decimal ShareOfPeersBeaten);

/// <summary>What a comparison was computed from: the bands' version, the price catalog's version and the scenario's version.</summary>
/// <param name="BenchmarkVersion">The version of the bands the metrics were placed in.</param>
/// <param name="PriceVersion">The version of the price catalog the scenario was priced from; null for a comparison written
/// before comparisons recorded it, which therefore reads as stale.</param>
/// <param name="ScenarioUpdatedAt">The scenario's <c>updatedAt</c>: it changes with every write of the scenario.</param>
public readonly record struct ComparisonBasis(long BenchmarkVersion, long? PriceVersion, DateTimeOffset ScenarioUpdatedAt);

/// <summary>
/// A scenario's comparison with the benchmarks (economics.md section 6): each of its metrics placed in its band and,
/// where their figures are published, among its peers; and when such a comparison no longer describes the scenario.
/// </summary>
public static class Comparisons
{
    /// <summary>
    /// The comparison of a scenario computed on the spot, before any recompute covered it: analysed (its prices resolved,
    /// see <see cref="ScenarioPrices.Resolve"/>) with <paramref name="bands"/>, its metrics (<see cref="ScenarioMetrics.Of"/>) placed in their bands, no peers and no
    /// ai-feature-profitability (a workspace figure only the recompute computes).
    /// </summary>
    public static IReadOnlyList<MetricComparison> OnTheSpot(Scenario scenario, IReadOnlyList<BenchmarkBand> bands)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(bands);
        ScenarioMetrics metrics = ScenarioMetrics.Of(scenario, Analyzer.Analyze(scenario, bands));
        return Place(metrics.Segment, [.. metrics.Values], null, bands, static (_, _, _) => null);
    }

    /// <summary>
    /// Each value placed in the band of its metric for <paramref name="segment"/> (else the metric's band of any
    /// segment; a metric without any band is left out), then the workspace's ai-feature-profitability under
    /// all-sectors when there is one. <paramref name="peers"/> gives a value's place among its segment's peers, or null
    /// while they are not published.
    /// </summary>
    public static IReadOnlyList<MetricComparison> Place(
        Segment segment,
        ReadOnlySpan<MetricValue> values,
        decimal? workspaceProfitability,
        IReadOnlyList<BenchmarkBand> bands,
        Func<Segment, Metric, decimal, PeerPlacement?> peers)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(peers);
        var placed = new List<MetricComparison>(values.Length + 1);
        foreach (MetricValue value in values)
        {
            Add(segment, value.Metric, value.Value);
        }

        if (workspaceProfitability is decimal profitability)
        {
            Add(Segment.AllSectors, Metric.AiFeatureProfitability, profitability);
        }

        return placed;

        void Add(Segment peerSegment, Metric metric, decimal value)
        {
            if (Tiers.BandFor(bands, peerSegment, metric) is { } band)
            {
                placed.Add(new MetricComparison(metric, value, Tiers.Classify(band, value), band, peers(peerSegment, metric, value)));
            }
        }
    }

    /// <summary>
    /// Where <paramref name="value"/> falls among the published peers of <paramref name="statistic"/>, whose values
    /// <paramref name="sorted"/> holds ascending, <paramref name="value"/> among them.
    /// </summary>
    public static PeerPlacement AmongPeers(PeerStatistic statistic, ReadOnlySpan<decimal> sorted, decimal value)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        decimal beaten = Tiers.ShareOfPeersBeaten(sorted, value, Tiers.DirectionOf(statistic.Metric));
        return new PeerPlacement(
            statistic.Count, statistic.Workspaces, statistic.P10, statistic.P25, statistic.P50, statistic.P75, statistic.P90, beaten);
    }

    /// <summary>
    /// True when a comparison computed from <paramref name="computedFrom"/> no longer describes the scenario as it is
    /// now (<paramref name="current"/>): the bands or the price catalog changed version, or the scenario was written
    /// again, after it. A comparison that did not record its price version is stale.
    /// </summary>
    public static bool IsStale(ComparisonBasis computedFrom, ComparisonBasis current) =>
        computedFrom.PriceVersion is null || computedFrom != current;
}
