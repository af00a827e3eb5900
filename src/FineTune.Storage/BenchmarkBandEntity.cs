using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>benchmarkbands</c> table. All rows share one partition, so a band and the version row change
/// together in one transaction. The version row (RowKey <c>version</c>) holds only <see cref="Version"/>; every other
/// row is a band, RowKey <c>{segment}.{metric}</c>, thresholds as invariant-culture text.
/// </summary>
internal sealed class BenchmarkBandEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The bands' version, on the version row; 1 after seeding, one more per upsert.</summary>
    public long Version { get; set; }

    public string Segment { get; set; } = "";
    public string Metric { get; set; } = "";
    public string Direction { get; set; } = "";
    public string Low { get; set; } = "";
    public string MedianLow { get; set; } = "";
    public string MedianHigh { get; set; } = "";
    public string Elite { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
