using Azure;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>An alert as stored in a workspace.</summary>
/// <param name="FiredAt">When the alert first fired (UTC); the list is ordered by it, newest first.</param>
/// <param name="UpdatedAt">When a re-evaluation last changed it (UTC).</param>
/// <param name="AcknowledgedAt">When someone acknowledged it (UTC); null until then.</param>
/// <param name="Basis">The version of the usage day it was last evaluated from (0 for the pace rule, which is evaluated once).</param>
/// <param name="Withdrawn">True when a replaced record no longer fires the rule: hidden from lists, kept so it never fires twice.</param>
/// <param name="Notified">
/// True once the deliveries of the alert to its workspace's webhooks were enqueued; false from its firing until then.
/// </param>
public sealed record StoredAlert(
    string Workspace,
    Alert Alert,
    DateTimeOffset FiredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    long Basis,
    bool Withdrawn,
    bool Notified)
{
    /// <summary>The row's version in storage.</summary>
    internal ETag ETag { get; init; }
}

/// <summary>What one evaluation of a rule for a scenario's day found.</summary>
/// <param name="Alert">The alert that fires; null when the rule does not fire.</param>
/// <param name="Basis">The version of the usage day evaluated.</param>
public sealed record AlertEvaluation(string ScenarioId, AlertKind Kind, DateOnly Date, Alert? Alert, long Basis)
{
    /// <summary>The id of the alert of this rule and day.</summary>
    public string Id => AlertRules.AlertId(ScenarioId, Kind, Date);
}

/// <summary>What storing an evaluation did.</summary>
public enum AlertChange
{
    /// <summary>The alert fired for the first time: the one write that reports it, so it is sent once.</summary>
    Fired,
    /// <summary>A stored alert took the new figures (or, withdrawn before, fires again): not sent again.</summary>
    Updated,
    /// <summary>A stored alert no longer fires and is hidden.</summary>
    Withdrawn,
    /// <summary>Nothing to do: the stored alert already says this, or a newer evaluation is stored.</summary>
    Unchanged,
}

/// <summary>The outcome of storing an evaluation and the alert as it now stands (null when there is none).</summary>
public sealed record AlertWrite(AlertChange Change, StoredAlert? Alert);

/// <summary>One page of a workspace's alerts, newest first.</summary>
/// <param name="ContinuationToken">Opaque token for the next page; <c>null</c> on the last page.</param>
public sealed record AlertPage(IReadOnlyList<StoredAlert> Items, string? ContinuationToken);
