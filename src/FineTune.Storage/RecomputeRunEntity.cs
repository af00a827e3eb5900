using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// A row of the <c>recomputeruns</c> table: PartitionKey <c>schedule</c> or <c>manual</c>, RowKey the run's id;
/// the row <c>latest/completed</c> copies the last run that completed.
/// </summary>
internal sealed class RecomputeRunEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Trigger { get; set; } = "";
    public string Id { get; set; } = "";
    public string Phase { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CheckpointWorkspace { get; set; }
    public string? CheckpointScenarioId { get; set; }
    public DateTimeOffset? ComputedAt { get; set; }
    public long? BenchmarkVersion { get; set; }
    public long? PriceVersion { get; set; }
    public int Scenarios { get; set; }
    public int InvalidScenarios { get; set; }
    public int Workspaces { get; set; }
    public int PeerRowsPublished { get; set; }
    public int ComparisonsWritten { get; set; }
}
