using FineTune.Core;

namespace FineTune.Storage;

/// <summary>
/// A webhook that receives a workspace's alerts: every alert of the workspace (or of one scenario) at or above a
/// severity is POSTed to <see cref="NotificationUrl"/>, signed with <see cref="Secret"/>.
/// </summary>
/// <param name="Id">128 random bits as 32 lowercase hex digits: whoever holds it may delete the subscription.</param>
/// <param name="NotificationUrl">An absolute https URL (http only to a loopback address in local development).</param>
/// <param name="ScenarioId">Only this scenario's alerts; <c>null</c> for every scenario of the workspace.</param>
/// <param name="Secret">The HMAC-SHA256 key of the deliveries' signatures, as its UTF-8 text.</param>
public sealed record AlertSubscription(
    string Id,
    string Workspace,
    Uri NotificationUrl,
    string? ScenarioId,
    AlertSeverity MinimumSeverity,
    string Secret,
    DateTimeOffset CreatedAt)
{
    /// <summary>True when <paramref name="alert"/> is for this subscription's scenario (if any) and at least its severity.</summary>
    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (ScenarioId is null || ScenarioId == alert.ScenarioId) && alert.Severity >= MinimumSeverity;
    }
}
