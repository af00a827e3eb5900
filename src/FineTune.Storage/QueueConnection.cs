using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;

namespace FineTune.Storage;

/// <summary>Creates a <see cref="QueueServiceClient"/>, with the same short retries as the table client.</summary>
public static class QueueConnection
{
    private const int MaxRetries = 2;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A client for <paramref name="settings"/>. Messages are base64 text unless <paramref name="encoding"/> says
    /// otherwise: the Functions host's queue trigger reads base64 by default (host.json <c>extensions.queues.messageEncoding</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Neither a connection string nor a queue service URI is set.</exception>
    public static QueueServiceClient CreateClient(QueueStorageSettings settings, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new QueueClientOptions { MessageEncoding = encoding };
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = RetryDelay * 4;
        options.Retry.NetworkTimeout = NetworkTimeout;

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new QueueServiceClient(settings.ConnectionString, options);
        }
        if (settings.QueueServiceUri is null)
        {
            throw new ArgumentException("Queue Storage needs a connection string or a queue service URI.", nameof(settings));
        }
        TokenCredential credential = string.Equals(settings.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(settings.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId))
            : new DefaultAzureCredential();
        return new QueueServiceClient(settings.QueueServiceUri, credential, options);
    }
}
