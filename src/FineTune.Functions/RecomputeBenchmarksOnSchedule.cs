using FineTune.Functions.Recompute;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>Timer <c>%BENCHMARK_RECOMPUTE_SCHEDULE%</c> (default hourly): the benchmark recompute, once per schedule slot.</summary>
public sealed class RecomputeBenchmarksOnSchedule(BenchmarkRecompute recompute, RecomputeSchedule schedule, TimeProvider timeProvider)
{
    /// <summary>
    /// Runs the slot this firing belongs to (the latest occurrence of the schedule at or before now). A repeated or
    /// past-due firing of a slot that completed does nothing; one of a slot that was interrupted completes it.
    /// </summary>
    [Function(nameof(RecomputeBenchmarksOnSchedule))]
    public async Task Run(
        [TimerTrigger("%BENCHMARK_RECOMPUTE_SCHEDULE%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await recompute.RunSlotAsync(schedule.SlotAt(timeProvider.GetUtcNow()), cancellationToken: cancellationToken);
    }
}
