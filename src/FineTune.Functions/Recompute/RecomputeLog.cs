using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Recompute;

/// <summary>The benchmark recompute's log lines.</summary>
internal static partial class RecomputeLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Benchmark recompute {RunId} ({Trigger}) {Status}: attempt {Attempt}, bands version {BenchmarkVersion}, prices version {PriceVersion}")]
    public static partial void Started(
        ILogger logger, string runId, RecomputeTrigger trigger, RecomputeClaimStatus status, int attempt, long benchmarkVersion, long priceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark recompute {RunId} ({Trigger}) does nothing: {Status}")]
    public static partial void Skipped(ILogger logger, string runId, RecomputeTrigger trigger, RecomputeClaimStatus status);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Benchmark recompute {RunId} {Phase}: {Done} of {Total} scenarios, {Rate} per second, expected to finish at {ExpectedFinish}")]
    public static partial void Progress(
        ILogger logger, string runId, RecomputePhase phase, int done, int total, double rate, DateTimeOffset expectedFinish);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark recompute {RunId} {Phase}: {Done} scenarios, {Rate} per second")]
    public static partial void ProgressWithoutTotal(ILogger logger, string runId, RecomputePhase phase, int done, double rate);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Benchmark recompute {RunId} skips {Workspace}/{ScenarioId}: the row is not a valid scenario under today's rules, or names a model the price catalog cannot price ({Refused})")]
    public static partial void InvalidScenario(ILogger logger, string runId, string workspace, string scenarioId, string refused);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Benchmark recompute {RunId} completed: {Scenarios} scenarios of {Workspaces} workspaces, {PeerRows} peer rows "
            + "published, {Written} comparisons written ({AlreadyWritten} already written) in {DurationMilliseconds} ms")]
    public static partial void Completed(
        ILogger logger, string runId, int scenarios, int workspaces, int peerRows, int written, int alreadyWritten, long durationMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Benchmark recompute {RunId} stopped in {Phase}; the next run of it, or the next slot, completes the work")]
    public static partial void Interrupted(ILogger logger, string runId, RecomputePhase phase);
}
