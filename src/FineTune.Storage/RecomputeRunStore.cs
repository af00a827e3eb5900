using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// The <c>recomputeruns</c> table: one row per recompute, taken up under a lease and saved with ETag concurrency, so
/// two runs of one schedule slot never both carry it out and an interrupted one can be resumed. Another scheduled job
/// keeps its runs the same way in a table of its own (<paramref name="tableName"/>).
/// </summary>
public sealed class RecomputeRunStore(TableServiceClient service, string tableName = RecomputeRunStore.TableName)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "recomputeruns";

    private const string LatestPartition = "latest";
    private const string LatestRow = "completed";

    private readonly TableOnFirstUse tableOnFirstUse = new(service, tableName);

    /// <summary>The id of the run of a schedule slot: the slot's time in UTC, to the second.</summary>
    public static string SlotId(DateTimeOffset slot) =>
        slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes up the run <paramref name="id"/>: creates it, or resumes it when it did not complete and its lease lapsed.
    /// A completed run, or one whose lease is live, is returned as it stands and written to not at all.
    /// </summary>
    public async Task<RecomputeClaim> ClaimAsync(
        RecomputeTrigger trigger, string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        RecomputeRun? existing = await GetAsync(trigger, id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var run = new RecomputeRun(trigger, id, RecomputePhase.Scan, 1, now, now + lease, null, RecomputeCounts.None, null);
            try
            {
                Response response = await table.AddEntityAsync(ToEntity(run), cancellationToken).ConfigureAwait(false);
                return new(RecomputeClaimStatus.Started, run with { ETag = response.Headers.ETag ?? default });
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another run created it a moment ago: it is that run's now.
                return new(RecomputeClaimStatus.Busy, await GetAsync(trigger, id, cancellationToken).ConfigureAwait(false) ?? run);
            }
        }
        if (existing.Phase == RecomputePhase.Done)
        {
            return new(RecomputeClaimStatus.AlreadyCompleted, existing);
        }
        if (existing.LeaseUntil > now)
        {
            return new(RecomputeClaimStatus.Busy, existing);
        }
        RecomputeRun? resumed = await SaveAsync(existing with { Attempts = existing.Attempts + 1, LeaseUntil = now + lease }, cancellationToken)
            .ConfigureAwait(false);
        return resumed is null ? new(RecomputeClaimStatus.Busy, existing) : new(RecomputeClaimStatus.Resumed, resumed);
    }

    /// <summary>
    /// Saves a run taken up with <see cref="ClaimAsync"/>, only if nobody took it over since; returns it with its new
    /// version, or <c>null</c> when another run holds it now.
    /// </summary>
    public async Task<RecomputeRun?> SaveAsync(RecomputeRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Response response = await table.UpdateEntityAsync(ToEntity(run), run.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            RecomputeRun saved = run with { ETag = response.Headers.ETag ?? default };
            if (saved.Phase == RecomputePhase.Done)
            {
                RecomputeRunEntity latest = ToEntity(saved);
                (latest.PartitionKey, latest.RowKey) = (LatestPartition, LatestRow);
                await table.UpsertEntityAsync(latest, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            return saved;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>The run, or <c>null</c> when there is none with this id.</summary>
    public async Task<RecomputeRun?> GetAsync(RecomputeTrigger trigger, string id, CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<RecomputeRunEntity> response = await table
            .GetEntityIfExistsAsync<RecomputeRunEntity>(EnumText.Of(trigger), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>The last run that completed, of either trigger; <c>null</c> before the first.</summary>
    public async Task<RecomputeRun?> GetLastCompletedAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<RecomputeRunEntity> response = await table
            .GetEntityIfExistsAsync<RecomputeRunEntity>(LatestPartition, LatestRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    private static RecomputeRunEntity ToEntity(RecomputeRun run) => new()
    {
        PartitionKey = EnumText.Of(run.Trigger),
        RowKey = run.Id,
        Trigger = EnumText.Of(run.Trigger),
        Id = run.Id,
        Phase = EnumText.Of(run.Phase),
        Attempts = run.Attempts,
        StartedAt = run.StartedAt,
        LeaseUntil = run.LeaseUntil,
        CompletedAt = run.CompletedAt,
        CheckpointWorkspace = run.Checkpoint?.Workspace,
        CheckpointScenarioId = run.Checkpoint?.ScenarioId,
        ComputedAt = run.Counts.ComputedAt,
        BenchmarkVersion = run.Counts.BenchmarkVersion,
        PriceVersion = run.Counts.PriceVersion,
        Scenarios = run.Counts.Scenarios,
        InvalidScenarios = run.Counts.InvalidScenarios,
        Workspaces = run.Counts.Workspaces,
        PeerRowsPublished = run.Counts.PeerRowsPublished,
        ComparisonsWritten = run.Counts.ComparisonsWritten,
    };

    private static RecomputeRun FromEntity(RecomputeRunEntity row) => new(
        EnumText.Parse<RecomputeTrigger>(row.Trigger),
        row.Id,
        EnumText.Parse<RecomputePhase>(row.Phase),
        row.Attempts,
        row.StartedAt,
        row.LeaseUntil,
        row.CheckpointWorkspace is { } workspace && row.CheckpointScenarioId is { } scenarioId ? new(workspace, scenarioId) : null,
        new(row.ComputedAt, row.BenchmarkVersion, row.PriceVersion, row.Scenarios, row.InvalidScenarios, row.Workspaces, row.PeerRowsPublished,
            row.ComparisonsWritten),
        row.CompletedAt)
    {
        ETag = row.ETag,
    };
}
