using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Usage;

/// <summary>
/// Records a batch of daily usage and evaluates the alert rules of its days (economics.md section 9).
/// </summary>
/// <remarks>
/// Each day is one row, written only at the version read (<see cref="UsageStore.TryWriteAsync"/>), so concurrent posts for one
/// day serialize: a post that loses the race reads again and merges on top. The alerts of each day are then evaluated from the
/// state that post wrote (or found), tagged with the day's version, so an evaluation of an older version never overwrites a
/// newer one, and an alert that fires is inserted once: exactly one post reports it, and enqueues its deliveries to the
/// workspace's webhooks.
/// </remarks>
public sealed class UsageIngestion(UsageStore usage, AlertStore alerts, AlertNotifier notifier, ILogger<UsageIngestion> logger)
{
    // Each round means another post changed one of these days in between; more than a few in a row is not contention but a fault.
    private const int MaxAttempts = 8;

    private static readonly AlertKind[] ArrivalKinds = [AlertKind.OverPlan, AlertKind.Spike, AlertKind.Accuracy];

    /// <summary>Stores <paramref name="records"/> (approach ids resolved, at most one per approach and day) and returns what happened.</summary>
    public async Task<UsageReceipt> RecordAsync(
        StoredScenario stored, MonitorPlan plan, IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        Dictionary<DateOnly, List<UsageRecord>> incoming = records.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.ToList());
        DateOnly first = incoming.Keys.Min(), last = incoming.Keys.Max();

        (Dictionary<DateOnly, StoredUsageDay> state, DayCounts counts) = await WriteAsync(stored, incoming, first, last, cancellationToken);
        IReadOnlyList<StoredAlert> fired = await EvaluateAsync(stored, plan, state, incoming.Keys, first, last, cancellationToken);
        UsageLog.Recorded(logger, stored.Workspace, stored.Id, records.Count, counts.Replaced, counts.Unchanged, fired.Count);
        await NotifyAsync(stored, fired);
        return new UsageReceipt(records.Count, counts.Replaced, counts.Unchanged, fired);
    }

    /// <summary>
    /// Merges and writes every day, reading again whenever another post got to a day first. Returns the days from 28 before the
    /// first through the last as they stand after this post's writes.
    /// </summary>
    private async Task<(Dictionary<DateOnly, StoredUsageDay> State, DayCounts Counts)> WriteAsync(
        StoredScenario stored, Dictionary<DateOnly, List<UsageRecord>> incoming, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var done = new Dictionary<DateOnly, DayMerge>();
        for (int attempt = 1; ; attempt++)
        {
            Dictionary<DateOnly, StoredUsageDay> state = (await usage
                .ReadAsync(stored.Workspace, stored.Id, first.AddDays(-AlertRules.SpikeWindowDays), last, cancellationToken))
                .ToDictionary(day => day.Date);
            var writes = new List<(UsageDayWrite Write, DayMerge Merge)>();
            foreach ((DateOnly date, List<UsageRecord> records) in incoming.OrderBy(pair => pair.Key))
            {
                if (done.ContainsKey(date))
                {
                    continue;
                }
                StoredUsageDay? previous = state.GetValueOrDefault(date);
                DayMerge merge = UsageRecords.Merge(previous?.Records ?? [], records);
                if (merge.Changed)
                {
                    writes.Add((new UsageDayWrite(date, merge.Records, previous), merge));
                }
                else
                {
                    done[date] = merge;
                }
            }

            bool conflict = false;
            foreach ((UsageDayWrite Write, DayMerge Merge)[] chunk in writes.Chunk(UsageStore.MaxBatchSize))
            {
                if (!await usage.TryWriteAsync(stored.Workspace, stored.Id, [.. chunk.Select(c => c.Write)], cancellationToken))
                {
                    conflict = true;
                    break;
                }
                foreach ((UsageDayWrite write, DayMerge merge) in chunk)
                {
                    done[write.Date] = merge;
                    state[write.Date] = new StoredUsageDay(write.Date, write.Records, write.Version);
                }
            }
            if (!conflict)
            {
                return (state, new DayCounts(done.Values.Sum(m => m.Replaced), done.Values.Sum(m => m.Unchanged)));
            }
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Usage of {stored.Workspace}/{stored.Id} kept changing under {MaxAttempts} attempts to write it.");
            }
            UsageLog.Retried(logger, stored.Workspace, stored.Id, attempt);
        }
    }

    /// <summary>Evaluates over-plan, spike and accuracy for each day of the batch and stores what changed; returns the alerts that fired for the first time.</summary>
    private async Task<IReadOnlyList<StoredAlert>> EvaluateAsync(
        StoredScenario stored, MonitorPlan plan, Dictionary<DateOnly, StoredUsageDay> state, IEnumerable<DateOnly> dates, DateOnly first,
        DateOnly last, CancellationToken cancellationToken)
    {
        Dictionary<DateOnly, DayUsage> days = MonitorPlans.Days(plan, state.Values);
        Dictionary<string, StoredAlert> existing = (await alerts.ReadScenarioAsync(stored.Workspace, stored.Id, first, last, cancellationToken))
            .ToDictionary(alert => alert.Alert.Id, StringComparer.Ordinal);
        var evaluations = new List<(AlertEvaluation, StoredAlert?)>();
        foreach (DateOnly date in dates.Order())
        {
            IReadOnlyList<Alert> found = AlertRules.OnArrival(plan, stored.Id, date, days);
            foreach (AlertKind kind in ArrivalKinds)
            {
                Alert? alert = found.FirstOrDefault(a => a.Kind == kind);
                StoredAlert? current = existing.GetValueOrDefault(AlertRules.AlertId(stored.Id, kind, date));
                // Nothing stored and nothing fires: nothing to write.
                if (alert is not null || current is not null)
                {
                    evaluations.Add((new AlertEvaluation(stored.Id, kind, date, alert, state[date].Version), current));
                }
            }
        }
        IReadOnlyList<AlertWrite> writes = await alerts.ApplyAllAfterReadAsync(stored.Workspace, evaluations, cancellationToken);
        return [.. writes.Where(write => write.Change == AlertChange.Fired).Select(write => write.Alert!)];
    }

    /// <summary>
    /// Enqueues the deliveries of the alerts this batch fired, then marks them notified. The usage and the alerts are stored by
    /// then, so a queue out of reach does not fail the batch: the monitoring timer enqueues the deliveries of alerts left unmarked.
    /// </summary>
    private async Task NotifyAsync(StoredScenario stored, IReadOnlyList<StoredAlert> fired)
    {
        if (fired.Count == 0)
        {
            return;
        }
        try
        {
            // Not the caller's token: a caller that hangs up once the alerts are stored does not hold their deliveries back.
            await notifier.NotifyFiredAsync(fired, CancellationToken.None);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            UsageLog.NotifyDeferred(logger, e, stored.Workspace, stored.Id, fired.Count);
        }
    }

    private readonly record struct DayCounts(int Replaced, int Unchanged);
}

/// <summary>What a batch of usage did.</summary>
/// <param name="Accepted">Records accepted: every record of the batch.</param>
/// <param name="Replaced">Records that replaced a different stored record of the same approach and day.</param>
/// <param name="Unchanged">Records equal to the stored one: nothing written for them.</param>
/// <param name="Fired">Alerts that fired for the first time with this batch: the ones to send.</param>
public sealed record UsageReceipt(int Accepted, int Replaced, int Unchanged, IReadOnlyList<StoredAlert> Fired);
