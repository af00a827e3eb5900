using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// The <c>subscriptions</c> table: one partition per workspace, one row per webhook subscription, plus an index row
/// per id, so that the id alone (the capability a webhook's <c>Location</c> carries) finds and deletes it.
/// </summary>
public sealed partial class SubscriptionStore(TableServiceClient service, TimeProvider timeProvider)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "subscriptions";

    /// <summary>The partition of the index rows; never a workspace, whose names have no <c>~</c>.</summary>
    public const string IndexPartition = "~ids";

    private const int SecretBytes = 32;

    private readonly TableOnFirstUse tableOnFirstUse = new(service, TableName);

    /// <summary>True when <paramref name="id"/> has the shape of an id this store makes; any other id names no subscription.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Stores a new subscription with a fresh id and secret.</summary>
    public async Task<AlertSubscription> CreateAsync(
        string workspace, Uri notificationUrl, string? scenarioId, AlertSeverity minimumSeverity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(notificationUrl);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = timeProvider.GetUtcNow();
        var subscription = new AlertSubscription(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            workspace,
            notificationUrl,
            scenarioId,
            minimumSeverity,
            Base64Url(RandomNumberGenerator.GetBytes(SecretBytes)),
            now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)));
        // The index row first: a subscription without one could never be deleted by its id, an index row without a
        // subscription (a crash between the two writes) deletes as an absent one.
        await table.UpsertEntityAsync(
            new SubscriptionEntity { PartitionKey = IndexPartition, RowKey = subscription.Id, Workspace = workspace },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(subscription), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>The subscription, or <c>null</c> when the workspace has none with this id.</summary>
    public async Task<AlertSubscription?> GetAsync(string workspace, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!IsWellFormedId(id))
        {
            return null;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<SubscriptionEntity> response = await table
            .GetEntityIfExistsAsync<SubscriptionEntity>(workspace, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Every subscription of the workspace, in id order.</summary>
    public async Task<IReadOnlyList<AlertSubscription>> ListAsync(string workspace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = new List<AlertSubscription>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {workspace}");
        await foreach (SubscriptionEntity row in table.QueryAsync<SubscriptionEntity>(filter, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            subscriptions.Add(FromEntity(row));
        }
        return subscriptions;
    }

    /// <summary>Deletes the subscription <paramref name="id"/> of whatever workspace holds it; nothing when there is none.</summary>
    /// <returns>True when a subscription was deleted.</returns>
    public async Task<bool> DeleteByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return false;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<SubscriptionEntity> index = await table
            .GetEntityIfExistsAsync<SubscriptionEntity>(IndexPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return index.HasValue && await DeleteAsync(index.Value!.Workspace, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the workspace's subscription <paramref name="id"/> and its index row; nothing when there is none.</summary>
    /// <returns>True when a subscription was deleted.</returns>
    public async Task<bool> DeleteAsync(string workspace, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        if (!IsWellFormedId(id))
        {
            return false;
        }
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        // The subscription first, so that no index row is ever missing while its subscription exists.
        Response deleted = await table.DeleteEntityAsync(workspace, id, ETag.All, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(IndexPartition, id, ETag.All, cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    private static SubscriptionEntity ToEntity(AlertSubscription subscription) => new()
    {
        PartitionKey = subscription.Workspace,
        RowKey = subscription.Id,
        Workspace = subscription.Workspace,
        NotificationUrl = subscription.NotificationUrl.AbsoluteUri,
        ScenarioId = subscription.ScenarioId,
        MinimumSeverity = EnumText.Of(subscription.MinimumSeverity),
        Secret = subscription.Secret,
        CreatedAt = subscription.CreatedAt,
    };

    private static AlertSubscription FromEntity(SubscriptionEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        new Uri(row.NotificationUrl ?? throw new InvalidDataException($"Subscription {row.PartitionKey}/{row.RowKey} has no URL.")),
        row.ScenarioId,
        EnumText.Parse<AlertSeverity>(row.MinimumSeverity ?? ""),
        row.Secret ?? throw new InvalidDataException($"Subscription {row.PartitionKey}/{row.RowKey} has no secret."),
        row.CreatedAt);

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    [GeneratedRegex(@"^[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
