using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>The benchmark bands and their version number.</summary>
/// <param name="Version">1 after seeding; every upsert adds one.</param>
public sealed record BenchmarkBandSet(long Version, IReadOnlyList<BenchmarkBand> Bands);

/// <summary>
/// The <c>benchmarkbands</c> table: the bands of economics.md section 6 and a version row, all in one partition.
/// The first use seeds <see cref="BenchmarkBands.Seed"/>; an upsert replaces one band and bumps the version in the
/// same transaction, conditional on the version row's ETag, so concurrent upserts never lose a bump.
/// </summary>
public sealed class BenchmarkBandStore(TableServiceClient service, TimeProvider timeProvider)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "benchmarkbands";

    private const string Partition = "bands";
    private const string VersionRow = "version";

    // Each lost race means another upsert committed, so the loop ends unless writers keep committing for this long.
    private const int MaxUpsertAttempts = 50;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>The current bands and version, seeding the table first when it has none.</summary>
    public async Task<BenchmarkBandSet> GetAsync(CancellationToken cancellationToken = default) =>
        ToSet(await ReadSeededAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The bands' version alone: one point read, seeding the table first when it has none.</summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<BenchmarkBandEntity> response = await table
            .GetEntityIfExistsAsync<BenchmarkBandEntity>(Partition, VersionRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.Version : (await GetAsync(cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <summary>
    /// Replaces (or adds) the band of <paramref name="band"/>'s segment and metric and bumps the version; returns the
    /// new set. The band must be valid (<see cref="Tiers.Validate"/>).
    /// </summary>
    public async Task<BenchmarkBandSet> UpsertAsync(BenchmarkBand band, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(band);
        if (Tiers.Validate(band).Count > 0)
        {
            throw new ArgumentException("The band is not valid; check it with Tiers.Validate first.", nameof(band));
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            List<BenchmarkBandEntity> rows = await ReadSeededAsync(cancellationToken).ConfigureAwait(false);
            BenchmarkBandEntity version = rows.Single(row => row.RowKey == VersionRow);
            version.Version++;
            version.UpdatedAt = timeProvider.GetUtcNow();
            BenchmarkBandEntity bandRow = ToEntity(band, version.UpdatedAt);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, bandRow),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, version, version.ETag),
                ], cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 412 && attempt < MaxUpsertAttempts)
            {
                // Another upsert bumped the version first; read again and bump on top of it.
                continue;
            }
            rows.RemoveAll(row => row.RowKey == bandRow.RowKey);
            rows.Add(bandRow);
            return ToSet(rows);
        }
    }

    private async Task<List<BenchmarkBandEntity>> ReadSeededAsync(CancellationToken cancellationToken)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        List<BenchmarkBandEntity> rows = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
        if (rows.Any(row => row.RowKey == VersionRow))
        {
            return rows;
        }
        DateTimeOffset now = timeProvider.GetUtcNow();
        List<TableTransactionAction> seed =
        [
            new(TableTransactionActionType.Add, new BenchmarkBandEntity { PartitionKey = Partition, RowKey = VersionRow, Version = 1, UpdatedAt = now }),
            .. BenchmarkBands.Seed.Select(band => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(band, now))),
        ];
        try
        {
            await table.SubmitTransactionAsync(seed, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Another process seeded first; its transaction wrote the same rows, all or none.
        }
        return await ReadAsync(table, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<BenchmarkBandEntity>> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<BenchmarkBandEntity>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (BenchmarkBandEntity row in table.QueryAsync<BenchmarkBandEntity>(filter, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static BenchmarkBandSet ToSet(List<BenchmarkBandEntity> rows) => new(
        rows.Single(row => row.RowKey == VersionRow).Version,
        rows.Where(row => row.RowKey != VersionRow).OrderBy(row => row.RowKey, StringComparer.Ordinal).Select(FromEntity).ToList());

    private static BenchmarkBandEntity ToEntity(BenchmarkBand band, DateTimeOffset updatedAt) => new()
    {
        PartitionKey = Partition,
        RowKey = $"{EnumText.Of(band.Segment)}.{EnumText.Of(band.Metric)}",
        Segment = EnumText.Of(band.Segment),
        Metric = EnumText.Of(band.Metric),
        Direction = EnumText.Of(band.Direction),
        Low = StoredDecimal.Format(band.Low),
        MedianLow = StoredDecimal.Format(band.MedianLow),
        MedianHigh = StoredDecimal.Format(band.MedianHigh),
        Elite = StoredDecimal.Format(band.Elite),
        Source = band.Source,
        UpdatedAt = updatedAt,
    };

    private static BenchmarkBand FromEntity(BenchmarkBandEntity row) => new(
        EnumText.Parse<Segment>(row.Segment),
        EnumText.Parse<Metric>(row.Metric),
        EnumText.Parse<Direction>(row.Direction),
        StoredDecimal.Parse(row.Low),
        StoredDecimal.Parse(row.MedianLow),
        StoredDecimal.Parse(row.MedianHigh),
        StoredDecimal.Parse(row.Elite),
        row.Source);
}
