using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// The <c>usage</c> table: one partition per scenario, one row per day holding that day's records (one per approach).
/// Every write of a day is conditional on the version read (a new day on its still being absent), so concurrent writers of
/// one day serialize: each either writes on top of the other or is told to read again. Nothing is lost, nothing is counted twice.
/// </summary>
public sealed class UsageStore(TableServiceClient service)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "usage";

    /// <summary>The most days one transaction may hold (a Table Storage limit).</summary>
    public const int MaxBatchSize = 100;

    private const string DateFormat = "yyyy-MM-dd";

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>The stored days of a scenario from <paramref name="from"/> through <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredUsageDay>> ReadAsync(
        string workspace, string scenarioId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        string partition = PartitionOf(workspace, scenarioId);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Key(from)} and RowKey le {Key(to)}");
        var days = new List<StoredUsageDay>();
        await foreach (UsageDayEntity entity in table.QueryAsync<UsageDayEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            days.Add(FromEntity(entity));
        }
        return days;
    }

    /// <summary>
    /// Writes up to <see cref="MaxBatchSize"/> days of one scenario in one transaction, each only if it is still the version
    /// it was read at (<see cref="UsageDayWrite.Previous"/>; a new day only if still absent). Returns false, writing nothing,
    /// when another writer changed one of them first: read again and retry.
    /// </summary>
    public async Task<bool> TryWriteAsync(
        string workspace, string scenarioId, IReadOnlyList<UsageDayWrite> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days.Count, MaxBatchSize, nameof(days));
        if (days.Count == 0)
        {
            return true;
        }
        string partition = PartitionOf(workspace, scenarioId);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        var actions = new TableTransactionAction[days.Count];
        for (int i = 0; i < actions.Length; i++)
        {
            UsageDayWrite day = days[i];
            UsageDayEntity entity = ToEntity(partition, day);
            actions[i] = day.Previous is { } previous
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, previous.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity);
        }
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // 409: a day thought new was written meanwhile; 412: a day changed since it was read; 404: it was deleted.
            return false;
        }
    }

    /// <summary>Deletes every stored day of a scenario; returns how many.</summary>
    public async Task<int> DeleteScenarioAsync(string workspace, string scenarioId, CancellationToken cancellationToken = default)
    {
        string partition = PartitionOf(workspace, scenarioId);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<string>();
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(filter, 1000, [nameof(ITableEntity.RowKey)], cancellationToken)
            .ConfigureAwait(false))
        {
            keys.Add(entity.RowKey);
        }
        foreach (string[] chunk in keys.Chunk(MaxBatchSize))
        {
            TableTransactionAction[] actions = [.. chunk.Select(key =>
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All))];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another delete got to some first; delete the rest one by one.
                foreach (string key in chunk)
                {
                    await table.DeleteEntityAsync(partition, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        return keys.Count;
    }

    private static string PartitionOf(string workspace, string scenarioId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!ScenarioStore.IsWellFormedId(scenarioId))
        {
            throw new ArgumentException($"'{scenarioId}' is not a scenario id.", nameof(scenarioId));
        }
        return $"{workspace}:{scenarioId}";
    }

    private static string Key(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static UsageDayEntity ToEntity(string partition, UsageDayWrite day) => new()
    {
        PartitionKey = partition,
        RowKey = Key(day.Date),
        Records = JsonSerializer.Serialize([.. day.Records], StorageJsonContext.Default.UsageRecordArray),
        Requests = day.Records.Sum(record => record.Requests),
        Version = (day.Previous?.Version ?? 0) + 1,
    };

    private static StoredUsageDay FromEntity(UsageDayEntity entity) => new(
        DateOnly.ParseExact(entity.RowKey, DateFormat, CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize(entity.Records, StorageJsonContext.Default.UsageRecordArray)
            ?? throw new InvalidDataException($"Usage {entity.PartitionKey}/{entity.RowKey} has no records."),
        entity.Version)
    {
        ETag = entity.ETag,
    };
}

/// <summary>A stored day of a scenario's usage.</summary>
/// <param name="Records">One per approach, ordered by approach id, approach ids resolved.</param>
/// <param name="Version">1 for the first write of the day, one more for each later write.</param>
public sealed record StoredUsageDay(DateOnly Date, IReadOnlyList<UsageRecord> Records, long Version)
{
    /// <summary>The row's version in storage; a write of the day succeeds only while it is current.</summary>
    internal ETag ETag { get; init; }
}

/// <summary>A day to write: its records replace what <paramref name="Previous"/> held.</summary>
/// <param name="Previous">The day as read; null when it was absent. The write succeeds only if it is still so.</param>
public sealed record UsageDayWrite(DateOnly Date, IReadOnlyList<UsageRecord> Records, StoredUsageDay? Previous)
{
    /// <summary>The version the day has once written.</summary>
    public long Version => (Previous?.Version ?? 0) + 1;
}
