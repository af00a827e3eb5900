using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Recompute;
using FineTune.Storage;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// Benchmark bands, peer statistics and a scenario's comparison with them (economics.md section 6). Thresholds and
/// values are in the metric's own unit: a fraction, or dollars per request.
/// </summary>
internal static class BenchmarkSchemas
{
    /// <summary>Adds the benchmark definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["BenchmarkBand"] = Band();
        definitions["BenchmarkBandInput"] = BandInput();
        definitions["BenchmarkSet"] = BenchmarkSet();
        definitions["PeerStatistics"] = PeerStatistics();
        definitions["PeerStatistic"] = PeerStatistic();
        definitions["Comparison"] = Comparison();
        definitions["MetricComparison"] = MetricComparison();
        definitions["RecomputeSummary"] = RecomputeSummary();
    }

    private static OpenApiSchema Band() => Object("Benchmark band",
        "The tier thresholds of one metric in one segment. For lower-is-better, elite <= medianLow <= medianHigh <= low; "
        + "mirrored for higher-is-better.",
        new()
        {
            ["segment"] = Enum<Segment>("Segment", "The segment the band applies to.", Visibility.Important),
            ["metric"] = Enum<Metric>("Metric", "The benchmarked metric.", Visibility.Important),
            ["direction"] = Enum<Direction>("Direction", "Which way is better.", Visibility.Advanced),
            ["low"] = Threshold("Low threshold", "Worse than this is the low tier."),
            ["medianLow"] = Threshold("Median from", "The better-side bound of the median range, included."),
            ["medianHigh"] = Threshold("Median to", "The worse-side bound of the median range, included."),
            ["elite"] = Threshold("Elite threshold", "Better than this is the elite tier."),
            ["source"] = Text("Source", "Where the figures come from.", Visibility.Advanced),
        },
        "segment", "metric", "direction", "low", "medianLow", "medianHigh", "elite", "source");

    private static OpenApiSchema BandInput() => Object("Benchmark band input",
        "A band's thresholds and source; the segment and metric are in the path. Thresholds must be in order "
        + "(for lower-is-better, elite <= medianLow <= medianHigh <= low; mirrored for higher-is-better).",
        new()
        {
            ["direction"] = Enum<Direction>("Direction",
                "Which way is better; it must be the metric's own (lower-is-better for costs, higher-is-better for shares).",
                Visibility.Important),
            ["low"] = InputThreshold("Low threshold", "Worse than this is the low tier."),
            ["medianLow"] = InputThreshold("Median from", "The better-side bound of the median range, included."),
            ["medianHigh"] = InputThreshold("Median to", "The worse-side bound of the median range, included."),
            ["elite"] = InputThreshold("Elite threshold", "Better than this is the elite tier."),
            ["source"] = Text("Source", "Where the figures come from, e.g. a survey or an internal measurement.", Visibility.Important),
        },
        "direction", "low", "medianLow", "medianHigh", "elite", "source").Closed();

    private static OpenApiSchema BenchmarkSet() => Object("Benchmarks",
        "The benchmark bands in force and their version.",
        new()
        {
            ["version"] = Long("Version", "Goes up by one with every change to a band.", Visibility.Advanced),
            ["bands"] = ArrayOf(Ref("BenchmarkBand"), "Bands", "Every band.", Visibility.Important),
        },
        "version", "bands");

    private static OpenApiSchema PeerStatistics() => Object("Peer statistics",
        "Published peer statistics across workspaces: only rows with at least 5 scenarios from at least 3 workspaces "
        + "(5 workspaces for ai-feature-profitability).",
        new()
        {
            ["computedAt"] = DateTime("Computed at", "When the last recompute started (UTC); null before any.", Visibility.Advanced)
                .OrNull(),
            ["segments"] = ArrayOf(Ref("PeerStatistic"), "Rows", "One row per segment and metric that meets the publication rule.",
                Visibility.Important),
        },
        "computedAt", "segments");

    private static OpenApiSchema PeerStatistic() => Object("Peer statistic",
        "The distribution of one metric's latest values in one segment.",
        Quantiles(new()
        {
            ["segment"] = Enum<Segment>("Segment", "The segment.", Visibility.Important),
            ["metric"] = Enum<Metric>("Metric", "The metric.", Visibility.Important),
        }),
        "segment", "metric", "count", "workspaces", "p10", "p25", "p50", "p75", "p90");

    private static OpenApiSchema Comparison() => Object("Comparison",
        "A stored scenario's metrics placed in their bands and among their peers, as of the last recompute.",
        new()
        {
            ["scenarioId"] = Text("Scenario id", "The scenario compared.", Visibility.Advanced),
            ["computedAt"] = DateTime("Computed at",
                "When the recompute that wrote it started (UTC); null when computed on the spot, before any recompute covered the scenario.",
                Visibility.Advanced).OrNull(),
            ["benchmarkVersion"] = Long("Benchmark version", "The version of the bands used.", Visibility.Advanced),
            ["stale"] = Boolean("Stale", "Whether the scenario or the bands changed after computedAt.", Visibility.Important),
            ["metrics"] = ArrayOf(Ref("MetricComparison"), "Metrics", "One entry per metric of the scenario.", Visibility.Important),
        },
        "scenarioId", "computedAt", "benchmarkVersion", "stale", "metrics");

    private static OpenApiSchema MetricComparison() => Object("Metric comparison",
        "One metric of the scenario: its tier in the band and its place among peers.",
        new()
        {
            ["metric"] = Enum<Metric>("Metric", "The metric.", Visibility.Important),
            ["value"] = Number("Value", "The scenario's value, a fraction or dollars per request.", Visibility.Important),
            ["tier"] = Enum<Tier>("Tier", "Where the value falls within the band.", Visibility.Important),
            ["band"] = Ref("BenchmarkBand"),
            ["peers"] = PeerPlacement(),
        },
        "metric", "value", "tier", "band", "peers");

    // Inline rather than a definition: Swagger 2.0 ignores x-nullable beside a $ref, and the app writes null here.
    private static OpenApiSchema PeerPlacement() => Object("Peer placement",
        "The published peer figures of the metric's segment and where the scenario's value falls among them; null while "
        + "they are not published.",
        Quantiles(new()
        {
            ["shareOfPeersBeaten"] = Number("Share of peers beaten",
                "The share of the other contributed values that the scenario's value is better than, ties counting half: "
                + "(worse + 0.5 * ties) / (n - 1), a fraction from 0 (beats none) to 1 (beats every peer), whichever way the "
                + "metric is better; 0.5 when it is the only value.", Visibility.Important),
        }),
        "count", "workspaces", "p10", "p25", "p50", "p75", "p90", "shareOfPeersBeaten").Shown(Visibility.Advanced).OrNull();

    private static OpenApiSchema RecomputeSummary() => Object("Recompute summary",
        "What one recompute request did.",
        new()
        {
            ["runId"] = Text("Run id", "The run record: the slot for a timer run, a start time and suffix for a manual one.",
                Visibility.Advanced),
            ["trigger"] = Enum<RecomputeTrigger>("Trigger", "What started the run.", Visibility.Advanced),
            ["status"] = Enum<RecomputeStatus>("Status",
                "completed when this request ran the run to its end; already-completed (it had completed before) or busy "
                + "(another request holds it) when this request did nothing.", Visibility.Important),
            ["resumed"] = Boolean("Resumed",
                "Whether the run this request completed was an interrupted one it took up, skipping what was already written.",
                Visibility.Advanced),
            ["attempts"] = Integer("Attempts", "Requests that took up this run, this one included.", Visibility.Advanced),
            ["computedAt"] = DateTime("Computed at", "The computedAt of what it wrote (UTC); null when it did nothing.", Visibility.Advanced)
                .OrNull(),
            ["benchmarkVersion"] = Long("Benchmark version", "The version of the bands used; null when it did nothing.", Visibility.Advanced)
                .OrNull(),
            ["scenarios"] = Integer("Scenarios", "Stored scenarios read.", Visibility.Important),
            ["invalidScenarios"] = Integer("Invalid scenarios",
                "Stored rows that today's rules refuse (written when they were looser, or by hand); skipped, and each logged.",
                Visibility.Advanced),
            ["workspaces"] = Integer("Workspaces", "Workspaces with at least one scenario.", Visibility.Advanced),
            ["peerRowsPublished"] = Integer("Peer rows published", "Segment and metric rows that met the publication rule.",
                Visibility.Advanced),
            ["comparisonsWritten"] = Integer("Comparisons written", "Scenario comparisons written by this request.", Visibility.Important),
            ["comparisonsAlreadyWritten"] = Integer("Comparisons already written",
                "Skipped because an interrupted attempt of the same run had written them.", Visibility.Advanced),
            ["durationMilliseconds"] = Long("Duration (ms)", "This request's time, start to end, in milliseconds.", Visibility.Advanced),
            ["scenariosPerSecond"] = Number("Scenarios per second", "Scenarios scanned per second over that time.", Visibility.Advanced),
        },
        "runId", "trigger", "status", "resumed", "attempts", "computedAt", "benchmarkVersion", "scenarios", "invalidScenarios", "workspaces",
        "peerRowsPublished", "comparisonsWritten", "comparisonsAlreadyWritten", "durationMilliseconds", "scenariosPerSecond");

    private static Dictionary<string, OpenApiSchema> Quantiles(Dictionary<string, OpenApiSchema> properties)
    {
        properties["count"] = Integer("Count", "Values that contributed (scenarios, or workspaces for ai-feature-profitability).",
            Visibility.Advanced);
        properties["workspaces"] = Integer("Workspaces", "Distinct workspaces among them.", Visibility.Advanced);
        foreach (int q in (int[])[10, 25, 50, 75, 90])
        {
            properties[$"p{q}"] = Number($"P{q}", $"The {q}th percentile, interpolated linearly.",
                q == 50 ? Visibility.Important : Visibility.Advanced);
        }
        return properties;
    }

    private static OpenApiSchema Threshold(string summary, string description) =>
        Number(summary, description + " A fraction, or dollars per request.", Visibility.Important);

    private static OpenApiSchema InputThreshold(string summary, string description) =>
        Threshold(summary, description).Between(0m, BandBody.MaxThreshold);
}
