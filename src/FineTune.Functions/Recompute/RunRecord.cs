using FineTune.Storage;

namespace FineTune.Functions.Recompute;

/// <summary>The run record a recompute holds: each save renews its lease, and fails the run if another run took it over.</summary>
internal sealed class RunRecord(RecomputeRunStore runs, RecomputeRun run, TimeProvider timeProvider, RecomputeOptions options)
{
    // Giving the record back after a cancellation must not itself be cancelled, nor hang.
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    private long lastSaved = timeProvider.GetTimestamp();

    /// <summary>The record as last saved.</summary>
    public RecomputeRun Current { get; private set; } = run;

    /// <summary>True when the lease should be renewed.</summary>
    public bool RenewalDue => timeProvider.GetElapsedTime(lastSaved) >= options.LeaseRenewal;

    /// <summary>Saves <paramref name="change"/> of the record with a renewed lease.</summary>
    /// <exception cref="InvalidOperationException">Another run took the record over after this one's lease lapsed.</exception>
    public async Task SaveAsync(Func<RecomputeRun, RecomputeRun> change, CancellationToken cancellationToken = default)
    {
        RecomputeRun next = change(Current) with { LeaseUntil = timeProvider.GetUtcNow() + options.Lease };
        Current = await runs.SaveAsync(next, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Recompute {Current.Id} was taken over by another run after its lease lapsed.");
        lastSaved = timeProvider.GetTimestamp();
    }

    /// <summary>Ends the lease now, checkpoint kept, so the next run of the record resumes at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReleaseTimeout);
        if (await runs.SaveAsync(Current with { LeaseUntil = timeProvider.GetUtcNow() }, timeout.Token).ConfigureAwait(false) is { } saved)
        {
            Current = saved;
        }
    }
}
