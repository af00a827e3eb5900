using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// A cost or quality alert of a monitored scenario (economics.md section 9): what a person needs to act. Money in
/// dollars for the day <see cref="Date"/>; fired at most once per scenario, kind and date.
/// </summary>
/// <param name="Id">Stable for the scenario, kind and date, so a re-evaluation of the day finds the same alert.</param>
/// <param name="Actual">The day's actual spend (or, for <see cref="AlertKind.Accuracy"/>, the error rate; for <see cref="AlertKind.Pace"/>, the projected month).</param>
/// <param name="Expected">What the plan (or the baseline of recent days) expected, in the unit of <see cref="Actual"/>.</param>
/// <param name="Impact"><see cref="Actual"/> minus <see cref="Expected"/>.</param>
/// <param name="ImpactRate"><see cref="Impact"/> over <see cref="Expected"/>, a fraction; null when nothing was expected.</param>
/// <param name="Message">One sentence that says what happened, by how much, against what, in which window and unit.</param>
public sealed record Alert(
    string Id,
    string ScenarioId,
    string ApproachId,
    AlertKind Kind,
    AlertSeverity Severity,
    DateOnly Date,
    decimal Actual,
    decimal Expected,
    decimal Impact,
    decimal? ImpactRate,
    string Message);

/// <summary>Which rule of economics.md section 9 fired.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>The day's actual spend is above plan by more than the warning threshold and the dollar floor.</summary>
    [JsonStringEnumMemberName("over-plan")] OverPlan,
    /// <summary>The day's actual spend is an outlier against the 28 days before it (modified z-score).</summary>
    [JsonStringEnumMemberName("spike")] Spike,
    /// <summary>The day's error rate is above what the required accuracy allows.</summary>
    [JsonStringEnumMemberName("accuracy")] Accuracy,
    /// <summary>The month is on pace to exceed its plan.</summary>
    [JsonStringEnumMemberName("pace")] Pace,
}

/// <summary>How urgent an alert is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Worth a look.</summary>
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary>Act now.</summary>
    [JsonStringEnumMemberName("alert")] Alert,
}

/// <summary>
/// The body of a webhook subscription to a workspace's alerts (api.md, "Alerts to webhooks"). Where the URL may point is
/// checked beyond its form by the app (https, a public address).
/// </summary>
/// <param name="NotificationUrl">Where each alert is POSTed.</param>
/// <param name="ScenarioId">Only this scenario's alerts; every scenario of the workspace when absent.</param>
/// <param name="MinimumSeverity">The lowest severity delivered; warning when absent.</param>
public sealed record SubscriptionRequest(
    [property: Url, Length(1, SubscriptionRequest.MaxUrlLength)] string NotificationUrl,
    [property: RegularExpression(Patterns.ScenarioId)] string? ScenarioId,
    AlertSeverity? MinimumSeverity)
{
    /// <summary>The longest notification URL accepted; a Logic Apps callback URL is a few hundred characters.</summary>
    public const int MaxUrlLength = 2048;
}
