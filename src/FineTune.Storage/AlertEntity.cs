using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>alerts</c> table. PartitionKey is the workspace; each alert has two rows written together: its own
/// (RowKey <c>a:{id}</c>, found by id) and one in the firing order (RowKey <c>f:{inverted firing ticks}:{inverted day}:{id}</c>,
/// which sorts newest first). Money and rates are invariant-culture text (Table Storage has no decimal type).
/// </summary>
internal sealed class AlertEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public string ScenarioId { get; set; } = "";
    public string ApproachId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Severity { get; set; } = "";

    /// <summary>The day the alert is about, <c>yyyy-MM-dd</c>.</summary>
    public string Date { get; set; } = "";

    public string Actual { get; set; } = "";
    public string Expected { get; set; } = "";
    public string Impact { get; set; } = "";
    public string? ImpactRate { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset FiredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The version of the usage day the alert was last evaluated from; an older evaluation never overwrites a newer one.</summary>
    public long Basis { get; set; }

    /// <summary>A re-evaluation found the rule no longer fires; the row stays so the alert is never fired twice.</summary>
    public bool Withdrawn { get; set; }

    /// <summary>
    /// False from the alert's firing until the deliveries to its webhooks are enqueued, then true. Absent on rows written before
    /// alerts were delivered: those count as notified, so they are never sent late.
    /// </summary>
    public bool? Notified { get; set; }
}
