using System.Globalization;
using FineTune.Core;

namespace FineTune.Functions.Recompute;

/// <summary>
/// What the recompute keeps of one scenario between its scan and its write pass: about 100 bytes, the metric values and
/// their workspace (which the peer statistics need anyway), the id and the version read.
/// </summary>
internal struct ScenarioFigures
{
    public UInt128 Id;
    public long UpdatedAtTicks;
    public int Workspace;
    public Segment Segment;
    public bool HasCogsToRevenue;
    public decimal CogsToRevenue;
    public decimal CostPerRequest;
    public decimal RoutingCoverage;

    /// <summary>The figures of a scenario of <paramref name="workspace"/> with a store-made <paramref name="id"/>.</summary>
    public static ScenarioFigures Of(string id, int workspace, DateTimeOffset updatedAt, ScenarioMetrics metrics)
    {
        var figures = new ScenarioFigures
        {
            Id = UInt128.Parse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            UpdatedAtTicks = updatedAt.UtcTicks,
            Workspace = workspace,
            Segment = metrics.Segment,
        };
        foreach (MetricValue value in metrics.Values)
        {
            switch (value.Metric)
            {
                case Metric.AiCogsToRevenue:
                    (figures.HasCogsToRevenue, figures.CogsToRevenue) = (true, value.Value);
                    break;
                case Metric.InferenceCostPerRequest:
                    figures.CostPerRequest = value.Value;
                    break;
                case Metric.ModelRoutingCoverage:
                    figures.RoutingCoverage = value.Value;
                    break;
                default:
                    throw new NotSupportedException($"ScenarioMetrics has a metric the recompute does not keep: {value.Metric}.");
            }
        }
        return figures;
    }

    /// <summary>The scenario id as the store spells it.</summary>
    public readonly string IdText => Id.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>The scenario's <c>updatedAt</c> as scanned.</summary>
    public readonly DateTimeOffset UpdatedAt => new(UpdatedAtTicks, TimeSpan.Zero);

    /// <summary>Writes the metric values into <paramref name="values"/> (room for 3) and returns how many there are.</summary>
    public readonly int CopyValues(Span<MetricValue> values)
    {
        int count = 0;
        if (HasCogsToRevenue)
        {
            values[count++] = new(Metric.AiCogsToRevenue, CogsToRevenue);
        }
        values[count++] = new(Metric.InferenceCostPerRequest, CostPerRequest);
        values[count++] = new(Metric.ModelRoutingCoverage, RoutingCoverage);
        return count;
    }
}
