using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>modelprices</c> table. Every row sits in one partition, so a price and the version row change in one
/// transaction. The version row (RowKey <c>!version</c>) holds only <see cref="Version"/>; every other row is one version
/// of one entry, RowKey <c>{provider}!{model}!{deployment}!{effectiveFrom:yyyy-MM-dd}</c> (deployment empty when none),
/// so an entry's versions lie together, oldest first, and entries in <see cref="Core.ModelId.Order"/>. Rates are invariant-culture text, absent when unknown.
/// </summary>
internal sealed class ModelPriceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>On the version row the catalog's version; on a price row the catalog version that wrote it.</summary>
    public long Version { get; set; }

    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public string Deployment { get; set; } = "";

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string EffectiveFrom { get; set; } = "";

    public string? InputPerMillion { get; set; }
    public string? CachedInputPerMillion { get; set; }
    public string? OutputPerMillion { get; set; }
    public string? BatchInputPerMillion { get; set; }
    public string? BatchOutputPerMillion { get; set; }

    /// <summary>Whether the entry has fine-tuning rates (an object, possibly of unknown rates), as against none at all.</summary>
    public bool HasFineTune { get; set; }

    public string? FineTuneTrainingPerMillion { get; set; }
    public string? FineTuneInputPerMillion { get; set; }
    public string? FineTuneCachedInputPerMillion { get; set; }
    public string? FineTuneOutputPerMillion { get; set; }
    public string? FineTuneHostingPerHour { get; set; }

    public string Source { get; set; } = "";
    public DateTimeOffset RetrievedAt { get; set; }

    /// <summary>When the row was written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
