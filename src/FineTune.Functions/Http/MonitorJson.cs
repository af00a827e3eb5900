using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Functions.Usage;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>
/// An alert as the API shows it: the alert of economics.md section 9 (what a person needs to act) and when it fired, last
/// changed and was acknowledged. Money in dollars, or for the accuracy rule error rates as fractions.
/// </summary>
/// <param name="AcknowledgedAt">Null until someone acknowledges it.</param>
public sealed record AlertResource(
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
    string Message,
    DateTimeOffset FiredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt)
{
    /// <summary>The API's view of a stored alert.</summary>
    public static AlertResource From(StoredAlert stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Alert a = stored.Alert;
        return new(a.Id, a.ScenarioId, a.ApproachId, a.Kind, a.Severity, a.Date, a.Actual, a.Expected, a.Impact, a.ImpactRate, a.Message,
            stored.FiredAt, stored.UpdatedAt, stored.AcknowledgedAt);
    }
}

/// <summary>One page of alerts, newest first; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record AlertPageResource(IReadOnlyList<AlertResource> Items, string? ContinuationToken);

/// <summary>The body of <c>POST /api/scenarios/{id}/usage</c>.</summary>
/// <param name="Accepted">Records accepted: every record of the batch.</param>
/// <param name="Replaced">Records that replaced a different stored record of the same approach and day.</param>
/// <param name="Unchanged">Records equal to the stored one: nothing changed for them.</param>
/// <param name="Alerts">The alerts this batch fired for the first time; a replaced record's alerts are updated, not fired again.</param>
public sealed record UsageReceiptResource(int Accepted, int Replaced, int Unchanged, IReadOnlyList<AlertResource> Alerts)
{
    /// <summary>The API's view of a receipt.</summary>
    public static UsageReceiptResource From(UsageReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new(receipt.Accepted, receipt.Replaced, receipt.Unchanged, [.. receipt.Fired.Select(AlertResource.From)]);
    }
}

/// <summary>The body of <c>GET /api/scenarios/{id}/monitor</c>: the monitor view and the standing alerts of its days.</summary>
/// <param name="Alerts">Alerts dated within the view, newest day first; withdrawn ones left out.</param>
public sealed record MonitorResource(
    string ScenarioId,
    string ApproachId,
    DateOnly StartDate,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<MonitorDay> Days,
    IReadOnlyList<MonitorMonth> Months,
    MonitorToDate ToDate,
    MonitorForecast Forecast,
    IReadOnlyList<AlertResource> Alerts,
    IReadOnlyList<string> Notes)
{
    /// <summary>The view of a scenario with its alerts.</summary>
    public static MonitorResource Of(string scenarioId, MonitorView view, IEnumerable<StoredAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(alerts);
        return new(scenarioId, view.ApproachId, view.StartDate, view.From, view.To, view.Days, view.Months, view.ToDate, view.Forecast,
            [.. alerts.Where(a => !a.Withdrawn).OrderByDescending(a => a.Alert.Date).ThenBy(a => a.Alert.Kind).Select(AlertResource.From)],
            view.Notes);
    }
}

/// <summary>The body of <c>GET /api/portfolio</c>.</summary>
/// <param name="AsOf">Today (UTC): the last day of every line's last 30 days.</param>
public sealed record PortfolioResource(DateOnly AsOf, IReadOnlyList<PortfolioLine> Items, PortfolioTotals Totals);

/// <summary>Source-generated JSON for the monitoring responses: camelCase, kebab-case enums, nulls written, decimals rounded.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(AlertResource))]
[JsonSerializable(typeof(AlertPageResource))]
[JsonSerializable(typeof(UsageReceiptResource))]
[JsonSerializable(typeof(MonitorResource))]
[JsonSerializable(typeof(PortfolioResource))]
public sealed partial class MonitorJsonContext : JsonSerializerContext;
