using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace FineTune.Storage;

/// <summary>Whether the table service answers.</summary>
public sealed class StorageHealth(TableServiceClient service)
{
    /// <summary>True when the table service answered a minimal query; false when it is unreachable or refuses the identity.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (Page<TableItem> _ in service.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken)
                .AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                break;
            }
            return true;
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, cancellationToken))
        {
            return false;
        }
    }
}
