using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>peerstatistics</c> table. All rows share one partition, so a recompute replaces the whole
/// publication in one transaction. The row <c>computed</c> holds only <see cref="ComputedAt"/>; every other row is a
/// published statistic, RowKey <c>{segment}.{metric}</c>, quantiles as invariant-culture text.
/// </summary>
internal sealed class PeerStatisticEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
    public string Segment { get; set; } = "";
    public string Metric { get; set; } = "";
    public int Count { get; set; }
    public int Workspaces { get; set; }
    public string P10 { get; set; } = "";
    public string P25 { get; set; } = "";
    public string P50 { get; set; } = "";
    public string P75 { get; set; } = "";
    public string P90 { get; set; } = "";
}
