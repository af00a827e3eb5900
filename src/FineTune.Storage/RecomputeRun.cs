using System.Text.Json.Serialization;
using Azure;

namespace FineTune.Storage;

/// <summary>What started a recompute.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecomputeTrigger>))]
public enum RecomputeTrigger
{
    /// <summary>The timer, once per schedule slot.</summary>
    [JsonStringEnumMemberName("schedule")] Schedule,
    /// <summary>An administrator; every manual request runs.</summary>
    [JsonStringEnumMemberName("manual")] Manual,
}

/// <summary>How far a recompute got.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecomputePhase>))]
public enum RecomputePhase
{
    /// <summary>Reading and analysing every scenario.</summary>
    [JsonStringEnumMemberName("scan")] Scan,
    /// <summary>Publishing the peer statistics.</summary>
    [JsonStringEnumMemberName("publish")] Publish,
    /// <summary>Writing every scenario's comparison.</summary>
    [JsonStringEnumMemberName("write")] Write,
    /// <summary>Completed.</summary>
    [JsonStringEnumMemberName("done")] Done,
}

/// <summary>
/// The record of one recompute: for the timer one per schedule slot, so a slot that completed is not run again, and
/// an interrupted one resumes from its checkpoint.
/// </summary>
/// <param name="Id">The slot, <c>yyyy-MM-ddTHH:mm:ssZ</c>, or for a manual run its start and a random suffix.</param>
/// <param name="Attempts">How many runs took this record up, the first included.</param>
/// <param name="LeaseUntil">Until when the run that holds it is presumed alive; another run may take it over after.</param>
/// <param name="Checkpoint">The last comparison of the write pass known written: every scenario ordered at or before it
/// (workspace, then id, ordinal) has its comparison. Null until the first write batch.</param>
public sealed record RecomputeRun(
    RecomputeTrigger Trigger,
    string Id,
    RecomputePhase Phase,
    int Attempts,
    DateTimeOffset StartedAt,
    DateTimeOffset LeaseUntil,
    RecomputeCheckpoint? Checkpoint,
    RecomputeCounts Counts,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The row's version; a save succeeds only while it is current.</summary>
    internal ETag ETag { get; init; }
}

/// <summary>A position in the write pass: a scenario's workspace and id.</summary>
public sealed record RecomputeCheckpoint(string Workspace, string ScenarioId);

/// <summary>What a recompute counted.</summary>
/// <param name="ComputedAt">The <c>computedAt</c> of the comparisons and peer statistics it writes.</param>
/// <param name="PriceVersion">The version of the price catalog scenarios naming a model were priced from.</param>
/// <param name="InvalidScenarios">Stored rows that today's rules refuse, that name a model the catalog cannot price, or under
/// an id the store does not make; they are skipped.</param>
/// <param name="ComparisonsWritten">Over every attempt of the run.</param>
public sealed record RecomputeCounts(
    DateTimeOffset? ComputedAt,
    long? BenchmarkVersion,
    long? PriceVersion,
    int Scenarios,
    int InvalidScenarios,
    int Workspaces,
    int PeerRowsPublished,
    int ComparisonsWritten)
{
    /// <summary>Nothing counted yet.</summary>
    public static RecomputeCounts None { get; } = new(null, null, null, 0, 0, 0, 0, 0);
}

/// <summary>How taking up a run record ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecomputeClaimStatus>))]
public enum RecomputeClaimStatus
{
    /// <summary>A new record: run from the start.</summary>
    [JsonStringEnumMemberName("started")] Started,
    /// <summary>An interrupted run whose lease had lapsed: run again, skipping what its checkpoint says is written.</summary>
    [JsonStringEnumMemberName("resumed")] Resumed,
    /// <summary>The run completed before: nothing to do.</summary>
    [JsonStringEnumMemberName("already-completed")] AlreadyCompleted,
    /// <summary>Another run holds a live lease on it: nothing to do.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
}

/// <summary>The outcome of <see cref="RecomputeRunStore.ClaimAsync"/> and the record as it now stands.</summary>
public sealed record RecomputeClaim(RecomputeClaimStatus Status, RecomputeRun Run)
{
    /// <summary>True when the caller now holds the run and must carry it out.</summary>
    public bool Holds => Status is RecomputeClaimStatus.Started or RecomputeClaimStatus.Resumed;
}
