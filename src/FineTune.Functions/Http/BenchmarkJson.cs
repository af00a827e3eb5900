using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>The body of <c>GET /api/benchmarks</c>.</summary>
/// <param name="Version">Goes up by one with every band upsert.</param>
public sealed record BenchmarkSetResource(long Version, IReadOnlyList<BenchmarkBand> Bands);

/// <summary>The body of <c>GET /api/benchmarks/peers</c>.</summary>
/// <param name="ComputedAt">When the last recompute started; null before any.</param>
/// <param name="Segments">Only the segments and metrics that meet the publication rule.</param>
public sealed record PeerStatisticsResource(DateTimeOffset? ComputedAt, IReadOnlyList<PeerStatistic> Segments);

/// <summary>The body of <c>GET /api/scenarios/{id}/comparison</c>.</summary>
/// <param name="ComputedAt">When the recompute that wrote it started; null when computed on the spot.</param>
/// <param name="BenchmarkVersion">The version of the bands the tiers were placed in.</param>
/// <param name="PriceVersion">The version of the price catalog the scenario was priced from; null for a comparison written
/// before comparisons recorded it, which is stale.</param>
/// <param name="Stale">True when the scenario, the bands or the prices changed after <paramref name="ComputedAt"/>.</param>
public sealed record ComparisonResource(
    string ScenarioId,
    DateTimeOffset? ComputedAt,
    long BenchmarkVersion,
    long? PriceVersion,
    bool Stale,
    IReadOnlyList<MetricComparison> Metrics)
{
    /// <summary>
    /// A comparison the last recompute wrote, judged against the scenario as it is now and the current versions of the
    /// bands and the price catalog.
    /// </summary>
    public static ComparisonResource From(StoredComparison comparison, StoredScenario scenario, long benchmarkVersion, long priceVersion)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(scenario);
        bool stale = Comparisons.IsStale(comparison.Basis, new ComparisonBasis(benchmarkVersion, priceVersion, scenario.UpdatedAt));
        return new(scenario.Id, comparison.ComputedAt, comparison.BenchmarkVersion, comparison.PriceVersion, stale, comparison.Metrics);
    }

    /// <summary>
    /// Tiers computed now with the current bands, for a scenario no recompute has covered yet: no peers. The scenario is
    /// priced from the catalog of version <paramref name="priceVersion"/>.
    /// </summary>
    public static ComparisonResource OnTheSpot(string scenarioId, PricedScenario scenario, BenchmarkBandSet bands, long priceVersion)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(bands);
        return new(scenarioId, null, bands.Version, priceVersion, false, Comparisons.OnTheSpot(scenario.Scenario, bands.Bands));
    }
}

/// <summary>Source-generated JSON for the benchmark responses: camelCase, kebab-case enums, nulls written, decimals rounded.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(BenchmarkBand))]
[JsonSerializable(typeof(BenchmarkSetResource))]
[JsonSerializable(typeof(PeerStatisticsResource))]
[JsonSerializable(typeof(ComparisonResource))]
[JsonSerializable(typeof(RecomputeSummary))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
