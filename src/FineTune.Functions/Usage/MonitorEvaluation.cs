using System.Collections.Concurrent;
using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Usage;

/// <summary>
/// The daily monitoring run (economics.md section 9): the pace rule for the day before the schedule slot, for every stored
/// scenario, with the deliveries of the alerts it fires; then the missed deliveries: every standing alert of any workspace
/// fired more than <see cref="AlertOptions.MissedDeliveryGrace"/> ago and never marked notified has its deliveries enqueued
/// and is marked. A slot that completed is not run again; one that was interrupted runs again in full, which is safe because
/// a pace alert is inserted once per scenario and day and a delivery enqueued twice is processed once by its receiver.
/// </summary>
public sealed class MonitorEvaluation(
    ScenarioStore scenarios,
    UsageStore usage,
    AlertStore alerts,
    MonitorRunStore runs,
    ReferenceData reference,
    AlertNotifier notifier,
    AlertOptions alertOptions,
    TimeProvider timeProvider,
    ILogger<MonitorEvaluation> logger)
{
    // Scenarios evaluated at once: each is one small query, so a few in flight hide the round trips.
    private const int Parallelism = 8;

    /// <summary>Evaluates the slot <paramref name="slot"/>: the pace of the UTC day before it.</summary>
    public async Task<MonitorSummary> RunSlotAsync(DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        string slotId = RecomputeRunStore.SlotId(slot);
        DateOnly day = MonitorPlans.DayOf(slot).AddDays(-1);
        if (await runs.GetAsync(slotId, cancellationToken) is { } completed)
        {
            UsageLog.AlreadyCompleted(logger, slotId, completed.CompletedAt);
            return new MonitorSummary(slotId, day, true, completed.Scenarios, [], []);
        }

        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        long started = timeProvider.GetTimestamp();
        DateTimeOffset startedAt = timeProvider.GetUtcNow();
        var fired = new ConcurrentQueue<StoredAlert>();
        int evaluated = 0, invalid = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await foreach (ScannedPage page in scenarios.ScanAllAsync(cancellationToken: cancellationToken))
        {
            await Parallel.ForEachAsync(page.Items, options, async (item, token) =>
            {
                ScenarioParseResult parsed = item.Parse();
                // A row today's rules refuse, or that names a model the catalog can no longer price, has no plan to pace.
                if (!parsed.IsValid || snapshot.Price(parsed.Scenario!, timeProvider) is not { IsValid: true } priced)
                {
                    Interlocked.Increment(ref invalid);
                    UsageLog.InvalidScenario(logger, slotId, item.Workspace, item.Id);
                    return;
                }
                Interlocked.Increment(ref evaluated);
                if (await PaceAsync(item, MonitorPlan.Of(priced.Priced.Scenario, MonitorPlans.DayOf(item.CreatedAt)), day, token) is { } alert)
                {
                    fired.Enqueue(alert);
                    UsageLog.Fired(logger, alert.Alert.Id, alert.Alert.Kind, alert.Workspace, alert.Alert.Message);
                }
            });
        }

        // A failure to enqueue fails the run before the slot is recorded complete; the alerts stay stored, unmarked, for the next slot.
        await notifier.NotifyFiredAsync([.. fired], cancellationToken);
        IReadOnlyList<StoredAlert> missed = await NotifyMissedAsync(slotId, cancellationToken);

        await runs.CompleteAsync(new MonitorRun(slotId, startedAt, timeProvider.GetUtcNow(), evaluated, fired.Count), cancellationToken);
        UsageLog.Completed(logger, slotId, day, evaluated, fired.Count, invalid, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return new MonitorSummary(slotId, day, false, evaluated, [.. fired], missed);
    }

    /// <summary>
    /// Enqueues the deliveries of the alerts whose writer stored them but did not mark them notified within the grace period
    /// (it crashed, or the queue was out, in between), and marks them; returns them.
    /// </summary>
    private async Task<IReadOnlyList<StoredAlert>> NotifyMissedAsync(string slotId, CancellationToken cancellationToken)
    {
        DateTimeOffset firedBy = timeProvider.GetUtcNow() - alertOptions.MissedDeliveryGrace;
        IReadOnlyList<StoredAlert> missed = await alerts.ListUnnotifiedAsync(firedBy, cancellationToken);
        if (missed.Count > 0)
        {
            await notifier.NotifyFiredAsync(missed, cancellationToken);
            UsageLog.MissedDeliveries(logger, slotId, missed.Count, firedBy);
        }
        return missed;
    }

    /// <summary>The pace alert of <paramref name="day"/> when it fires for the first time; null otherwise.</summary>
    private async Task<StoredAlert?> PaceAsync(ScannedScenario item, MonitorPlan plan, DateOnly day, CancellationToken cancellationToken)
    {
        if (day < plan.StartDate)
        {
            return null;
        }
        var monthStart = new DateOnly(day.Year, day.Month, 1);
        DateOnly windowStart = day.AddDays(1 - AlertRules.PaceWindowDays);
        DateOnly from = monthStart < windowStart ? monthStart : windowStart;
        Dictionary<DateOnly, DayUsage> days = MonitorPlans.Days(plan, await usage.ReadAsync(item.Workspace, item.Id, from, day, cancellationToken));
        return days.Count > 0 && AlertRules.Pace(plan, item.Id, day, days) is { } alert
            ? await alerts.InsertOnceAsync(item.Workspace, alert, cancellationToken)
            : null;
    }
}

/// <summary>What a monitoring run did.</summary>
/// <param name="Day">The UTC day whose pace was evaluated: the day before the slot.</param>
/// <param name="AlreadyCompleted">The slot had completed before: nothing was evaluated again.</param>
/// <param name="Scenarios">Scenarios evaluated.</param>
/// <param name="Fired">Alerts that fired for the first time: their deliveries were enqueued.</param>
/// <param name="Missed">Alerts fired before whose deliveries had not been enqueued: enqueued by this run.</param>
public sealed record MonitorSummary(
    string SlotId, DateOnly Day, bool AlreadyCompleted, int Scenarios, IReadOnlyList<StoredAlert> Fired, IReadOnlyList<StoredAlert> Missed);
