using System.Text.Json.Serialization;
using FineTune.Storage;

namespace FineTune.Functions.Recompute;

/// <summary>What one recompute request did (the body of <c>POST /api/benchmarks/recompute</c>).</summary>
/// <param name="RunId">The run record: the slot for a timer run, a start time and suffix for a manual one.</param>
/// <param name="Status"><c>completed</c> when this request ran it to its end; <c>already-completed</c> or <c>busy</c> when it did nothing.</param>
/// <param name="Resumed">True when the run this request completed was an interrupted one it took up (see <paramref name="Attempts"/>).</param>
/// <param name="Attempts">Requests that took up this run, this one included.</param>
/// <param name="ComputedAt">The <c>computedAt</c> of what it wrote; null when it did nothing.</param>
/// <param name="PriceVersion">The version of the price catalog scenarios naming a model were priced from; null when it did nothing.</param>
/// <param name="ComparisonsWritten">Written by this request.</param>
/// <param name="ComparisonsAlreadyWritten">Skipped because an interrupted attempt of the same run had written them.</param>
/// <param name="DurationMilliseconds">This request's time, start to end.</param>
/// <param name="ScenariosPerSecond">Scenarios scanned over that time.</param>
public sealed record RecomputeSummary(
    string RunId,
    RecomputeTrigger Trigger,
    RecomputeStatus Status,
    bool Resumed,
    int Attempts,
    DateTimeOffset? ComputedAt,
    long? BenchmarkVersion,
    long? PriceVersion,
    int Scenarios,
    int InvalidScenarios,
    int Workspaces,
    int PeerRowsPublished,
    int ComparisonsWritten,
    int ComparisonsAlreadyWritten,
    long DurationMilliseconds,
    decimal ScenariosPerSecond);

/// <summary>What a recompute request did with its run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecomputeStatus>))]
public enum RecomputeStatus
{
    /// <summary>This request ran the run to its end, from the start or resuming an interrupted attempt.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The run had completed before: this request did nothing.</summary>
    [JsonStringEnumMemberName("already-completed")] AlreadyCompleted,
    /// <summary>Another request holds a live lease on the run: this one did nothing.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
}

/// <summary>Where a run stands, reported after every page scanned and every wave of writes.</summary>
/// <param name="Done">Scenarios scanned, or comparisons written (or skipped as already written), in this phase.</param>
/// <param name="Total">The phase's total when known: the last completed run's count while scanning (an estimate), exact while writing.</param>
public sealed record RecomputeProgress(string RunId, RecomputePhase Phase, int Done, int? Total, TimeSpan Elapsed);
