using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// The <c>comparisons</c> table: one partition per workspace, one row per scenario, written by the benchmark
/// recompute in transactions of at most <see cref="MaxBatchSize"/> rows of one workspace.
/// </summary>
public sealed class ComparisonStore(TableServiceClient service)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "comparisons";

    /// <summary>The most rows one transaction may hold (a Table Storage limit).</summary>
    public const int MaxBatchSize = 100;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>The comparison of the scenario, or <c>null</c> when no recompute has written one.</summary>
    public async Task<StoredComparison?> GetAsync(string workspace, string scenarioId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!ScenarioStore.IsWellFormedId(scenarioId))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<ComparisonEntity> response = await table
            .GetEntityIfExistsAsync<ComparisonEntity>(workspace, scenarioId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Writes (replacing) comparisons of one workspace, at most <see cref="MaxBatchSize"/>, in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<StoredComparison> comparisons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(comparisons.Count, MaxBatchSize, nameof(comparisons));
        if (comparisons.Count == 0)
        {
            return;
        }
        string workspace = comparisons[0].Workspace;
        if (comparisons.Any(comparison => comparison.Workspace != workspace))
        {
            throw new ArgumentException("A transaction stays within one workspace's partition.", nameof(comparisons));
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        var actions = new TableTransactionAction[comparisons.Count];
        for (int i = 0; i < actions.Length; i++)
        {
            actions[i] = new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(comparisons[i]));
        }
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    private static ComparisonEntity ToEntity(StoredComparison comparison) => new()
    {
        PartitionKey = comparison.Workspace,
        RowKey = comparison.ScenarioId,
        ComputedAt = comparison.ComputedAt,
        BenchmarkVersion = comparison.BenchmarkVersion,
        PriceVersion = comparison.PriceVersion,
        ScenarioUpdatedAt = comparison.ScenarioUpdatedAt,
        Metrics = JsonSerializer.Serialize([.. comparison.Metrics], StorageJsonContext.Default.MetricComparisonArray),
    };

    private static StoredComparison FromEntity(ComparisonEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.ComputedAt,
        entity.BenchmarkVersion,
        entity.PriceVersion,
        entity.ScenarioUpdatedAt,
        JsonSerializer.Deserialize(entity.Metrics, StorageJsonContext.Default.MetricComparisonArray)
            ?? throw new InvalidDataException($"Comparison {entity.PartitionKey}/{entity.RowKey} has no metrics."));
}
