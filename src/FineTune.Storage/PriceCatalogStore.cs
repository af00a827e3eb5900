using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>The price catalog and its version number.</summary>
/// <param name="Version">1 after seeding; every write adds one.</param>
public sealed record PriceCatalogSet(long Version, PriceCatalog Catalog);

/// <summary>What a listing of the catalog keeps.</summary>
/// <param name="Provider">Only this provider's entries; <c>null</c> for all.</param>
/// <param name="Text">Only ids that contain this text, in any case; <c>null</c> for all.</param>
/// <param name="AsOf">The day whose versions are listed; entries with none in effect that day are left out.</param>
public sealed record ModelPriceQuery(string? Provider, string? Text, DateOnly AsOf);

/// <summary>One page of the catalog, by id (<see cref="ModelId.Order"/>).</summary>
/// <param name="ContinuationToken">Opaque token for the next page; <c>null</c> on the last page.</param>
public sealed record ModelPricePage(IReadOnlyList<ModelPrice> Items, string? ContinuationToken);

/// <summary>How writing one version ended.</summary>
public enum PriceUpsertStatus
{
    /// <summary>The version is written.</summary>
    Done,
    /// <summary>The entry's latest version starts later: history is only ever added to at its end.</summary>
    BeforeLatest,
}

/// <summary>The outcome of <see cref="PriceCatalogStore.UpsertAsync"/>.</summary>
/// <param name="Version">The version as written, when <paramref name="Status"/> is <see cref="PriceUpsertStatus.Done"/>.</param>
/// <param name="CatalogVersion">The catalog's version after the call.</param>
/// <param name="LatestEffectiveFrom">The first day of the entry's latest version before the call; null for a new entry.</param>
public sealed record PriceUpsertResult(PriceUpsertStatus Status, ModelPrice? Version, long CatalogVersion, DateOnly? LatestEffectiveFrom);

/// <summary>The outcome of <see cref="PriceCatalogStore.ApplyAsync"/>: what changed and the catalog's version after.</summary>
public sealed record PriceApplyResult(PriceChangePlan Plan, long CatalogVersion);

