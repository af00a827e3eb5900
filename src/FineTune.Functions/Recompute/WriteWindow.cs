using FineTune.Storage;

namespace FineTune.Functions.Recompute;

/// <summary>
/// Keeps up to <c>width</c> write transactions in flight and moves the run's checkpoint forward as they complete in
/// order: the checkpoint only ever names a comparison all of whose predecessors are written.
/// </summary>
internal sealed class WriteWindow(
    ComparisonStore comparisons, RunRecord run, ComparisonBatches batches, ProgressMeter meter, int width,
    CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly Queue<(Task Write, StoredComparison Last, int Count)> inFlight = new();
    private StoredComparison? lastDone;
    private int sinceCheckpoint;
    private int batchesSinceCheckpoint;

    /// <summary>Comparisons known written.</summary>
    public int Written { get; private set; }

    /// <summary>Starts writing <paramref name="batch"/>, first waiting for the oldest write when the window is full.</summary>
    public async Task AddAsync(List<StoredComparison> batch)
    {
        if (inFlight.Count == width)
        {
            await CompleteOldestAsync();
        }
        inFlight.Enqueue((comparisons.WriteAsync(batch, cancellationToken), batch[^1], batch.Count));
    }

    /// <summary>Waits for every write and saves the final checkpoint.</summary>
    public async Task DrainAsync()
    {
        while (inFlight.Count > 0)
        {
            await CompleteOldestAsync();
        }
        await CheckpointAsync();
    }

    /// <summary>Waits for writes still in flight after a failure, so none is left unobserved.</summary>
    public async ValueTask DisposeAsync()
    {
        while (inFlight.TryDequeue(out var write))
        {
            await write.Write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task CompleteOldestAsync()
    {
        (Task write, StoredComparison last, int count) = inFlight.Peek();
        await write;
        inFlight.Dequeue();
        (lastDone, Written, sinceCheckpoint) = (last, Written + count, sinceCheckpoint + count);
        if (++batchesSinceCheckpoint >= width)
        {
            await CheckpointAsync();
        }
    }

    private async Task CheckpointAsync()
    {
        if (lastDone is null || sinceCheckpoint == 0)
        {
            return;
        }
        int count = sinceCheckpoint;
        await run.SaveAsync(r => r with
        {
            Checkpoint = new RecomputeCheckpoint(lastDone.Workspace, lastDone.ScenarioId),
            Counts = r.Counts with { ComparisonsWritten = r.Counts.ComparisonsWritten + count },
        }, cancellationToken);
        (sinceCheckpoint, batchesSinceCheckpoint) = (0, 0);
        meter.Advance(batches.AlreadyWritten + Written - meter.Done);
    }
}
