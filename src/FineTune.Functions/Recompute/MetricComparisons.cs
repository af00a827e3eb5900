using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Recompute;

/// <summary>Places a scenario's metrics in their bands and, where published, among their peers.</summary>
public static class MetricComparisons
{
    /// <summary>
    /// The comparison of a scenario computed on the spot, before any recompute: analysed with <paramref name="bands"/>,
    /// its metrics (<see cref="ScenarioMetrics.Of"/>) placed in their bands, no peers and no ai-feature-profitability
    /// (a workspace figure only the recompute computes).
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
    /// all-sectors when there is one.
    /// </summary>
    internal static IReadOnlyList<MetricComparison> Place(
        Segment segment,
        ReadOnlySpan<MetricValue> values,
        decimal? workspaceProfitability,
        IReadOnlyList<BenchmarkBand> bands,
        Func<Segment, Metric, decimal, PeerPlacement?> peers)
    {
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
}
