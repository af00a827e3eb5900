using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>subscriptions</c> table. A subscription is PartitionKey the workspace, RowKey its id; its index
/// row, in partition <see cref="SubscriptionStore.IndexPartition"/> with the same RowKey, names the workspace, so the
/// subscription can be found from its id alone.
/// </summary>
internal sealed class SubscriptionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Workspace { get; set; } = "";
    public string? NotificationUrl { get; set; }
    public string? ScenarioId { get; set; }
    public string? MinimumSeverity { get; set; }
    public string? Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
