using System.Text;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>A scenario as stored in a workspace: its JSON text exactly as it was written.</summary>
/// <param name="Id">Server-made, 32 lowercase hex digits, ordered by creation time.</param>
/// <param name="ETag">The version for optimistic concurrency, an opaque strong HTTP entity tag (quotes included); changes on every write.</param>
/// <param name="Json">
/// The scenario's JSON as stored, decimals exact. A row written when the rules were looser, or by hand, may break
/// today's rules (or not be JSON at all): <see cref="Parse"/> says.
/// </param>
public sealed record StoredScenario(
    string Id,
    string Workspace,
    string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Json)
{
    /// <summary>The stored JSON read under today's rules: the scenario, or every rule it breaks keyed by JSON path.</summary>
    public ScenarioParseResult Parse() => ScenarioJson.Parse(Encoding.UTF8.GetBytes(Json));
}

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
