using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>The published peer statistics of the last recompute.</summary>
/// <param name="ComputedAt">When that recompute started; <c>null</c> before the first one.</param>
/// <param name="Statistics">Only the segments and metrics that meet the publication rule.</param>
public sealed record PeerStatisticsSnapshot(DateTimeOffset? ComputedAt, IReadOnlyList<PeerStatistic> Statistics);

/// <summary>
/// The <c>peerstatistics</c> table: what the last recompute published, in one partition that each publication
/// replaces atomically (at most 4 segments x 4 metrics, far below a transaction's 100 rows).
/// </summary>
public sealed class PeerStatisticsStore(TableServiceClient service)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "peerstatistics";

    private const string Partition = "peers";
    private const string ComputedRow = "computed";
    private const int MaxPublishAttempts = 5;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>The current publication; empty, with <c>ComputedAt</c> null, before any recompute.</summary>
    public async Task<PeerStatisticsSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        List<PeerStatisticEntity> rows = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? computedAt = rows.Find(row => row.RowKey == ComputedRow)?.ComputedAt;
        return new(computedAt, rows.Where(row => row.RowKey != ComputedRow).OrderBy(row => row.RowKey, StringComparer.Ordinal)
            .Select(FromEntity).ToList());
    }

    /// <summary>Replaces the publication with <paramref name="statistics"/> in one transaction: rows no longer published go.</summary>
    public async Task PublishAsync(
        DateTimeOffset computedAt, IReadOnlyList<PeerStatistic> statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        List<PeerStatisticEntity> rows = [.. statistics.Select(statistic => ToEntity(statistic, computedAt))];
        rows.Add(new PeerStatisticEntity { PartitionKey = Partition, RowKey = ComputedRow, ComputedAt = computedAt });
        var keep = rows.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        for (int attempt = 1; ; attempt++)
        {
            List<PeerStatisticEntity> current = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
            List<TableTransactionAction> actions =
            [
                .. rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)),
                .. current.Where(row => !keep.Contains(row.RowKey))
                    .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && attempt < MaxPublishAttempts)
            {
                // A concurrent publication changed a row this one deletes; read again.
            }
        }
    }

    private static async Task<List<PeerStatisticEntity>> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<PeerStatisticEntity>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (PeerStatisticEntity row in table.QueryAsync<PeerStatisticEntity>(filter, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static PeerStatisticEntity ToEntity(PeerStatistic statistic, DateTimeOffset computedAt) => new()
    {
        PartitionKey = Partition,
        RowKey = $"{EnumText.Of(statistic.Segment)}.{EnumText.Of(statistic.Metric)}",
        ComputedAt = computedAt,
        Segment = EnumText.Of(statistic.Segment),
        Metric = EnumText.Of(statistic.Metric),
        Count = statistic.Count,
        Workspaces = statistic.Workspaces,
        P10 = StoredDecimal.Format(statistic.P10),
        P25 = StoredDecimal.Format(statistic.P25),
        P50 = StoredDecimal.Format(statistic.P50),
        P75 = StoredDecimal.Format(statistic.P75),
        P90 = StoredDecimal.Format(statistic.P90),
    };

    private static PeerStatistic FromEntity(PeerStatisticEntity row) => new(
        EnumText.Parse<Segment>(row.Segment),
        EnumText.Parse<Metric>(row.Metric),
        row.Count,
        row.Workspaces,
        StoredDecimal.Parse(row.P10),
        StoredDecimal.Parse(row.P25),
        StoredDecimal.Parse(row.P50),
        StoredDecimal.Parse(row.P75),
        StoredDecimal.Parse(row.P90));
}
