using FineTune.Core;
using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The alert a webhook receives (economics.md section 9), and the webhook subscription.</summary>
internal static class AlertSchemas
{
    /// <summary>Adds the alert and subscription definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["Alert"] = Alert();
        definitions["Subscription"] = Subscription();
    }

    /// <summary>
    /// The body of <c>POST /api/subscriptions</c>, inline in the operation as Power Automate's webhook triggers have it:
    /// the notification URL is filled in by the platform, so it is hidden (internal) and marked <c>x-ms-notification-url</c>.
    /// </summary>
    public static OpenApiSchema SubscriptionRequest()
    {
        OpenApiSchema notificationUrl = Text("Notification URL",
            "Where each alert is POSTed: an https URL whose host is a public address. Power Automate fills it in.",
            Visibility.Internal).Length(1, Alerts.NotificationAddressPolicy.MaxUrlLength);
        notificationUrl.Format = "uri";
        notificationUrl.Extensions["x-ms-notification-url"] = new OpenApiBoolean(true);
        return Object("Subscription request",
            "The webhook to call, and which of the workspace's alerts it wants.",
            new()
            {
                [SubscriptionBody.NotificationUrl] = notificationUrl,
                [SubscriptionBody.ScenarioId] = Text("Scenario id",
                    "Only this scenario's alerts; every scenario of the workspace when absent.", Visibility.Important)
                    .Matching("^[0-9a-f]{32}$"),
                [SubscriptionBody.MinimumSeverity] = Enum<AlertSeverity>("Minimum severity",
                    "The lowest severity delivered: warning (every alert) or alert (only those to act on now).", Visibility.Advanced)
                    .DefaultsTo(EnumText.Of(AlertSeverity.Warning)),
            },
            SubscriptionBody.NotificationUrl).Closed();
    }

    private static OpenApiSchema Alert()
    {
        OpenApiSchema date = Text("Date", "The day the alert is about (UTC calendar date).", Visibility.Important);
        date.Format = "date";
        return Object("Cost alert",
            "A cost or quality alert of a monitored scenario, with what a person needs to act. Money in dollars.",
            new()
            {
                ["id"] = Text("Alert id", "Stable for the scenario, kind and date.", Visibility.Advanced),
                ["scenarioId"] = Text("Scenario id", "The scenario the alert is about.", Visibility.Important),
                ["approachId"] = Text("Approach id", "The approach in production.", Visibility.Advanced),
                ["kind"] = Enum<AlertKind>("Kind", "Which rule fired: over-plan, spike, accuracy or pace.", Visibility.Important),
                ["severity"] = Enum<AlertSeverity>("Severity", "warning (worth a look) or alert (act now).", Visibility.Important),
                ["date"] = date,
                ["actual"] = Number("Actual",
                    "The day's actual spend in dollars (for accuracy, the error rate; for pace, the projected month).", Visibility.Important),
                ["expected"] = Number("Expected", "What the plan or the recent baseline expected, in the unit of actual.", Visibility.Important),
                ["impact"] = Number("Impact", "Actual minus expected.", Visibility.Important),
                ["impactRate"] = Number("Impact rate", "Impact over expected, a fraction; null when nothing was expected.", Visibility.Advanced)
                    .OrNull(),
                ["message"] = Text("Message", "One sentence: what happened, by how much, against what.", Visibility.Important),
            },
            "id", "scenarioId", "approachId", "kind", "severity", "date", "actual", "expected", "impact", "impactRate", "message");
    }

    private static OpenApiSchema Subscription() => Object("Subscription",
        "A webhook of the workspace's alerts. The secret is shown only here: keep it to verify X-FineTune-Signature.",
        new()
        {
            ["id"] = Text("Subscription id", "128 random bits as 32 lowercase hex digits; whoever holds it can delete the subscription.",
                Visibility.Advanced),
            ["secret"] = Text("Secret",
                "The key of each delivery's X-FineTune-Signature: sha256= and the hex HMAC-SHA256 of the body, keyed with this text's UTF-8 bytes.",
                Visibility.Advanced),
            ["notificationUrl"] = Text("Notification URL", "Where each alert is POSTed.", Visibility.Advanced),
            ["scenarioId"] = Text("Scenario id", "The one scenario whose alerts are delivered; null for every scenario.", Visibility.Advanced)
                .OrNull(),
            ["minimumSeverity"] = Enum<AlertSeverity>("Minimum severity", "The lowest severity delivered.", Visibility.Advanced),
        },
        "id", "secret", "notificationUrl", "scenarioId", "minimumSeverity");
}
