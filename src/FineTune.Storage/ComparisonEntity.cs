using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>comparisons</c> table: PartitionKey is the workspace, RowKey the scenario id, as in the scenarios
/// table. The metrics are JSON text with exact decimals (Table Storage has no decimal type).
/// </summary>
internal sealed class ComparisonEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
    public long BenchmarkVersion { get; set; }

    /// <summary>Absent in rows written before comparisons recorded the price catalog's version.</summary>
    public long? PriceVersion { get; set; }
    public DateTimeOffset ScenarioUpdatedAt { get; set; }

    /// <summary>The <see cref="FineTune.Core.MetricComparison"/> list as compact JSON, decimals exact.</summary>
    public string Metrics { get; set; } = "";
}
