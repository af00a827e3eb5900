using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Recompute;

/// <summary>
/// The write pass's comparisons, built as they are needed, in transactions of up to 100 comparisons of one workspace.
/// Scenarios at or before the checkpoint of an interrupted attempt are skipped.
/// </summary>
internal sealed class ComparisonBatches(
    ScanResult scan, PeerIndex peers, BenchmarkBandSet bands, long priceVersion, DateTimeOffset computedAt, RecomputeCheckpoint? checkpoint)
{
    /// <summary>Scenarios skipped because the interrupted attempt had written their comparisons; they all come first.</summary>
    public int AlreadyWritten { get; private set; }

    /// <summary>The batches, in workspace and id order; <see cref="ScanResult.SortForWriting"/> must have run.</summary>
    public IEnumerable<List<StoredComparison>> Enumerate()
    {
        List<StoredComparison>? batch = null;
        for (int i = 0; i < scan.Count; i++)
        {
            ScenarioFigures figures = scan.Scenarios[i];
            string workspace = scan.WorkspaceName(figures.Workspace);
            string id = figures.IdText;
            if (IsWritten(workspace, id))
            {
                AlreadyWritten++;
                continue;
            }
            if (batch is not null && (batch.Count == ComparisonStore.MaxBatchSize || batch[0].Workspace != workspace))
            {
                yield return batch;
                batch = null;
            }
            batch ??= new List<StoredComparison>(ComparisonStore.MaxBatchSize);
            batch.Add(Comparison(figures, workspace, id));
        }
        if (batch is not null)
        {
            yield return batch;
        }
    }

    private bool IsWritten(string workspace, string id)
    {
        if (checkpoint is null)
        {
            return false;
        }
        int byWorkspace = string.CompareOrdinal(workspace, checkpoint.Workspace);
        return byWorkspace < 0 || (byWorkspace == 0 && string.CompareOrdinal(id, checkpoint.ScenarioId) <= 0);
    }

    private StoredComparison Comparison(ScenarioFigures figures, string workspace, string id)
    {
        Span<MetricValue> values = stackalloc MetricValue[3];
        int count = figures.CopyValues(values);
        IReadOnlyList<MetricComparison> metrics = Comparisons.Place(
            figures.Segment, values[..count], scan.Profitability(figures.Workspace), bands.Bands, peers.Place);
        return new StoredComparison(workspace, id, computedAt, bands.Version, priceVersion, figures.UpdatedAt, metrics);
    }
}
