using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// The <c>scenarios</c> table: one partition per workspace, one row per scenario. Every read and write names the
/// workspace, so no call can reach another workspace's rows.
/// </summary>
public sealed partial class ScenarioStore(TableServiceClient service, TimeProvider timeProvider)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "scenarios";

    // Longer than any token this store issues; a longer one is refused before it is decoded.
    private const int MaxContinuationTokenLength = 2048;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>True when <paramref name="id"/> has the shape of an id this store makes; any other id names no scenario.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && Patterns.IsMatch(Patterns.ScenarioId, id);

    /// <summary>True when <paramref name="continuationToken"/> could have been issued by this store for <paramref name="workspace"/>.</summary>
    public static bool IsWellFormedContinuationToken(string workspace, string continuationToken) =>
        TryDecodeContinuationToken(workspace, continuationToken, out _);

    /// <summary>Stores a new scenario under a server-made id.</summary>
    public async Task<StoredScenario> CreateAsync(string workspace, Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = Now();
        ScenarioEntity entity = ToEntity(workspace, Guid.CreateVersion7(now).ToString("N"), scenario, now, now);
        try
        {
            Response response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new StoredScenario(entity.RowKey, workspace, ToEntityTag(response.Headers.ETag), now, now, entity.ScenarioJson);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The id is new, so a conflict means the SDK retried an insert whose first attempt was committed.
            return await GetAsync(workspace, entity.RowKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Scenario {workspace}/{entity.RowKey} conflicted on insert but cannot be read.", e);
        }
    }

    /// <summary>The scenario, or <c>null</c> when the workspace has no scenario with this id.</summary>
    public async Task<StoredScenario?> GetAsync(string workspace, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!IsWellFormedId(id))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<TableEntity> response = await table
            .GetEntityIfExistsAsync<TableEntity>(workspace, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromRow(response.Value!) : null;
    }

    /// <summary>
    /// Replaces the scenario, only if its ETag is still one of <paramref name="ifMatch"/>.
    /// The check and the write are one atomic operation in storage, so of two writers holding the same ETag one wins.
    /// </summary>
    /// <param name="ifMatch">The entity tags of <c>If-Match</c>: <c>*</c> for any version; <c>null</c> for no condition.</param>
    public async Task<UpdateResult> UpdateAsync(
        string workspace, string id, Scenario scenario, IReadOnlyCollection<string>? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        StoredScenario? current = await GetAsync(workspace, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new UpdateResult(WriteStatus.NotFound, null);
        }
        // Comparing first spares a write that cannot succeed; the conditional write below is what makes it safe.
        if (!TryMatch(ifMatch, current.ETag, out string? condition))
        {
            return new UpdateResult(WriteStatus.PreconditionFailed, null);
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = Now();
        ScenarioEntity entity = ToEntity(workspace, id, scenario, current.CreatedAt, now);
        try
        {
            Response response = await table
                .UpdateEntityAsync(entity, ToETag(condition), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new UpdateResult(
                WriteStatus.Done,
                new StoredScenario(id, workspace, ToEntityTag(response.Headers.ETag), current.CreatedAt, now, entity.ScenarioJson));
        }
        catch (RequestFailedException e) when (ToWriteStatus(e) is { } status)
        {
            return new UpdateResult(status, null);
        }
    }

    /// <summary>Deletes the scenario, only if its ETag is still one of <paramref name="ifMatch"/>.</summary>
    /// <param name="ifMatch">The entity tags of <c>If-Match</c>: <c>*</c> for any version; <c>null</c> for no condition.</param>
    public async Task<WriteStatus> DeleteAsync(
        string workspace, string id, IReadOnlyCollection<string>? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!IsWellFormedId(id))
        {
            return WriteStatus.NotFound;
        }
        string? condition = null;
        if (ifMatch is not null && !ifMatch.Contains("*"))
        {
            // An ETag this store never issued could be refused by the service as malformed rather than as stale;
            // comparing first answers 404 or 412 as the caller expects, and the delete below stays conditional.
            StoredScenario? current = await GetAsync(workspace, id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return WriteStatus.NotFound;
            }
            if (!TryMatch(ifMatch, current.ETag, out condition))
            {
                return WriteStatus.PreconditionFailed;
            }
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Response response = await table.DeleteEntityAsync(workspace, id, ToETag(condition), cancellationToken).ConfigureAwait(false);
            return response.Status == 404 ? WriteStatus.NotFound : WriteStatus.Done;
        }
        catch (RequestFailedException e) when (ToWriteStatus(e) is { } status)
        {
            return status;
        }
    }

    /// <summary>
    /// One page of the workspace's scenarios, oldest first. Returns <c>null</c> when <paramref name="continuationToken"/>
    /// is not a token this store issued for this workspace.
    /// </summary>
    /// <param name="pageSize">At most this many scenarios, 1..1000 (the service's own page limit).</param>
    public async Task<ScenarioPage?> ListAsync(
        string workspace, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        string? serviceToken = null;
        if (continuationToken is not null && !TryDecodeContinuationToken(workspace, continuationToken, out serviceToken))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {workspace}");
        try
        {
            await foreach (Page<TableEntity> page in table
                .QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
                .AsPages(serviceToken, pageSize)
                .ConfigureAwait(false))
            {
                return new ScenarioPage(
                    page.Values.Select(FromRow).ToList(),
                    page.ContinuationToken is null ? null : EncodeContinuationToken(workspace, page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (serviceToken is not null && e.Status == 400)
        {
            // The token decoded but the service refused the position inside it.
            return null;
        }
        return new ScenarioPage([], null);
    }

    private DateTimeOffset Now()
    {
        // Whole milliseconds, so that what a write answers is exactly what a later read returns.
        DateTimeOffset now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    // The condition of the write: null when there is none, "*", or the current ETag when the list names it.
    private static bool TryMatch(IReadOnlyCollection<string>? ifMatch, string currentETag, out string? condition)
    {
        condition = ifMatch is null ? null : ifMatch.Contains("*") ? "*" : ifMatch.Contains(currentETag) ? currentETag : null;
        return ifMatch is null || condition is not null;
    }

    // The service's ETag is weak (W/"datetime'...'"), and HTTP compares If-Match strongly; callers get it wrapped
    // as an opaque strong entity tag. Only "*" or a tag equal to the current one (checked before) comes back here.
    private static string ToEntityTag(ETag? serviceETag) =>
        $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(serviceETag?.ToString() ?? ""))}\"";

    private static ETag ToETag(string? ifMatch) => ifMatch switch
    {
        null or "*" => ETag.All,
        _ => new ETag(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(ifMatch.AsSpan(1, ifMatch.Length - 2)))),
    };

    private static WriteStatus? ToWriteStatus(RequestFailedException exception) => exception.Status switch
    {
        404 => WriteStatus.NotFound,
        412 => WriteStatus.PreconditionFailed,
        _ => null,
    };

    private static ScenarioEntity ToEntity(string workspace, string id, Scenario scenario, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        PartitionKey = workspace,
        RowKey = id,
        Name = scenario.Name,
        Segment = EnumText.Of(scenario.Segment ?? Segment.AllSectors),
        ScenarioJson = ScenarioJson.Serialize(scenario),
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    // Read as stored, without judging it: a row today's rules would refuse still reads, and a list never fails on it.
    private static StoredScenario FromRow(TableEntity row)
    {
        ScenarioEntity entity = ScenarioEntity.Read(row);
        return new(entity.RowKey, entity.PartitionKey, ToEntityTag(entity.ETag), entity.CreatedAt, entity.UpdatedAt, entity.ScenarioJson);
    }

    // The service's token is wrapped with the workspace it belongs to, so a token is opaque to callers and a token
    // from one workspace is refused in another.
    internal static string EncodeContinuationToken(string workspace, string serviceToken) =>
        ContinuationText.Encode($"{workspace}\n{serviceToken}");

    internal static bool TryDecodeContinuationToken(string workspace, string token, out string? serviceToken)
    {
        serviceToken = null;
        if (!ContinuationText.TryDecode(token, MaxContinuationTokenLength, out string text))
        {
            return false;
        }
        string prefix = workspace + "\n";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || text.Length == prefix.Length
            || text.AsSpan(prefix.Length).ContainsAnyInRange('\0', '\x1F'))
        {
            return false;
        }
        serviceToken = text[prefix.Length..];
        return true;
    }

}
