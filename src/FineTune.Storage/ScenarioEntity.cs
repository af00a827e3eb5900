using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>scenarios</c> table: PartitionKey is the workspace, RowKey the scenario id. The scenario is kept
/// as its JSON text because Table Storage has no decimal type (a decimal property reads back as 0).
/// </summary>
internal sealed class ScenarioEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The scenario's name, for reading the table by eye and for later queries.</summary>
    public string Name { get; set; } = "";

    /// <summary>The scenario's segment in its JSON spelling, <c>all-sectors</c> when absent.</summary>
    public string Segment { get; set; } = "";

    /// <summary>The scenario as compact JSON with exact decimals.</summary>
    public string ScenarioJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The columns reads use, trusting none of them: a row written by hand may lack one or hold it with another type,
    /// and must still read. A missing or mistyped <see cref="ScenarioJson"/> reads as empty text (no scenario), a
    /// missing or mistyped date as the row's <see cref="Timestamp"/>, the service's time of its last write.
    /// </summary>
    public static ScenarioEntity Read(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        ETag = row.ETag,
        ScenarioJson = row.TryGetValue(nameof(ScenarioJson), out object? json) && json is string text ? text : "",
        CreatedAt = Date(row, nameof(CreatedAt)),
        UpdatedAt = Date(row, nameof(UpdatedAt)),
    };

    private static DateTimeOffset Date(TableEntity row, string column) =>
        row.TryGetValue(column, out object? value) && value is DateTimeOffset date ? date : row.Timestamp ?? default;
}
