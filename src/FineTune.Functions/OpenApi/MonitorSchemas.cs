using System.Globalization;
using FineTune.Core;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// Usage records, alerts, the monitor view and the portfolio (economics.md section 9). Money is dollars, a JSON number rounded
/// once to 8 decimal places; a figure that is not known is null, never 0.
/// </summary>
internal static class MonitorSchemas
{
    /// <summary>Adds the monitoring definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["UsageBatch"] = UsageBatch();
        definitions["UsageRecord"] = UsageRecord();
        definitions["UsageReceipt"] = UsageReceipt();
        definitions["StoredAlert"] = StoredAlert();
        definitions["AlertPage"] = AlertPage();
        definitions["MonitorView"] = MonitorView();
        definitions["MonitorDay"] = MonitorDay();
        definitions["MonitorMonth"] = MonitorMonth();
        definitions["MonitorToDate"] = MonitorToDate();
        definitions["MonitorForecast"] = MonitorForecast();
        definitions["Portfolio"] = Portfolio();
        definitions["PortfolioLine"] = PortfolioLine();
        definitions["RecentUsage"] = RecentUsage();
        definitions["PortfolioTotals"] = PortfolioTotals();
    }

    private static OpenApiSchema UsageBatch() => Object("Usage batch",
        "Daily usage of a stored scenario. A record replaces the stored one of the same approach and day; posting the same batch "
        + "again changes nothing.",
        new()
        {
            ["records"] = ArrayOf(Ref("UsageRecord"), "Records",
                $"1 to {UsageLimits.MaxRecordsPerBatch} daily records, at most one per approach and day.", Visibility.Important)
                .Items(1, UsageLimits.MaxRecordsPerBatch),
        },
        "records").Closed();

    private static OpenApiSchema UsageRecord() => Object("Usage record",
        "One day's actual usage of one approach; token counts are the day's totals. Without spend, the day is priced from its token "
        + "counts at the approach's own prices; without either, its cost is unknown (null), never 0.",
        new()
        {
            ["date"] = Date("Date", "The UTC day, YYYY-MM-DD: not in the future, not before the monitoring start.", Visibility.Important),
            ["approachId"] = Text("Approach", "Id of the approach that served the requests; default the approach in production.",
                Visibility.Advanced),
            ["requests"] = Count("Requests", "Requests served that day.", UsageLimits.MaxRequestsPerDay, Visibility.Important),
            ["inputTokens"] = Count("Input tokens", "Input tokens of the day, cached ones included.", UsageLimits.MaxTokensPerDay,
                Visibility.Advanced),
            ["cachedInputTokens"] = Count("Cached input tokens", "Input tokens billed at the cached price; at most inputTokens.",
                UsageLimits.MaxTokensPerDay, Visibility.Advanced),
            ["outputTokens"] = Count("Output tokens", "Output tokens of the day.", UsageLimits.MaxTokensPerDay, Visibility.Advanced),
            ["spend"] = Number("Spend", "Dollars actually spent that day, everything included; when given it is the day's cost.",
                Visibility.Important).Between(0m, UsageLimits.MaxSpendPerDay),
            ["errors"] = Count("Errors", "Wrong outputs among the requests; at most requests. Checked against the required accuracy.",
                UsageLimits.MaxRequestsPerDay, Visibility.Advanced),
        },
        "date", "requests").Closed();

    private static OpenApiSchema UsageReceipt() => Object("Usage receipt",
        "What a batch of usage did.",
        new()
        {
            ["accepted"] = Integer("Accepted", "Records accepted: every record of the batch.", Visibility.Important),
            ["replaced"] = Integer("Replaced", "Records that replaced a different stored record of the same approach and day.",
                Visibility.Advanced),
            ["unchanged"] = Integer("Unchanged", "Records equal to the stored one: nothing changed for them.", Visibility.Advanced),
            ["alerts"] = ArrayOf(Ref("StoredAlert"), "Alerts fired",
                "The alerts this batch fired for the first time; alerts of a replaced record are updated, not fired again.",
                Visibility.Important),
        },
        "accepted", "replaced", "unchanged", "alerts");

    private static OpenApiSchema StoredAlert() => Object("Alert",
        "A cost or quality alert of a monitored scenario: what happened, by how much, against what, and when it fired. One per "
        + "scenario, kind and day.",
        new()
        {
            ["id"] = Text("Alert id", "Stable for the scenario, day and kind: {scenarioId}-{yyyyMMdd}-{kind}.", Visibility.Advanced),
            ["scenarioId"] = Text("Scenario id", "The scenario the alert is about.", Visibility.Advanced),
            ["approachId"] = Text("Approach", "The approach in production.", Visibility.Advanced),
            ["kind"] = Enum<AlertKind>("Kind",
                "over-plan: a day above its plan; spike: a day far above the 28 before it; accuracy: too many errors; pace: the month "
                + "is on pace to exceed its plan.", Visibility.Important),
            ["severity"] = Enum<AlertSeverity>("Severity", "warning is worth a look; alert calls for action.", Visibility.Important),
            ["date"] = Date("Date", "The UTC day the alert is about.", Visibility.Important),
            ["actual"] = Number("Actual",
                "The day's actual dollars; for accuracy the error rate (a fraction); for pace the month's projected dollars.",
                Visibility.Important),
            ["expected"] = Number("Expected",
                "What was expected, in the unit of actual: the plan, the median of recent days, the allowed error rate or the month's plan.",
                Visibility.Important),
            ["impact"] = Number("Impact", "Actual minus expected.", Visibility.Important),
            ["impactRate"] = Number("Impact rate", "Impact over expected, a fraction; null when nothing was expected.", Visibility.Advanced)
                .OrNull(),
            ["message"] = Text("Message", "One sentence: what happened, by how much, against what, in which window and unit.",
                Visibility.Important),
            ["firedAt"] = DateTime("Fired at", "When the alert first fired (UTC).", Visibility.Advanced),
            ["updatedAt"] = DateTime("Updated at", "When a replaced record last changed its figures (UTC).", Visibility.Advanced),
            ["acknowledgedAt"] = DateTime("Acknowledged at", "When someone acknowledged it (UTC); null until then.", Visibility.Advanced)
                .OrNull(),
        },
        "id", "scenarioId", "approachId", "kind", "severity", "date", "actual", "expected", "impact", "impactRate", "message",
        "firedAt", "updatedAt", "acknowledgedAt");

    private static OpenApiSchema AlertPage() => Object("Alert page",
        "One page of the workspace's alerts, newest first.",
        new()
        {
            ["items"] = ArrayOf(Ref("StoredAlert"), "Alerts", "The alerts of this page.", Visibility.Important),
            ["continuationToken"] = Text("Continuation token",
                "Pass it as continuationToken to get the next page; null on the last page.", Visibility.Advanced).OrNull(),
        },
        "items", "continuationToken");

    private static OpenApiSchema MonitorView() => Object("Monitor view",
        "A stored scenario's actual usage against its plan: each day and month of the window, the period to date, and a forecast "
        + "of the horizon's cost.",
        new()
        {
            ["scenarioId"] = Text("Scenario id", "The scenario.", Visibility.Advanced),
            ["approachId"] = Text("Approach in production", "The approach whose plan the days are compared with.", Visibility.Important),
            ["startDate"] = Date("Start date", "The first day of plan month 0.", Visibility.Advanced),
            ["from"] = Date("From", "The first day of the window.", Visibility.Advanced),
            ["to"] = Date("To", "The last day of the window.", Visibility.Advanced),
            ["days"] = ArrayOf(Ref("MonitorDay"), "Days", "Every day of the window, oldest first.", Visibility.Important),
            ["months"] = ArrayOf(Ref("MonitorMonth"), "Months", "The days of each calendar month of the window.", Visibility.Important),
            ["toDate"] = Ref("MonitorToDate"),
            ["forecast"] = Ref("MonitorForecast"),
            ["alerts"] = ArrayOf(Ref("StoredAlert"), "Alerts", "Alerts dated within the window, newest day first.", Visibility.Important),
            ["notes"] = ArrayOf(Text("Note", "A note.", Visibility.Advanced), "Notes", "Why a figure is null or partial.",
                Visibility.Advanced),
        },
        "scenarioId", "approachId", "startDate", "from", "to", "days", "months", "toDate", "forecast", "alerts", "notes");

    private static OpenApiSchema MonitorDay() => Object("Monitor day",
        "One day: what it cost against what the plan expected.",
        new()
        {
            ["date"] = Date("Date", "The UTC day.", Visibility.Important),
            ["requests"] = Long("Requests", "Requests of the day's records; null without records.", Visibility.Advanced).OrNull(),
            ["actual"] = Number("Actual", "The day's cost in dollars; null without a record that can be priced.", Visibility.Important)
                .OrNull(),
            ["plan"] = Number("Plan", "The plan for the day in dollars: the plan month's cost over the calendar month's days.",
                Visibility.Important),
            ["variance"] = Number("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important).OrNull(),
        },
        "date", "requests", "actual", "plan", "variance");

    private static OpenApiSchema MonitorMonth() => Object("Monitor month",
        "The days of one calendar month inside the window.",
        new()
        {
            ["month"] = Text("Month", "The calendar month, YYYY-MM.", Visibility.Important),
            ["from"] = Date("From", "Its first day inside the window.", Visibility.Advanced),
            ["to"] = Date("To", "Its last day inside the window.", Visibility.Advanced),
            ["daysWithRecords"] = Integer("Days with records", "Days whose cost is known.", Visibility.Advanced),
            ["requests"] = Long("Requests", "Requests of its records.", Visibility.Advanced),
            ["actual"] = Number("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important).OrNull(),
            ["plan"] = Number("Plan", "The plan of every day from from to to, dollars.", Visibility.Important),
            ["variance"] = Number("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important).OrNull(),
        },
        "month", "from", "to", "daysWithRecords", "requests", "actual", "plan", "variance");

    private static OpenApiSchema MonitorToDate() => Object("To date",
        "The monitoring period so far, from the start date through today (UTC).",
        new()
        {
            ["through"] = Date("Through", "The last day counted: today (UTC).", Visibility.Advanced),
            ["days"] = Integer("Days", "Days from the start date through today; 0 before monitoring starts.", Visibility.Advanced),
            ["daysWithRecords"] = Integer("Days with records", "Days whose cost is known.", Visibility.Advanced),
            ["actual"] = Number("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important).OrNull(),
            ["plan"] = Number("Plan", "The plan of every day of the period, dollars.", Visibility.Important),
            ["variance"] = Number("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important).OrNull(),
        },
        "through", "days", "daysWithRecords", "actual", "plan", "variance");

    private static OpenApiSchema MonitorForecast() => Object("Forecast",
        "The horizon's cost as it now looks: training as planned, the actual cost of every day whose cost is known and the plan of "
        + "every other day.",
        new()
        {
            ["horizonEnd"] = Date("Horizon end", "The last day of the horizon.", Visibility.Advanced),
            ["horizonCost"] = Number("Horizon cost", "The forecast, dollars.", Visibility.Important),
            ["plannedHorizonCost"] = Number("Planned horizon cost", "Training and the plan of every day of the horizon, dollars.",
                Visibility.Important),
            ["variance"] = Number("Variance", "Forecast minus plan, dollars.", Visibility.Important),
        },
        "horizonEnd", "horizonCost", "plannedHorizonCost", "variance");

    private static OpenApiSchema Portfolio() => Object("Portfolio",
        "The workspace's AI features side by side, a feature-level P&L: each scenario's month on plan and its last 30 days, and "
        + "the totals.",
        new()
        {
            ["asOf"] = Date("As of", "Today (UTC): the last day of every line's last 30 days.", Visibility.Advanced),
            ["items"] = ArrayOf(Ref("PortfolioLine"), "Scenarios", "One line per scenario, in the order of their ids (the order they were created in).",
                Visibility.Important),
            ["totals"] = Ref("PortfolioTotals"),
        },
        "asOf", "items", "totals");

    private static OpenApiSchema PortfolioLine() => Object("Portfolio line",
        "One scenario: month 0 of the plan of the approach in production, and its last 30 days.",
        new()
        {
            ["scenarioId"] = Text("Scenario id", "The scenario.", Visibility.Advanced),
            ["name"] = Text("Name", "The scenario's name.", Visibility.Important),
            ["recommendedApproachId"] = Text("Recommendation", "The analysis' recommendation; null when no approach is eligible.",
                Visibility.Important).OrNull(),
            ["approachId"] = Text("Approach in production", "The monitored approach: by default the recommendation, else the baseline.",
                Visibility.Advanced),
            ["monthlyRunRate"] = Number("Monthly run rate", "Requests a month times inference cost plus fixed costs, dollars.",
                Visibility.Important),
            ["monthlyRevenue"] = Number("Monthly revenue", "Requests a month times revenue per request, dollars; null without revenue.",
                Visibility.Important).OrNull(),
            ["monthlyMargin"] = Number("Monthly margin", "Revenue minus run rate, dollars; null without revenue.", Visibility.Important)
                .OrNull(),
            ["monthlyMarginRate"] = Number("Monthly margin rate", "Margin over revenue, a fraction; null without revenue or when it is 0.",
                Visibility.Advanced).OrNull(),
            ["last30Days"] = Ref("RecentUsage"),
        },
        "scenarioId", "name", "recommendedApproachId", "approachId", "monthlyRunRate", "monthlyRevenue", "monthlyMargin",
        "monthlyMarginRate", "last30Days");

    private static OpenApiSchema RecentUsage() => Object("Last 30 days",
        "Recorded usage of the last 30 days, today included, against the plan of those days.",
        new()
        {
            ["from"] = Date("From", "The first day.", Visibility.Advanced),
            ["to"] = Date("To", "The last day: today (UTC).", Visibility.Advanced),
            ["daysWithRecords"] = Integer("Days with records", "Days whose cost is known.", Visibility.Advanced),
            ["requests"] = Long("Requests", "Requests of the records.", Visibility.Advanced),
            ["actual"] = Number("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important).OrNull(),
            ["plan"] = Number("Plan", "The plan of the days on or after the monitoring start, dollars.", Visibility.Important),
            ["variance"] = Number("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important).OrNull(),
        },
        "from", "to", "daysWithRecords", "requests", "actual", "plan", "variance");

    private static OpenApiSchema PortfolioTotals() => Object("Portfolio totals",
        "The workspace's totals.",
        new()
        {
            ["scenarios"] = Integer("Scenarios", "Scenarios in the workspace.", Visibility.Advanced),
            ["monthlyRunRate"] = Number("Monthly run rate", "Over every scenario, dollars.", Visibility.Important),
            ["monthlyRevenue"] = Number("Monthly revenue", "Over the scenarios with revenue, dollars; null when none has.",
                Visibility.Important).OrNull(),
            ["monthlyMargin"] = Number("Monthly margin", "Over the scenarios with revenue, dollars; null when none has.",
                Visibility.Important).OrNull(),
            ["last30DaysActual"] = Number("Last 30 days' actual", "Over the scenarios with a known cost, dollars; null when none has.",
                Visibility.Important).OrNull(),
            ["last30DaysPlan"] = Number("Last 30 days' plan", "Over every scenario, dollars.", Visibility.Important),
        },
        "scenarios", "monthlyRunRate", "monthlyRevenue", "monthlyMargin", "last30DaysActual", "last30DaysPlan");

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    internal static OpenApiSchema Date(string summary, string description, Visibility visibility)
    {
        OpenApiSchema schema = Text(summary, description, visibility);
        schema.Format = "date";
        return schema;
    }

    private static OpenApiSchema Count(string summary, string description, long max, Visibility visibility) =>
        Long(summary, string.Create(CultureInfo.InvariantCulture, $"{description} A whole number from 0 to {max:0.###E+0}."), visibility)
            .Between(0m, max);
}
