using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Recompute;

/// <summary>Counts one phase of a run, reports every step and logs rate and expected finish now and then.</summary>
internal sealed class ProgressMeter(
    string runId, RecomputePhase phase, int? total, TimeProvider timeProvider, RecomputeOptions options, ILogger logger,
    IProgress<RecomputeProgress>? progress)
{
    private readonly long started = timeProvider.GetTimestamp();
    private long lastLogged = timeProvider.GetTimestamp();
    private int lastLoggedDone;

    /// <summary>Scenarios done in this phase.</summary>
    public int Done { get; private set; }

    /// <summary>Adds <paramref name="count"/> scenarios done.</summary>
    public void Advance(int count)
    {
        Done += count;
        TimeSpan elapsed = timeProvider.GetElapsedTime(started);
        progress?.Report(new RecomputeProgress(runId, phase, Done, total, elapsed));
        if (Done - lastLoggedDone < options.LogEveryScenarios && timeProvider.GetElapsedTime(lastLogged) < options.LogEvery)
        {
            return;
        }
        (lastLoggedDone, lastLogged) = (Done, timeProvider.GetTimestamp());
        double rate = Math.Round(Done / Math.Max(elapsed.TotalSeconds, 0.001));
        if (total is int all && all > Done && rate > 0)
        {
            DateTimeOffset finish = timeProvider.GetUtcNow() + TimeSpan.FromSeconds((all - Done) / rate);
            RecomputeLog.Progress(logger, runId, phase, Done, all, rate, finish);
        }
        else
        {
            RecomputeLog.ProgressWithoutTotal(logger, runId, phase, Done, rate);
        }
    }
}
