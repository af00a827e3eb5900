using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// The <c>alerts</c> table: one partition per workspace. An alert is inserted once per scenario, kind and date (its id), so
/// of two writers that fire it one reports it; a re-evaluation updates it in place, and only an evaluation of a newer
/// version of the usage day can change it. Both rows of an alert are written in one transaction. An alert is inserted not
/// notified and marked notified once the deliveries to its webhooks are enqueued, so that deliveries lost between the two
/// writes can be found (<see cref="ListUnnotifiedAsync"/>).
/// </summary>
public sealed partial class AlertStore(TableServiceClient service, TimeProvider timeProvider)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "alerts";

    // Row keys: "a:{id}" finds an alert by id (and a scenario's alerts by date, since ids start with scenario and date);
    // "f:{inverted ticks}:{id}" lists them newest first. ';' is the character after ':'.
    private const string IdPrefix = "a:";
    private const string IdEnd = "a;";
    private const string FiredPrefix = "f:";
    private const string FiredEnd = "f;";

    // An evaluation that keeps losing the race to other writers gives up after this many rounds; each round means another
    // writer changed the same alert, so the alert is current either way.
    private const int MaxAttempts = 8;

    // Each alert is two rows, so a transaction holds up to 50 alerts.
    private const int AlertsPerTransaction = 50;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>True when <paramref name="id"/> has the shape of an alert id; any other names no alert.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>True when <paramref name="continuationToken"/> could have been issued by this store for <paramref name="workspace"/>.</summary>
    public static bool IsWellFormedContinuationToken(string workspace, string continuationToken) =>
        ScenarioStore.TryDecodeContinuationToken(workspace, continuationToken, out _);

    /// <summary>The alert, withdrawn or not; null when the workspace has none with this id.</summary>
    public async Task<StoredAlert?> GetAsync(string workspace, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!IsWellFormedId(id))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<AlertEntity> response = await table
            .GetEntityIfExistsAsync<AlertEntity>(workspace, IdPrefix + id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>A scenario's alerts dated <paramref name="from"/> through <paramref name="to"/>, withdrawn ones included, by date.</summary>
    public async Task<IReadOnlyList<StoredAlert>> ReadScenarioAsync(
        string workspace, string scenarioId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        string low = string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{scenarioId}-{from:yyyyMMdd}");
        string high = string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{scenarioId}-{to.AddDays(1):yyyyMMdd}");
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {workspace} and RowKey ge {low} and RowKey lt {high}");
        var alerts = new List<StoredAlert>();
        await foreach (AlertEntity entity in table.QueryAsync<AlertEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(FromEntity(entity));
        }
        return alerts;
    }

    /// <summary>
    /// Stores what an evaluation found. An alert that fires for the first time is inserted and reported as
    /// <see cref="AlertChange.Fired"/> to exactly one writer; one already stored takes the new figures, or is withdrawn when the
    /// rule no longer fires, unless a newer version of the day was evaluated since.
    /// </summary>
    public async Task<AlertWrite> ApplyAsync(string workspace, AlertEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        StoredAlert? current = await GetAsync(workspace, evaluation.Id, cancellationToken).ConfigureAwait(false);
        return await ApplyAfterReadAsync(workspace, evaluation, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="ApplyAsync(string, AlertEvaluation, CancellationToken)"/> for an alert already read, as
    /// <see cref="ReadScenarioAsync"/> reads a range of them: one write instead of a read and a write.
    /// </summary>
    /// <param name="current">The alert as read; null when it was absent then. A stale one costs a read and a retry.</param>
    public async Task<AlertWrite> ApplyAfterReadAsync(
        string workspace, AlertEvaluation evaluation, StoredAlert? current, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(evaluation);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                current = await GetAsync(workspace, evaluation.Id, cancellationToken).ConfigureAwait(false);
            }
            (AlertChange change, StoredAlert? next) = Decide(workspace, evaluation, current);
            if (next is null || change == AlertChange.Unchanged)
            {
                return new AlertWrite(AlertChange.Unchanged, current);
            }
            if (await TryWriteAsync(table, next, current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return new AlertWrite(change, written);
            }
        }
        throw new InvalidOperationException($"Alert {workspace}/{evaluation.Id} kept changing under {MaxAttempts} attempts to store it.");
    }

    /// <summary>
    /// <see cref="ApplyAfterReadAsync"/> for many evaluations of one workspace, each with the alert as read (null: absent then).
    /// Alerts that fire for the first time are inserted up to 50 to a transaction; should one of a transaction have been
    /// inserted meanwhile by another writer, that transaction's alerts are stored one by one instead.
    /// </summary>
    public async Task<IReadOnlyList<AlertWrite>> ApplyAllAfterReadAsync(
        string workspace, IReadOnlyList<(AlertEvaluation Evaluation, StoredAlert? Current)> evaluations, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(evaluations);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        var writes = new AlertWrite[evaluations.Count];
        var firsts = new List<(int Index, StoredAlert Next)>();
        for (int i = 0; i < writes.Length; i++)
        {
            (AlertEvaluation evaluation, StoredAlert? current) = evaluations[i];
            if (current is null && Decide(workspace, evaluation, null) is (AlertChange.Fired, { } next))
            {
                firsts.Add((i, next));
            }
            else
            {
                writes[i] = await ApplyAfterReadAsync(workspace, evaluation, current, cancellationToken).ConfigureAwait(false);
            }
        }
        foreach ((int Index, StoredAlert Next)[] chunk in firsts.Chunk(AlertsPerTransaction))
        {
            try
            {
                Response<IReadOnlyList<Response>> response = await table.SubmitTransactionAsync(
                    chunk.SelectMany(first => new[]
                    {
                        new TableTransactionAction(TableTransactionActionType.Add, ToEntity(first.Next, IdPrefix + first.Next.Alert.Id)),
                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(first.Next, FiredKey(first.Next.FiredAt, first.Next.Alert.Date, first.Next.Alert.Id))),
                    }),
                    cancellationToken).ConfigureAwait(false);
                for (int c = 0; c < chunk.Length; c++)
                {
                    writes[chunk[c].Index] = new AlertWrite(AlertChange.Fired, chunk[c].Next with { ETag = response.Value[2 * c].Headers.ETag ?? default });
                }
            }
            catch (TableTransactionFailedException e) when (e.Status is 409)
            {
                foreach ((int index, StoredAlert _) in chunk)
                {
                    writes[index] = await ApplyAfterReadAsync(workspace, evaluations[index].Evaluation, null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        return writes;
    }

    /// <summary>
    /// Inserts <paramref name="alert"/> unless an alert with its id was ever stored; returns it when inserted (fired now),
    /// null when it fired before. For the pace rule, which is evaluated once.
    /// </summary>
    public async Task<StoredAlert?> InsertOnceAsync(string workspace, Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(alert);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = Now();
        return await TryWriteAsync(table, new StoredAlert(workspace, alert, now, now, null, 0, false, false), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks <paramref name="alerts"/>, alerts of <paramref name="workspace"/>, notified: their deliveries are enqueued. Both
    /// rows of each alert take the mark, up to 50 alerts to a transaction; an alert deleted meanwhile is left deleted.
    /// </summary>
    /// <remarks>
    /// The mark merges one property into the rows whatever their version, and changes the version: a writer that read the
    /// alert before the mark fails its conditional write, reads again and keeps the mark.
    /// </remarks>
    public async Task MarkNotifiedAsync(string workspace, IReadOnlyList<StoredAlert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        foreach (StoredAlert[] chunk in alerts.Chunk(AlertsPerTransaction))
        {
            string[] keys = [.. chunk.SelectMany(alert => new[] { IdPrefix + alert.Alert.Id, FiredKey(alert.FiredAt, alert.Alert.Date, alert.Alert.Id) })];
            try
            {
                await table.SubmitTransactionAsync(keys.Select(key => NotifiedMark(workspace, key)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                foreach (string key in keys)
                {
                    try
                    {
                        await table.UpdateEntityAsync(NotifiedMark(workspace, key).Entity, ETag.All, TableUpdateMode.Merge, cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }
    }

    /// <summary>
    /// The standing alerts of every workspace that fired at or before <paramref name="firedBy"/> and are not marked notified:
    /// alerts whose deliveries may never have been enqueued. A withdrawn alert is left out until it stands again.
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert>> ListUnnotifiedAsync(DateTimeOffset firedBy, CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        // Rows without the mark (written before alerts were delivered) do not match "Notified eq false".
        string filter = TableClient.CreateQueryFilter(
            $"RowKey ge {IdPrefix} and RowKey lt {IdEnd} and Notified eq {false} and Withdrawn eq {false} and FiredAt le {firedBy}");
        var alerts = new List<StoredAlert>();
        await foreach (AlertEntity entity in table.QueryAsync<AlertEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(FromEntity(entity));
        }
        return alerts;
    }

    /// <summary>
    /// One page of the workspace's alerts that stand (not withdrawn), newest first; with <paramref name="scenarioId"/> only
    /// that scenario's, with <paramref name="since"/> only those fired at or after it. Null when
    /// <paramref name="continuationToken"/> is not a token this store issued for the workspace.
    /// </summary>
    /// <param name="pageSize">At most this many alerts, 1..1000 (the service's own page limit).</param>
    public async Task<AlertPage?> ListAsync(
        string workspace, string? scenarioId, DateTimeOffset? since, int pageSize, string? continuationToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        string? serviceToken = null;
        if (continuationToken is not null && !ScenarioStore.TryDecodeContinuationToken(workspace, continuationToken, out serviceToken))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        // Keys of alerts fired at or after `since` sort before "f:{inverted since};" (':' comes before ';').
        string end = since is DateTimeOffset from
            ? string.Create(CultureInfo.InvariantCulture, $"{FiredPrefix}{Inverted(from):D19};")
            : FiredEnd;
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {workspace} and RowKey ge {FiredPrefix} and RowKey lt {end} and Withdrawn eq {false}");
        if (scenarioId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ScenarioId eq {scenarioId}");
        }
        try
        {
            await foreach (Page<AlertEntity> page in table.QueryAsync<AlertEntity>(filter, pageSize, cancellationToken: cancellationToken)
                .AsPages(serviceToken, pageSize).ConfigureAwait(false))
            {
                return new AlertPage(
                    page.Values.Select(FromEntity).ToList(),
                    page.ContinuationToken is null ? null : ScenarioStore.EncodeContinuationToken(workspace, page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (serviceToken is not null && e.Status == 400)
        {
            return null;
        }
        return new AlertPage([], null);
    }

    /// <summary>
    /// Marks the alert acknowledged now, or keeps the first acknowledgement; returns it, or null when the workspace has no
    /// standing alert with this id.
    /// </summary>
    public async Task<StoredAlert?> AcknowledgeAsync(string workspace, string id, CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            StoredAlert? current = await GetAsync(workspace, id, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Withdrawn)
            {
                return null;
            }
            if (current.AcknowledgedAt is not null)
            {
                return current;
            }
            if (await TryWriteAsync(table, current with { AcknowledgedAt = Now() }, current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return written;
            }
        }
        throw new InvalidOperationException($"Alert {workspace}/{id} kept changing under {MaxAttempts} attempts to acknowledge it.");
    }

    /// <summary>Deletes every alert of a scenario, both rows of each; returns how many alerts.</summary>
    public async Task<int> DeleteScenarioAsync(string workspace, string scenarioId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        // Ids start "{scenarioId}-"; '.' is the character after '-'.
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {workspace} and RowKey ge {IdPrefix + scenarioId + "-"} and RowKey lt {IdPrefix + scenarioId + "."}");
        var alerts = new List<(string Id, DateTimeOffset FiredAt, DateOnly Date)>();
        await foreach (AlertEntity entity in table.QueryAsync<AlertEntity>(filter, 1000,
            [nameof(AlertEntity.Id), nameof(AlertEntity.FiredAt), nameof(AlertEntity.Date)], cancellationToken).ConfigureAwait(false))
        {
            alerts.Add((entity.Id, entity.FiredAt, DateOnly.ParseExact(entity.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        foreach ((string Id, DateTimeOffset FiredAt, DateOnly Date)[] chunk in alerts.Chunk(AlertsPerTransaction))
        {
            string[] keys = [.. chunk.SelectMany(alert => new[] { IdPrefix + alert.Id, FiredKey(alert.FiredAt, alert.Date, alert.Id) })];
            try
            {
                await table.SubmitTransactionAsync(
                    keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(workspace, key), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                foreach (string key in keys)
                {
                    await table.DeleteEntityAsync(workspace, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        return alerts.Count;
    }

    /// <summary>What <paramref name="evaluation"/> makes of <paramref name="current"/>: the alert to write, or none.</summary>
    private (AlertChange Change, StoredAlert? Next) Decide(string workspace, AlertEvaluation evaluation, StoredAlert? current)
    {
        DateTimeOffset now = Now();
        if (current is null)
        {
            return evaluation.Alert is null
                ? (AlertChange.Unchanged, null)
                : (AlertChange.Fired, new StoredAlert(workspace, evaluation.Alert, now, now, null, evaluation.Basis, false, false));
        }
        if (current.Basis > evaluation.Basis)
        {
            return (AlertChange.Unchanged, null);
        }
        if (evaluation.Alert is null)
        {
            return current.Withdrawn
                ? (AlertChange.Unchanged, null)
                : (AlertChange.Withdrawn, current with { Withdrawn = true, Basis = evaluation.Basis, UpdatedAt = now });
        }
        if (!current.Withdrawn && current.Alert == evaluation.Alert && current.Basis == evaluation.Basis)
        {
            return (AlertChange.Unchanged, null);
        }
        return (AlertChange.Updated, current with { Alert = evaluation.Alert, Withdrawn = false, Basis = evaluation.Basis, UpdatedAt = now });
    }

    /// <summary>Writes both rows of <paramref name="next"/>, only if <paramref name="current"/> is still the stored version (absent: still absent).</summary>
    private static async Task<StoredAlert?> TryWriteAsync(TableClient table, StoredAlert next, StoredAlert? current, CancellationToken cancellationToken)
    {
        AlertEntity byId = ToEntity(next, IdPrefix + next.Alert.Id);
        AlertEntity byFiring = ToEntity(next, FiredKey(next.FiredAt, next.Alert.Date, next.Alert.Id));
        TableTransactionAction[] actions =
        [
            current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, byId)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, byId, current.ETag),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, byFiring),
        ];
        try
        {
            Response<IReadOnlyList<Response>> response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return next with { ETag = response.Value[0].Headers.ETag ?? default };
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private DateTimeOffset Now()
    {
        // Whole milliseconds, so that what a write answers is exactly what a later read returns.
        DateTimeOffset now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static TableTransactionAction NotifiedMark(string workspace, string rowKey) => new(
        TableTransactionActionType.UpdateMerge, new TableEntity(workspace, rowKey) { [nameof(AlertEntity.Notified)] = true }, ETag.All);

    // Newest firing first; among alerts fired at once (a batch), the latest day first.
    private static string FiredKey(DateTimeOffset firedAt, DateOnly date, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"{FiredPrefix}{Inverted(firedAt):D19}:{DateOnly.MaxValue.DayNumber - date.DayNumber:D7}:{id}");

    // Later times have smaller numbers, so keys sort newest first.
    private static long Inverted(DateTimeOffset time) => DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks;

    private static AlertEntity ToEntity(StoredAlert stored, string rowKey)
    {
        Alert alert = stored.Alert;
        return new AlertEntity
        {
            PartitionKey = stored.Workspace,
            RowKey = rowKey,
            Id = alert.Id,
            ScenarioId = alert.ScenarioId,
            ApproachId = alert.ApproachId,
            Kind = EnumText.Of(alert.Kind),
            Severity = EnumText.Of(alert.Severity),
            Date = alert.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Actual = StoredDecimal.Format(alert.Actual),
            Expected = StoredDecimal.Format(alert.Expected),
            Impact = StoredDecimal.Format(alert.Impact),
            ImpactRate = alert.ImpactRate is decimal rate ? StoredDecimal.Format(rate) : null,
            Message = alert.Message,
            FiredAt = stored.FiredAt,
            UpdatedAt = stored.UpdatedAt,
            AcknowledgedAt = stored.AcknowledgedAt,
            Basis = stored.Basis,
            Withdrawn = stored.Withdrawn,
            Notified = stored.Notified,
        };
    }

    private static StoredAlert FromEntity(AlertEntity entity) => new(
        entity.PartitionKey,
        new Alert(
            entity.Id,
            entity.ScenarioId,
            entity.ApproachId,
            EnumText.Parse<AlertKind>(entity.Kind),
            EnumText.Parse<AlertSeverity>(entity.Severity),
            DateOnly.ParseExact(entity.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoredDecimal.Parse(entity.Actual),
            StoredDecimal.Parse(entity.Expected),
            StoredDecimal.Parse(entity.Impact),
            entity.ImpactRate is null ? null : StoredDecimal.Parse(entity.ImpactRate),
            entity.Message),
        entity.FiredAt,
        entity.UpdatedAt,
        entity.AcknowledgedAt,
        entity.Basis,
        entity.Withdrawn,
        entity.Notified ?? true)
    {
        ETag = entity.ETag,
    };

    [GeneratedRegex(@"^[0-9a-f]{32}-[0-9]{8}-[a-z]+(-[a-z]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
