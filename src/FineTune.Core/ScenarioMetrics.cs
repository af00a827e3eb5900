namespace FineTune.Core;

/// <summary>
/// The benchmark metrics of one analysed scenario (economics.md section 6), taken from its recommended approach, else
/// its baseline: what the scheduled recompute files under the scenario's segment and ranks among peers.
/// </summary>
/// <param name="Values">ai-cogs-to-revenue (absent without revenue or when it cannot be expressed), inference-cost-per-request (fully loaded cost, dollars) and model-routing-coverage (0 without routing).</param>
/// <param name="HasRevenue">Whether the scenario counts towards its workspace's ai-feature-profitability.</param>
/// <param name="RecommendedGrossMargin">Gross margin of the recommended approach over the horizon, dollars; null without revenue or recommendation.</param>
public sealed record ScenarioMetrics(
    Segment Segment,
    IReadOnlyList<MetricValue> Values,
    bool HasRevenue,
    decimal? RecommendedGrossMargin)
{
    /// <summary>Profitable for ai-feature-profitability: it has revenue and its recommended approach a gross margin above 0.</summary>
    public bool Profitable => HasRevenue && RecommendedGrossMargin > 0m;

    /// <summary>Reads the metrics of <paramref name="scenario"/> off its <paramref name="analysis"/>.</summary>
    public static ScenarioMetrics Of(Scenario scenario, Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(analysis);
        string featuredId = analysis.Recommendation.ApproachId ?? analysis.BaselineId;
        int featured = 0;
        while (analysis.Approaches[featured].Id != featuredId)
        {
            featured++;
        }

        ApproachAnalysis approach = analysis.Approaches[featured];
        var values = new List<MetricValue>(3);
        if (approach.Horizon.AiCogsToRevenue is decimal cogs)
        {
            values.Add(new(Metric.AiCogsToRevenue, cogs));
        }

        values.Add(new(Metric.InferenceCostPerRequest, approach.PerRequest.FullyLoadedCost));
        values.Add(new(Metric.ModelRoutingCoverage, scenario.Approaches[featured].Routing?.Share ?? 0m));
        decimal? margin = analysis.Recommendation.ApproachId is null ? null : approach.Horizon.GrossMargin;
        return new(analysis.Segment, values, scenario.Revenue is not null, margin);
    }
}

/// <summary>One metric's value, in the metric's unit (fraction, or dollars per request).</summary>
public readonly record struct MetricValue(Metric Metric, decimal Value);
