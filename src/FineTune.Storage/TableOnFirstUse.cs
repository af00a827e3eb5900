using Azure.Data.Tables;

namespace FineTune.Storage;

/// <summary>A table that is created the first time it is used, once per process, so no setup step is needed.</summary>
internal sealed class TableOnFirstUse(TableServiceClient service, string tableName)
{
    private readonly TableClient table = service.GetTableClient(tableName);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    /// <summary>The table client, after making sure the table exists. A failed attempt is tried again on the next call.</summary>
    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (created)
        {
            return table;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
        return table;
    }
}