/// <summary>
/// The <c>modelprices</c> table: every version of every catalog entry and a version row, all in one partition. The first
/// use seeds <see cref="PriceSeed"/> (version 1) in one transaction. A version is never changed after it is written,
/// except by a version of the same entry starting on the same day; each write bumps the catalog's version, conditional
/// on the version row's ETag, so concurrent writers never lose a bump and never plan on stale rows.
/// </summary>
public sealed class PriceCatalogStore(TableServiceClient service, TimeProvider timeProvider)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "modelprices";

    private const string Partition = "prices";
    private const string VersionRow = "!version";
    // Below every character of an id's parts, so rows sort by provider, then model, then deployment (ModelId.Order).
    private const char Separator = '!';
    private const string DateFormat = "yyyy-MM-dd";

    // A transaction holds at most 100 rows; the version row goes with the last chunk.
    private const int RowsPerTransaction = 99;

    // Each lost race means another write committed, so the loop ends unless writers keep committing for this long.
    private const int MaxWriteAttempts = 50;

    private const int MaxContinuationTokenLength = 1024;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>True when <paramref name="continuationToken"/> could have been issued by <see cref="ListAsync"/>.</summary>
    public static bool IsWellFormedContinuationToken(string continuationToken) => TryDecodeContinuationToken(continuationToken, out _);

    /// <summary>The whole catalog and its version, seeding the table first when it has none.</summary>
    public async Task<PriceCatalogSet> GetAsync(CancellationToken cancellationToken = default)
    {
        (ModelPriceEntity version, List<ModelPriceEntity> rows) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return new PriceCatalogSet(version.Version, new PriceCatalog(rows.Select(FromEntity)));
    }

    /// <summary>The catalog's version alone: one point read, seeding the table first when it has none.</summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default) =>
        (await ReadVersionRowAsync(cancellationToken).ConfigureAwait(false)).Version;

    /// <summary>Every version of <paramref name="id"/>, oldest first, each closed by the next; empty when the catalog has none.</summary>
    public async Task<IReadOnlyList<ModelPrice>> GetHistoryAsync(ModelId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await ReadVersionRowAsync(cancellationToken).ConfigureAwait(false);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        string prefix = PrefixOf(id);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var versions = new List<ModelPrice>();
        await foreach (ModelPriceEntity row in table.QueryAsync<ModelPriceEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            versions.Add(FromEntity(row));
        }
        return new PriceCatalog(versions).History(id);
    }

    /// <summary>
    /// One page of the entries with a version in effect on <paramref name="query"/>'s day, that version each, by id.
    /// Returns <c>null</c> when <paramref name="continuationToken"/> is not a token this store issued.
    /// </summary>
    /// <param name="pageSize">At most this many entries, 1..1000.</param>
    public async Task<ModelPricePage?> ListAsync(
        ModelPriceQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        if (query.Provider is not null && !ModelId.IsValidSegment(query.Provider))
        {
            throw new ArgumentException($"'{query.Provider}' is not a provider name.", nameof(query));
        }
        string? after = null;
        if (continuationToken is not null && !TryDecodeContinuationToken(continuationToken, out after))
        {
            return null;
        }
        await ReadVersionRowAsync(cancellationToken).ConfigureAwait(false);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);

        // The rows of an id lie together; "~" sorts after every date, so "{prefix}~" is past the last of them.
        string lower = query.Provider is null ? VersionRow : query.Provider + Separator;
        if (after is not null && string.CompareOrdinal(after + "~", lower) > 0)
        {
            lower = after + "~";
        }
        string filter = query.Provider is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {lower}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {lower} and RowKey lt {query.Provider + (char)(Separator + 1)}");
        string? text = query.Text?.ToLowerInvariant();

        var items = new List<ModelPrice>(pageSize);
        var group = new List<ModelPrice>();
        await foreach (ModelPriceEntity row in table.QueryAsync<ModelPriceEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ModelPrice version = FromEntity(row);
            if (group.Count > 0 && group[0].Id != version.Id)
            {
                if (Listed(group, query.AsOf, text) is { } listed)
                {
                    if (items.Count == pageSize)
                    {
                        // One more entry is listed: the next page starts after the last one of this page.
                        return new ModelPricePage(items, EncodeContinuationToken(PrefixOf(items[^1].Id)));
                    }
                    items.Add(listed);
                }
                group.Clear();
            }
            group.Add(version);
        }
        if (group.Count > 0 && Listed(group, query.AsOf, text) is { } last)
        {
            if (items.Count == pageSize)
            {
                return new ModelPricePage(items, EncodeContinuationToken(PrefixOf(items[^1].Id)));
            }
            items.Add(last);
        }
        return new ModelPricePage(items, null);
    }

    /// <summary>
    /// Writes <paramref name="version"/> as its entry's latest version and bumps the catalog's version. A version starting
    /// on the latest version's day replaces it; one starting before is refused (<see cref="PriceUpsertStatus.BeforeLatest"/>).
    /// </summary>
    public async Task<PriceUpsertResult> UpsertAsync(ModelPrice version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            ModelPriceEntity versionRow = await ReadVersionRowAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ModelPrice> history = await GetHistoryAsync(version.Id, cancellationToken).ConfigureAwait(false);
            DateOnly? latest = history.Count > 0 ? history[^1].EffectiveFrom : null;
            if (version.EffectiveFrom < latest)
            {
                return new PriceUpsertResult(PriceUpsertStatus.BeforeLatest, null, versionRow.Version, latest);
            }
            Bump(versionRow);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(version, versionRow)),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, versionRow, versionRow.ETag),
                ], cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 412 && attempt < MaxWriteAttempts)
            {
                // Another write bumped the version first; read again, the history included.
                continue;
            }
            return new PriceUpsertResult(PriceUpsertStatus.Done, version with { EffectiveTo = null }, versionRow.Version, latest);
        }
    }

    /// <summary>
    /// Writes what <paramref name="observed"/> changes (<see cref="PriceCatalog.PlanChanges"/>) and bumps the catalog's
    /// version once; writes nothing, and keeps the version, when nothing changed. The rows go in transactions of up to
    /// 100, the version row with the last, so a reader that goes by the version sees the change whole or not at all; a
    /// write cut short leaves versions a later call finds equal and does not write again.
    /// </summary>
    public async Task<PriceApplyResult> ApplyAsync(IReadOnlyList<ObservedPrice> observed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observed);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            (ModelPriceEntity versionRow, List<ModelPriceEntity> rows) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            PriceChangePlan plan = new PriceCatalog(rows.Select(FromEntity)).PlanChanges(observed);
            if (plan.Changed == 0)
            {
                return new PriceApplyResult(plan, versionRow.Version);
            }
            Bump(versionRow);
            ModelPriceEntity[][] chunks = plan.Versions.Select(version => ToEntity(version, versionRow)).Chunk(RowsPerTransaction).ToArray();
            try
            {
                for (int i = 0; i < chunks.Length; i++)
                {
                    List<TableTransactionAction> actions =
                        [.. chunks[i].Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))];
                    if (i == chunks.Length - 1)
                    {
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, versionRow, versionRow.ETag));
                    }
                    await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (TableTransactionFailedException e) when (e.Status == 412 && attempt < MaxWriteAttempts)
            {
                // Another write committed since the rows were read: plan again on what is there now.
                continue;
            }
            return new PriceApplyResult(plan, versionRow.Version);
        }
    }

    private void Bump(ModelPriceEntity versionRow)
    {
        versionRow.Version++;
        versionRow.UpdatedAt = timeProvider.GetUtcNow();
    }

    private async Task<ModelPriceEntity> ReadVersionRowAsync(CancellationToken cancellationToken)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<ModelPriceEntity> response = await table
            .GetEntityIfExistsAsync<ModelPriceEntity>(Partition, VersionRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value! : (await ReadAllAsync(cancellationToken).ConfigureAwait(false)).Version;
    }

    private async Task<(ModelPriceEntity Version, List<ModelPriceEntity> Rows)> ReadAllAsync(CancellationToken cancellationToken)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        List<ModelPriceEntity> rows = await ReadPartitionAsync(table, cancellationToken).ConfigureAwait(false);
        if (rows.Find(row => row.RowKey == VersionRow) is null)
        {
            await SeedAsync(table, cancellationToken).ConfigureAwait(false);
            rows = await ReadPartitionAsync(table, cancellationToken).ConfigureAwait(false);
        }
        ModelPriceEntity version = rows.Single(row => row.RowKey == VersionRow);
        rows.Remove(version);
        return (version, rows);
    }

    private async Task SeedAsync(TableClient table, CancellationToken cancellationToken)
    {
        DateTimeOffset now = timeProvider.GetUtcNow();
        var version = new ModelPriceEntity { PartitionKey = Partition, RowKey = VersionRow, Version = 1, UpdatedAt = now };
        if (PriceSeed.Versions.Count > RowsPerTransaction)
        {
            throw new InvalidOperationException($"The price seed has {PriceSeed.Versions.Count} versions; seeding writes at most {RowsPerTransaction} in one transaction.");
        }
        List<TableTransactionAction> seed =
        [
            new(TableTransactionActionType.Add, version),
            .. PriceSeed.Versions.Select(price => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(price, version))),
        ];
        try
        {
            await table.SubmitTransactionAsync(seed, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Another process seeded first; its transaction wrote the same rows, all or none.
        }
    }

    private static async Task<List<ModelPriceEntity>> ReadPartitionAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<ModelPriceEntity>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (ModelPriceEntity row in table.QueryAsync<ModelPriceEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    // The version of the group (one id's versions, oldest first) in effect on the day, if its id contains the text.
    private static ModelPrice? Listed(List<ModelPrice> group, DateOnly asOf, string? text) =>
        text is null || group[0].Id.ToString().Contains(text, StringComparison.Ordinal)
            ? new PriceCatalog(group).InEffect(group[0].Id, asOf)
            : null;

    private static string PrefixOf(ModelId id) => $"{id.Provider}{Separator}{id.Model}{Separator}{id.Deployment}{Separator}";

    private static ModelPriceEntity ToEntity(ModelPrice price, ModelPriceEntity versionRow)
    {
        FineTunePrices? fineTune = price.Rates.FineTune;
        return new ModelPriceEntity
        {
            PartitionKey = Partition,
            RowKey = PrefixOf(price.Id) + price.EffectiveFrom.ToString(DateFormat, CultureInfo.InvariantCulture),
            Version = versionRow.Version,
            Provider = price.Id.Provider,
            Model = price.Id.Model,
            Deployment = price.Id.Deployment ?? "",
            EffectiveFrom = price.EffectiveFrom.ToString(DateFormat, CultureInfo.InvariantCulture),
            InputPerMillion = Format(price.Rates.InputPerMillion),
            CachedInputPerMillion = Format(price.Rates.CachedInputPerMillion),
            OutputPerMillion = Format(price.Rates.OutputPerMillion),
            BatchInputPerMillion = Format(price.Rates.BatchInputPerMillion),
            BatchOutputPerMillion = Format(price.Rates.BatchOutputPerMillion),
            HasFineTune = fineTune is not null,
            FineTuneTrainingPerMillion = Format(fineTune?.TrainingPerMillion),
            FineTuneInputPerMillion = Format(fineTune?.InputPerMillion),
            FineTuneCachedInputPerMillion = Format(fineTune?.CachedInputPerMillion),
            FineTuneOutputPerMillion = Format(fineTune?.OutputPerMillion),
            FineTuneHostingPerHour = Format(fineTune?.HostingPerHour),
            Source = price.Source,
            RetrievedAt = price.RetrievedAt,
            UpdatedAt = versionRow.UpdatedAt,
        };
    }

    private static ModelPrice FromEntity(ModelPriceEntity row) => new(
        new ModelId(row.Provider, row.Model, row.Deployment.Length == 0 ? null : row.Deployment),
        DateOnly.ParseExact(row.EffectiveFrom, DateFormat, CultureInfo.InvariantCulture),
        null,
        new PriceRates(
            Parse(row.InputPerMillion),
            Parse(row.CachedInputPerMillion),
            Parse(row.OutputPerMillion),
            Parse(row.BatchInputPerMillion),
            Parse(row.BatchOutputPerMillion),
            row.HasFineTune
                ? new FineTunePrices(
                    Parse(row.FineTuneTrainingPerMillion),
                    Parse(row.FineTuneInputPerMillion),
                    Parse(row.FineTuneCachedInputPerMillion),
                    Parse(row.FineTuneOutputPerMillion),
                    Parse(row.FineTuneHostingPerHour))
                : null),
        row.Source,
        row.RetrievedAt);

    private static string? Format(decimal? value) => value is decimal known ? StoredDecimal.Format(known) : null;

    private static decimal? Parse(string? text) => text is null ? null : StoredDecimal.Parse(text);

    // The position is an id's row key prefix: the next page starts after that id's rows.
    private static string EncodeContinuationToken(string prefix) => ContinuationText.Encode(prefix);

    private static bool TryDecodeContinuationToken(string token, out string? prefix)
    {
        prefix = null;
        if (!ContinuationText.TryDecode(token, MaxContinuationTokenLength, out string text))
        {
            return false;
        }
        string[] parts = text.Split(Separator);
        bool wellFormed = parts is [{ } provider, { } model, { } deployment, ""]
            && ModelId.IsValidSegment(provider) && ModelId.IsValidSegment(model) && (deployment.Length == 0 || ModelId.IsValidSegment(deployment));
        prefix = wellFormed ? text : null;
        return wellFormed;
    }
}
