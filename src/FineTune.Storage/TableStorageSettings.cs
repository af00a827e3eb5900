namespace FineTune.Storage;

/// <summary>
/// Where the tables live: a connection string (Azurite, or an account key), or a table service URI reached
/// with an Entra ID identity, as the Functions identity-based connection convention names them.
/// </summary>
/// <param name="ConnectionString">A storage connection string; <c>UseDevelopmentStorage=true</c> for Azurite.</param>
/// <param name="TableServiceUri">The account's table endpoint, used when there is no connection string.</param>
/// <param name="Credential"><c>managedidentity</c> for a user-assigned managed identity; otherwise <see cref="Azure.Identity.DefaultAzureCredential"/>.</param>
/// <param name="ClientId">Client id of the user-assigned managed identity.</param>
public sealed record TableStorageSettings(string? ConnectionString, Uri? TableServiceUri, string? Credential, string? ClientId);
