namespace FineTune.Core;

/// <summary>The seed bands and the tier rules of economics.md section 6.</summary>
public static class BenchmarkBands
{
    /// <summary>How the seed bands are labelled: figures from the source document, not measured industry data.</summary>
    public const string SeedSource = "source-document reference band";

    /// <summary>The four bands of the source document's industry table.</summary>
    public static IReadOnlyList<BenchmarkBand> Seed { get; } =
    [
        new(Segment.AiFirstSaas, Metric.AiCogsToRevenue, Direction.LowerIsBetter, 0.40m, 0.15m, 0.25m, 0.10m, SeedSource),
        new(Segment.EnterpriseAi, Metric.InferenceCostPerRequest, Direction.LowerIsBetter, 0.10m, 0.01m, 0.05m, 0.005m, SeedSource),
        new(Segment.ConsumerAi, Metric.ModelRoutingCoverage, Direction.HigherIsBetter, 0.30m, 0.50m, 0.70m, 0.85m, SeedSource),
        new(Segment.AllSectors, Metric.AiFeatureProfitability, Direction.HigherIsBetter, 0.30m, 0.50m, 0.60m, 0.80m, SeedSource),
    ];
}
