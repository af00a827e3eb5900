namespace FineTune.Storage;

/// <summary>
/// Where the queues live: a connection string (Azurite, or an account key), or a queue service URI reached with an
/// Entra ID identity, as the Functions identity-based connection convention names them (<c>AzureWebJobsStorage</c>,
/// <c>AzureWebJobsStorage__queueServiceUri</c>).
/// </summary>
/// <param name="ConnectionString">A storage connection string; <c>UseDevelopmentStorage=true</c> for Azurite.</param>
/// <param name="QueueServiceUri">The account's queue endpoint, used when there is no connection string.</param>
/// <param name="Credential"><c>managedidentity</c> for a user-assigned managed identity; otherwise <see cref="Azure.Identity.DefaultAzureCredential"/>.</param>
/// <param name="ClientId">Client id of the user-assigned managed identity.</param>
public sealed record QueueStorageSettings(string? ConnectionString, Uri? QueueServiceUri, string? Credential, string? ClientId);
