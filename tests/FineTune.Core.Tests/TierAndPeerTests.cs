namespace FineTune.Core.Tests;

/// <summary>Tiers, band lookup and validation, quantiles, shares of peers beaten and the publication rule of economics.md section 6.</summary>
public sealed class TierAndPeerTests
{
    private static BenchmarkBand SeedBand(Metric metric) => BenchmarkBands.Seed.Single(b => b.Metric == metric);

    /// <summary>enterprise-ai inference cost per request: elite below 0.005, median 0.01 - 0.05, low above 0.10.</summary>
    public static TheoryData<decimal, Tier> LowerIsBetter => new()
    {
        { 0m, Tier.Elite },
        { 0.004m, Tier.Elite },
        { 0.0049999m, Tier.Elite },
        { 0.005m, Tier.AboveMedian },
        { 0.0099m, Tier.AboveMedian },
        { 0.01m, Tier.Median },
        { 0.03m, Tier.Median },
        { 0.05m, Tier.Median },
        { 0.0501m, Tier.BelowMedian },
        { 0.10m, Tier.BelowMedian },
        { 0.1001m, Tier.Low },
        { 5m, Tier.Low },
    };

    [Theory]
    [MemberData(nameof(LowerIsBetter))]
    public void Classify_LowerIsBetter_PlacesEachBoundaryInItsTier(decimal value, Tier tier) =>
        Assert.Equal(tier, Tiers.Classify(SeedBand(Metric.InferenceCostPerRequest), value));

    /// <summary>consumer-ai model routing coverage: elite above 0.85, median 0.50 - 0.70, low below 0.30.</summary>
    public static TheoryData<decimal, Tier> HigherIsBetter => new()
    {
        { 1m, Tier.Elite },
        { 0.86m, Tier.Elite },
        { 0.8500001m, Tier.Elite },
        { 0.85m, Tier.AboveMedian },
        { 0.7001m, Tier.AboveMedian },
        { 0.7m, Tier.Median },
        { 0.6m, Tier.Median },
        { 0.5m, Tier.Median },
        { 0.49m, Tier.BelowMedian },
        { 0.30m, Tier.BelowMedian },
        { 0.29m, Tier.Low },
        { 0m, Tier.Low },
    };

    [Theory]
    [MemberData(nameof(HigherIsBetter))]
    public void Classify_HigherIsBetter_PlacesEachBoundaryInItsTier(decimal value, Tier tier) =>
        Assert.Equal(tier, Tiers.Classify(SeedBand(Metric.ModelRoutingCoverage), value));

    [Fact]
    public void Seed_Bands_AreTheSourceDocumentsTableLabelledAsSuch()
    {
        Assert.Equal(4, BenchmarkBands.Seed.Count);
        Assert.All(BenchmarkBands.Seed, band => Assert.Equal("source-document reference band", band.Source));
        Assert.All(BenchmarkBands.Seed, band => Assert.Empty(Tiers.Validate(band)));
        Assert.Equal(
            new BenchmarkBand(Segment.AiFirstSaas, Metric.AiCogsToRevenue, Direction.LowerIsBetter, 0.40m, 0.15m, 0.25m, 0.10m, BenchmarkBands.SeedSource),
            SeedBand(Metric.AiCogsToRevenue));
        Assert.Equal(
            new BenchmarkBand(Segment.AllSectors, Metric.AiFeatureProfitability, Direction.HigherIsBetter, 0.30m, 0.50m, 0.60m, 0.80m, BenchmarkBands.SeedSource),
            SeedBand(Metric.AiFeatureProfitability));
    }

    [Fact]
    public void BandFor_OwnSegmentWithoutTheMetric_FallsBackToTheMetricsBandFromAnotherSegment()
    {
        BenchmarkBand? band = Tiers.BandFor(BenchmarkBands.Seed, Segment.AiFirstSaas, Metric.InferenceCostPerRequest);

        Assert.Equal(SeedBand(Metric.InferenceCostPerRequest), band);
        Assert.Equal(Segment.EnterpriseAi, band!.Segment);
    }

    [Fact]
    public void BandFor_OwnSegmentWithTheMetric_PrefersItsOwnBand()
    {
        var own = new BenchmarkBand(Segment.ConsumerAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.2m, 0.02m, 0.08m, 0.01m, "test");
        IReadOnlyList<BenchmarkBand> bands = [.. BenchmarkBands.Seed, own];

        Assert.Same(own, Tiers.BandFor(bands, Segment.ConsumerAi, Metric.InferenceCostPerRequest));
        Assert.Equal(Segment.EnterpriseAi, Tiers.BandFor(bands, Segment.AllSectors, Metric.InferenceCostPerRequest)!.Segment);
    }

