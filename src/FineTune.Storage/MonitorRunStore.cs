using Azure;
using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>
/// The <c>monitorruns</c> table: one row per schedule slot of the monitoring timer that completed, so a repeated or past-due
/// firing of that slot does nothing. A slot that did not complete is simply run again: what it writes is idempotent.
/// </summary>
public sealed class MonitorRunStore(TableServiceClient service)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "monitorruns";

    private const string Partition = "schedule";

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>The completed run of the slot <paramref name="slotId"/>; null when it has not completed.</summary>
    public async Task<MonitorRun?> GetAsync(string slotId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slotId);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<TableEntity> response = await table
            .GetEntityIfExistsAsync<TableEntity>(Partition, slotId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }
        TableEntity row = response.Value!;
        return new MonitorRun(slotId, row.GetDateTimeOffset(nameof(MonitorRun.StartedAt))!.Value,
            row.GetDateTimeOffset(nameof(MonitorRun.CompletedAt))!.Value, row.GetInt32(nameof(MonitorRun.Scenarios))!.Value,
            row.GetInt32(nameof(MonitorRun.AlertsFired))!.Value);
    }

    /// <summary>Records the slot's run as completed.</summary>
    public async Task CompleteAsync(MonitorRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, run.SlotId)
        {
            [nameof(MonitorRun.StartedAt)] = run.StartedAt,
            [nameof(MonitorRun.CompletedAt)] = run.CompletedAt,
            [nameof(MonitorRun.Scenarios)] = run.Scenarios,
            [nameof(MonitorRun.AlertsFired)] = run.AlertsFired,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A completed run of the monitoring timer.</summary>
/// <param name="SlotId">The schedule slot, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
/// <param name="Scenarios">Scenarios evaluated.</param>
/// <param name="AlertsFired">Alerts that fired for the first time.</param>
public sealed record MonitorRun(string SlotId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Scenarios, int AlertsFired);
