using FineTune.Core;

namespace FineTune.Functions.Benchmarks;

/// <summary>Which way is better for each metric, by its nature.</summary>
public static class MetricDirections
{
    /// <summary>
    /// The direction of <paramref name="metric"/> as the seed bands declare it: ai-cogs-to-revenue and
    /// inference-cost-per-request lower-is-better, model-routing-coverage and ai-feature-profitability higher-is-better.
    /// A band may not turn it round: a cost does not become better by rising.
    /// </summary>
    public static Direction Of(Metric metric) =>
        BenchmarkBands.Seed.FirstOrDefault(band => band.Metric == metric)?.Direction
            ?? throw new ArgumentOutOfRangeException(nameof(metric), metric, "No seed band declares this metric's direction.");
}
