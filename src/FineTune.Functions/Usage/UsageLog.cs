using FineTune.Core;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Usage;

/// <summary>The log lines of usage and monitoring.</summary>
internal static partial class UsageLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Usage of {Workspace}/{ScenarioId}: {Records} records, {Replaced} replaced, {Unchanged} unchanged, {AlertsFired} alerts fired")]
    public static partial void Recorded(ILogger logger, string workspace, string scenarioId, int records, int replaced, int unchanged, int alertsFired);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Usage of {Workspace}/{ScenarioId}: the deliveries of {AlertsFired} alerts fired could not be enqueued; the monitoring timer will enqueue them")]
    public static partial void NotifyDeferred(ILogger logger, Exception exception, string workspace, string scenarioId, int alertsFired);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Usage of {Workspace}/{ScenarioId}: another post changed the same days first; reading again (attempt {Attempt})")]
    public static partial void Retried(ILogger logger, string workspace, string scenarioId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring {SlotId} does nothing: it completed at {CompletedAt}")]
    public static partial void AlreadyCompleted(ILogger logger, string slotId, DateTimeOffset completedAt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Monitoring {SlotId} evaluated the pace of {Day} for {Scenarios} scenarios: {AlertsFired} alerts fired, {Invalid} rows skipped, in {DurationMilliseconds} ms")]
    public static partial void Completed(ILogger logger, string slotId, DateOnly day, int scenarios, int alertsFired, int invalid, long durationMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Monitoring {SlotId} skips {Workspace}/{ScenarioId}: the row is no longer a valid scenario, or names a model the catalog cannot price")]
    public static partial void InvalidScenario(ILogger logger, string slotId, string workspace, string scenarioId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Monitoring {SlotId}: {Alerts} alerts fired by {FiredBy} had no deliveries enqueued; enqueued them now")]
    public static partial void MissedDeliveries(ILogger logger, string slotId, int alerts, DateTimeOffset firedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} ({Kind}) fired for {Workspace}: {Message}")]
    public static partial void Fired(ILogger logger, string alertId, AlertKind kind, string workspace, string message);
}
