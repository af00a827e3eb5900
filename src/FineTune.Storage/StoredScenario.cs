using FineTune.Core;

namespace FineTune.Storage;

/// <summary>A scenario as stored in a workspace.</summary>
/// <param name="Id">Server-made, 32 lowercase hex digits, ordered by creation time.</param>
/// <param name="ETag">The version for optimistic concurrency, an opaque strong HTTP entity tag (quotes included); changes on every write.</param>
public sealed record StoredScenario(
    string Id,
    string Workspace,
    string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Scenario Scenario);

/// <summary>One page of a workspace's scenarios, oldest first.</summary>
/// <param name="ContinuationToken">Opaque token for the next page; <c>null</c> on the last page.</param>
public sealed record ScenarioPage(IReadOnlyList<StoredScenario> Items, string? ContinuationToken);

/// <summary>How a conditional write ended.</summary>
public enum WriteStatus
{
    /// <summary>The write happened.</summary>
    Done,
    /// <summary>No such scenario in the workspace.</summary>
    NotFound,
    /// <summary>The scenario changed since the ETag the caller holds.</summary>
    PreconditionFailed,
}

/// <summary>The outcome of an update: the stored scenario when <see cref="Status"/> is <see cref="WriteStatus.Done"/>.</summary>
public sealed record UpdateResult(WriteStatus Status, StoredScenario? Scenario);