    [Fact]
    public void BandFor_MetricWithoutAnyBand_IsNull() =>
        Assert.Null(Tiers.BandFor(BenchmarkBands.Seed.Where(b => b.Metric != Metric.AiCogsToRevenue).ToList(), Segment.AiFirstSaas, Metric.AiCogsToRevenue));

    public static TheoryData<BenchmarkBand, string[]> BandsOutOfOrder => new()
    {
        // lower-is-better must run elite <= medianLow <= medianHigh <= low.
        { new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.10m, 0.01m, 0.05m, 0.02m, "t"), ["elite"] },
        { new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.04m, 0.01m, 0.05m, 0.005m, "t"), ["low"] },
        { new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.10m, 0.06m, 0.05m, 0.005m, "t"), ["medianLow"] },
        // higher-is-better must run low <= medianLow <= medianHigh <= elite.
        { new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.30m, 0.50m, 0.70m, 0.60m, "t"), ["elite"] },
        { new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.55m, 0.50m, 0.70m, 0.85m, "t"), ["low"] },
        { new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.30m, 0.75m, 0.70m, 0.85m, "t"), ["medianLow"] },
        // A lower-is-better band written in higher-is-better order is wrong on both ends.
        { new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.LowerIsBetter, 0.30m, 0.50m, 0.70m, 0.85m, "t"), ["elite", "low"] },
        { new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.10m, 0.01m, 0.05m, 0.005m, ""), ["source"] },
    };

    [Theory]
    [MemberData(nameof(BandsOutOfOrder))]
    public void Validate_ThresholdsOutOfOrder_NamesTheField(BenchmarkBand band, string[] fields) =>
        Assert.Equal(fields.Order(StringComparer.Ordinal), Tiers.Validate(band).Keys.Order(StringComparer.Ordinal));

    public static TheoryData<BenchmarkBand> BandsInOrder => new()
    {
        new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.10m, 0.01m, 0.05m, 0.005m, "t"),
        new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.05m, 0.05m, 0.05m, 0.05m, "t"),
        new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.30m, 0.50m, 0.70m, 0.85m, "t"),
        new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.5m, 0.5m, 0.5m, 0.5m, "t"),
    };

    [Theory]
    [MemberData(nameof(BandsInOrder))]
    public void Validate_ThresholdsInOrderIncludingTies_IsValid(BenchmarkBand band) => Assert.Empty(Tiers.Validate(band));

    public static TheoryData<decimal[], decimal, decimal> Quantiles => new()
    {
        // numpy.quantile([1, 2, 3, 4], q) with the default linear interpolation: position q * (n - 1).
        { [1m, 2m, 3m, 4m], 0.25m, 1.75m },
        { [1m, 2m, 3m, 4m], 0.5m, 2.5m },
        { [1m, 2m, 3m, 4m], 0.9m, 3.7m },
        { [1m, 2m, 3m, 4m], 0m, 1m },
        { [1m, 2m, 3m, 4m], 1m, 4m },
        { [10m, 20m, 30m, 40m, 50m], 0.1m, 14m },
        { [10m, 20m, 30m, 40m, 50m], 0.75m, 40m },
        { [0.004m, 0.01m, 0.01m, 0.2m], 0.5m, 0.01m },
        { [7m], 0m, 7m },
        { [7m], 0.37m, 7m },
        { [7m], 1m, 7m },
    };

    [Theory]
    [MemberData(nameof(Quantiles))]
    public void Quantile_SortedValues_InterpolatesLinearlyAtQTimesNMinusOne(decimal[] sorted, decimal q, decimal expected) =>
        Assert.Equal(expected, Tiers.Quantile(sorted, q));

    public static TheoryData<decimal[], decimal, Direction, decimal> SharesOfPeersBeaten => new()
    {
        // [1, 2, 2, 3, 4], value 2: one other 2 ties; lower-is-better, 3 and 4 are worse: (2 + 0.5) / 4.
        { [1m, 2m, 2m, 3m, 4m], 2m, Direction.LowerIsBetter, 0.625m },
        // Higher-is-better, only 1 is worse: (1 + 0.5) / 4.
        { [1m, 2m, 2m, 3m, 4m], 2m, Direction.HigherIsBetter, 0.375m },
        { [1m, 2m, 2m, 3m, 4m], 1m, Direction.LowerIsBetter, 1m },
        { [1m, 2m, 2m, 3m, 4m], 1m, Direction.HigherIsBetter, 0m },
        { [1m, 2m, 2m, 3m, 4m], 4m, Direction.LowerIsBetter, 0m },
        { [1m, 2m, 2m, 3m, 4m], 4m, Direction.HigherIsBetter, 1m },
        // All equal: every other value ties, 0.5 each way.
        { [5m, 5m, 5m], 5m, Direction.LowerIsBetter, 0.5m },
        { [5m, 5m, 5m], 5m, Direction.HigherIsBetter, 0.5m },
        { [3m, 5m], 3m, Direction.LowerIsBetter, 1m },
        // Only itself.
        { [9m], 9m, Direction.LowerIsBetter, 0.5m },
        { [9m], 9m, Direction.HigherIsBetter, 0.5m },
    };

    [Theory]
    [MemberData(nameof(SharesOfPeersBeaten))]
    public void ShareOfPeersBeaten_WorseAndTiedOthers_IsWorsePlusHalfTiesOverNMinusOne(decimal[] sorted, decimal value, Direction direction, decimal expected) =>
        Assert.Equal(expected, Tiers.ShareOfPeersBeaten(sorted, value, direction));

    private static PeerValue[] Values(params (decimal Value, string Workspace)[] values) =>
        values.Select(v => new PeerValue(v.Value, v.Workspace)).ToArray();

    [Fact]
    public void Peers_FourScenariosFromThreeWorkspaces_AreWithheld() =>
        Assert.Null(Tiers.Peers(Segment.EnterpriseAi, Metric.InferenceCostPerRequest,
            Values((1m, "a"), (2m, "b"), (3m, "c"), (4m, "a"))));

    [Fact]
    public void Peers_FiveScenariosFromTwoWorkspaces_AreWithheld() =>
        Assert.Null(Tiers.Peers(Segment.EnterpriseAi, Metric.InferenceCostPerRequest,
            Values((1m, "a"), (2m, "b"), (3m, "a"), (4m, "b"), (5m, "a"))));

    [Fact]
    public void Peers_FiveScenariosFromThreeWorkspaces_ArePublishedWithTheirQuantiles()
    {
        PeerStatistic? peers = Tiers.Peers(Segment.EnterpriseAi, Metric.InferenceCostPerRequest,
            Values((5m, "a"), (1m, "b"), (4m, "c"), (2m, "a"), (3m, "b")));

        // Sorted 1..5, positions q * 4: p10 at 0.4, p25 at 1, p50 at 2, p75 at 3, p90 at 3.6.
        Assert.Equal(new PeerStatistic(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, 5, 3, 1.4m, 2m, 3m, 4m, 4.6m), peers);
    }

    [Fact]
    public void Peers_ProfitabilityFromFourWorkspaces_AreWithheldEvenWithFiveValues() =>
        Assert.Null(Tiers.Peers(Segment.AllSectors, Metric.AiFeatureProfitability,
            Values((0.1m, "a"), (0.2m, "b"), (0.3m, "c"), (0.4m, "d"), (0.5m, "a"))));

    [Fact]
    public void Peers_ProfitabilityFromFiveWorkspaces_ArePublished()
    {
        PeerStatistic? peers = Tiers.Peers(Segment.AllSectors, Metric.AiFeatureProfitability,
            Values((1m, "a"), (0.5m, "b"), (0m, "c"), (0.25m, "d"), (0.75m, "e")));

        Assert.Equal(new PeerStatistic(Segment.AllSectors, Metric.AiFeatureProfitability, 5, 5, 0.1m, 0.25m, 0.5m, 0.75m, 0.9m), peers);
    }

    public static TheoryData<decimal?[], decimal?> Profitability => new()
    {
        // Two of five scenarios with revenue have a recommended approach with a positive gross margin.
        { [0.5m, -1m, null, 0m, 2m], 0.4m },
        { [100m], 1m },
        { [0m, -0.01m], 0m },
        { [null, null, null], 0m },
        { [1m, 1m, -1m], 2m / 3m },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Profitability))]
    public void WorkspaceProfitability_ScenariosWithRevenue_IsTheShareWithPositiveGrossMargin(decimal?[] grossMargins, decimal? expected) =>
        Assert.Equal(expected, Tiers.WorkspaceProfitability(grossMargins));
}

public sealed class MetricDirectionTests
{
    [Fact]
    public void DirectionOf_EverySeedBand_AgreesWithItsBand() =>
        Assert.All(BenchmarkBands.Seed, band => Assert.Equal(band.Direction, Tiers.DirectionOf(band.Metric)));

    [Fact]
    public void WorkspaceProfitability_Counts_GiveTheShareOrNull()
    {
        Assert.Null(Tiers.WorkspaceProfitability(0, 0));
        Assert.Equal(0.75m, Tiers.WorkspaceProfitability(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tiers.WorkspaceProfitability(2, 3));
    }
}
