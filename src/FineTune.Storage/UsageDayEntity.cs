using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>usage</c> table: PartitionKey <c>{workspace}:{scenarioId}</c>, RowKey the day (<c>yyyy-MM-dd</c>), so
/// a scenario's days sort by date and one transaction can hold up to 100 of them.
/// </summary>
internal sealed class UsageDayEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The day's records, one per approach, as compact JSON with exact decimals (Table Storage has no decimal type).</summary>
    public string Records { get; set; } = "";

    /// <summary>Requests of every record of the day, for reading the table by eye.</summary>
    public long Requests { get; set; }

    /// <summary>Goes up by one with every write of the day; the alerts evaluated from the day carry it.</summary>
    public long Version { get; set; }
}
