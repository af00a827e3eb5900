using FineTune.Functions.Usage;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// Timer <c>%MONITOR_SCHEDULE%</c> (default 00:30 UTC daily): the pace rule for the day before and the missed alert deliveries,
/// once per schedule slot.
/// </summary>
public sealed class EvaluateMonitoring(MonitorEvaluation evaluation, MonitorSchedule schedule, TimeProvider timeProvider)
{
    /// <summary>
    /// Evaluates the slot this firing belongs to (the latest occurrence of the schedule at or before now). A repeated or past-due
    /// firing of a slot that completed does nothing.
    /// </summary>
    [Function(nameof(EvaluateMonitoring))]
    public async Task Run(
        [TimerTrigger("%MONITOR_SCHEDULE%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await evaluation.RunSlotAsync(schedule.SlotAt(timeProvider.GetUtcNow()), cancellationToken);
    }
}
