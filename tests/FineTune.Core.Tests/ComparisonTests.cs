using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>A scenario's comparison with the benchmarks: placement in bands and among peers, and staleness (economics.md section 6).</summary>
public sealed class ComparisonTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static BenchmarkBand SeedBand(Metric metric) => BenchmarkBands.Seed.Single(b => b.Metric == metric);

    private static PeerPlacement? NoPeers(Segment segment, Metric metric, decimal value) => null;

    [Fact]
    public void Place_EnterpriseAiValuesAndAWorkspaceFigure_EachInItsBandOwnSegmentFirst()
    {
        MetricValue[] values =
        [
            new(Metric.AiCogsToRevenue, 0.12m),
            new(Metric.InferenceCostPerRequest, 0.03m),
            new(Metric.ModelRoutingCoverage, 0m),
        ];

        IReadOnlyList<MetricComparison> placed = Comparisons.Place(Segment.EnterpriseAi, values, 0.55m, BenchmarkBands.Seed, NoPeers);

        Assert.Equal(
            [
                // No enterprise-ai band for cogs: the ai-first-saas one. Lower is better, elite 0.10 <= 0.12 < medianLow 0.15.
                new MetricComparison(Metric.AiCogsToRevenue, 0.12m, Tier.AboveMedian, SeedBand(Metric.AiCogsToRevenue), null),
                // enterprise-ai's own band: 0.01 <= 0.03 <= 0.05.
                new MetricComparison(Metric.InferenceCostPerRequest, 0.03m, Tier.Median, SeedBand(Metric.InferenceCostPerRequest), null),
                // consumer-ai's band, higher is better: 0 is below low (0.30).
                new MetricComparison(Metric.ModelRoutingCoverage, 0m, Tier.Low, SeedBand(Metric.ModelRoutingCoverage), null),
                // The workspace figure, under all-sectors: 0.50 <= 0.55 <= 0.60.
                new MetricComparison(Metric.AiFeatureProfitability, 0.55m, Tier.Median, SeedBand(Metric.AiFeatureProfitability), null),
            ],
            placed);
    }

    [Fact]
    public void Place_MetricWithoutAnyBandAndNoWorkspaceFigure_LeavesThemOut()
    {
        BenchmarkBand[] onlyCost = [SeedBand(Metric.InferenceCostPerRequest)];
        MetricValue[] values = [new(Metric.InferenceCostPerRequest, 0.2m), new(Metric.ModelRoutingCoverage, 0.9m)];

        IReadOnlyList<MetricComparison> placed = Comparisons.Place(Segment.ConsumerAi, values, null, onlyCost, NoPeers);

        // Another segment's band when the scenario's own has none: 0.2 is above enterprise-ai's low of 0.10.
        MetricComparison cost = Assert.Single(placed);
        Assert.Equal((Metric.InferenceCostPerRequest, Tier.Low), (cost.Metric, cost.Tier));
    }

    [Fact]
    public void Place_PeersPublishedForOneMetric_AsksWithTheSegmentEachValueIsFiledUnder()
    {
        var asked = new List<(Segment, Metric, decimal)>();
        var placement = new PeerPlacement(5, 3, 0.01m, 0.02m, 0.03m, 0.04m, 0.05m, 0.75m);
        MetricValue[] values = [new(Metric.InferenceCostPerRequest, 0.02m), new(Metric.ModelRoutingCoverage, 0.6m)];

        IReadOnlyList<MetricComparison> placed = Comparisons.Place(Segment.EnterpriseAi, values, 1m, BenchmarkBands.Seed,
            (segment, metric, value) =>
            {
                asked.Add((segment, metric, value));
                return metric == Metric.InferenceCostPerRequest ? placement : null;
            });

        Assert.Equal(
            [
                (Segment.EnterpriseAi, Metric.InferenceCostPerRequest, 0.02m),
                (Segment.EnterpriseAi, Metric.ModelRoutingCoverage, 0.6m),
                (Segment.AllSectors, Metric.AiFeatureProfitability, 1m),
            ],
            asked);
        Assert.Equal([placement, null, null], placed.Select(m => m.Peers));
    }

    [Fact]
    public void AmongPeers_LowerIsBetter_CopiesTheQuantilesAndCountsTheWorseAndHalfTheTied()
    {
        decimal[] sorted = [0.01m, 0.02m, 0.02m, 0.04m, 0.08m];
        PeerStatistic statistic = Tiers.Peers(Segment.EnterpriseAi, Metric.InferenceCostPerRequest,
            [.. sorted.Select((value, i) => new PeerValue(value, $"ws-{i % 3}"))])!;

        PeerPlacement placed = Comparisons.AmongPeers(statistic, sorted, 0.02m);

        // Worse (dearer) peers: 0.04 and 0.08; one other 0.02 ties: (2 + 0.5 * 1) / (5 - 1).
        // Quantiles at q * 4: p10 0.01 + 0.4 * 0.01, p25 0.02, p50 0.02, p75 0.04, p90 0.04 + 0.6 * 0.04.
        Assert.Equal(new PeerPlacement(5, 3, 0.014m, 0.02m, 0.02m, 0.04m, 0.064m, 0.625m), placed);
    }

    [Fact]
    public void AmongPeers_HigherIsBetter_CountsTheLowerValuesAsBeaten()
    {
        decimal[] sorted = [0.1m, 0.2m, 0.5m, 0.7m, 0.9m];
        PeerStatistic statistic = Tiers.Peers(Segment.ConsumerAi, Metric.ModelRoutingCoverage,
            [.. sorted.Select((value, i) => new PeerValue(value, $"ws-{i % 3}"))])!;

        // Beaten: 0.1, 0.2 and 0.5, three of the four others.
        Assert.Equal(0.75m, Comparisons.AmongPeers(statistic, sorted, 0.7m).ShareOfPeersBeaten);
        // The best value beats every peer, the worst none.
        Assert.Equal(1m, Comparisons.AmongPeers(statistic, sorted, 0.9m).ShareOfPeersBeaten);
        Assert.Equal(0m, Comparisons.AmongPeers(statistic, sorted, 0.1m).ShareOfPeersBeaten);
    }

    [Fact]
    public void ShareOfPeersBeaten_BothDirections_SumToOne() =>
        Gen.Int[0, 20].Array[1, 12].Sample(units =>
        {
            decimal[] sorted = [.. units.Select(u => u / 10m).Order()];
            foreach (decimal value in sorted)
            {
                decimal lower = Tiers.ShareOfPeersBeaten(sorted, value, Direction.LowerIsBetter);
                decimal higher = Tiers.ShareOfPeersBeaten(sorted, value, Direction.HigherIsBetter);
                Assert.InRange(lower, 0m, 1m);
                // Every other value is either beaten in one direction or the other, or tied (half to each).
                Assert.Equal(1m, lower + higher);
            }
        }, iter: 300);

    public static TheoryData<ComparisonBasis, ComparisonBasis, bool> Bases => new()
    {
        // Computed from bands version 3, prices version 2 and the scenario written at noon; nothing changed since.
        { new(3, 2, Noon), new(3, 2, Noon), false },
        // The same instant in another offset is the same version of the scenario.
        { new(3, 2, Noon), new(3, 2, Noon.ToOffset(TimeSpan.FromHours(2))), false },
        // A band was upserted: version 4.
        { new(3, 2, Noon), new(4, 2, Noon), true },
        // A price changed (an admin upsert or a refresh): prices version 3.
        { new(3, 2, Noon), new(3, 3, Noon), true },
        // The scenario was written again a millisecond later.
        { new(3, 2, Noon), new(3, 2, Noon.AddMilliseconds(1)), true },
        // All three.
        { new(3, 2, Noon), new(4, 3, Noon.AddMinutes(5)), true },
        // Written before comparisons recorded the price version: stale, whatever else holds.
        { new(3, null, Noon), new(3, 1, Noon), true },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void IsStale_BandsPricesOrScenarioChangedSince_IsTrue(ComparisonBasis computedFrom, ComparisonBasis current, bool stale) =>
        Assert.Equal(stale, Comparisons.IsStale(computedFrom, current));

    [Fact]
    public void OnTheSpot_ThreeApproachSample_IsTheAnalysisBenchmarksWithoutPeersOrWorkspaceFigure()
    {
        Scenario scenario = Samples.Parse(Samples.ThreeApproaches);
        Analysis analysis = Analyzer.Analyze(scenario, BenchmarkBands.Seed);

        IReadOnlyList<MetricComparison> placed = Comparisons.OnTheSpot(scenario, BenchmarkBands.Seed);

        Assert.Equal(
            analysis.Benchmarks.Select(b => new MetricComparison(b.Metric, b.Value, b.Tier, b.Band, null)),
            placed);
        Assert.DoesNotContain(placed, m => m.Metric == Metric.AiFeatureProfitability);
        Assert.Equal(3, placed.Count);
    }
}
