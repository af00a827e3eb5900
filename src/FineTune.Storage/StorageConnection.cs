using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace FineTune.Storage;

/// <summary>Creates the one <see cref="TableServiceClient"/> of the process.</summary>
public static class StorageConnection
{
    // A request waits on storage for at most about (1 + MaxRetries) * NetworkTimeout plus the delays; a refused
    // connection (storage down) fails in well under a second, so the caller hears 503 quickly instead of hanging.
    private const int MaxRetries = 2;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A client for <paramref name="settings"/>, with short retries so an unreachable account is reported quickly.</summary>
    /// <exception cref="ArgumentException">Neither a connection string nor a table service URI is set.</exception>
    public static TableServiceClient CreateClient(TableStorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = RetryDelay * 4;
        options.Retry.NetworkTimeout = NetworkTimeout;

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new TableServiceClient(settings.ConnectionString, options);
        }
        if (settings.TableServiceUri is null)
        {
            throw new ArgumentException("Table Storage needs a connection string or a table service URI.", nameof(settings));
        }
        return new TableServiceClient(settings.TableServiceUri, CreateCredential(settings), options);
    }

    private static TokenCredential CreateCredential(TableStorageSettings settings) =>
        string.Equals(settings.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(settings.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId))
            : new DefaultAzureCredential();
}
