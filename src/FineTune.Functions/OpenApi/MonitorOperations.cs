using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>Usage in, the monitor view, alerts and the portfolio.</summary>
internal static class MonitorOperations
{
    /// <summary>The tag of these operations.</summary>
    public const string Tag = "Monitoring";

    /// <summary>Adds the monitoring paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/scenarios/{id}/usage", new OpenApiPathItem { Operations = { [OperationType.Post] = RecordUsage() } });
        paths.Add("/scenarios/{id}/monitor", new OpenApiPathItem { Operations = { [OperationType.Get] = GetScenarioMonitor() } });
        paths.Add("/alerts", new OpenApiPathItem { Operations = { [OperationType.Get] = ListAlerts() } });
        paths.Add("/alerts/{id}/acknowledge", new OpenApiPathItem { Operations = { [OperationType.Post] = AcknowledgeAlert() } });
        paths.Add("/portfolio", new OpenApiPathItem { Operations = { [OperationType.Get] = GetPortfolio() } });
    }

    private static OpenApiOperation RecordUsage() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RecordUsage),
        Summary = "Record daily usage",
        Description = "Stores 1 to 366 daily usage records of a stored scenario and evaluates its alert rules (over-plan, spike, "
            + "accuracy) for those days. A record replaces the stored one of the same approach and day: posting the same batch again "
            + "changes nothing and fires nothing.",
        Parameters = [Workspace(), ScenarioId()],
        RequestBody = JsonBody("usage", "UsageBatch", "Usage", "The daily records."),
        Responses = Responses(
            Json(200, "What the batch did, with the alerts it fired for the first time.", Ref("UsageReceipt")),
            BadRequest("A record is not valid (a date in the future or before the monitoring start, a negative count, cached input "
                + "tokens above input tokens, errors above requests, an unknown approach), or X-Workspace-Id is not valid."),
            NotFound(),
            StoredScenarioInvalid(),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation GetScenarioMonitor() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetScenarioMonitor),
        Summary = "Compare actual usage with the plan",
        Description = "Returns a stored scenario's daily and monthly actual cost against its plan, the period to date, a forecast of "
            + "the horizon's cost (actuals so far, the plan for the rest) and the alerts of the window.",
        Parameters =
        [
            Workspace(),
            ScenarioId(),
            Parameter("from", ParameterLocation.Query, "From", "The first day, YYYY-MM-DD, on or after the monitoring start; default "
                + "the start (or 3,660 days before to).", Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date" }),
            Parameter("to", ParameterLocation.Query, "To", "The last day, YYYY-MM-DD, at most 3,660 days after from; default today (UTC).",
                Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date" }),
        ],
        Responses = Responses(
            Json(200, "The monitor view.", Ref("MonitorView")),
            BadRequest("from or to is not a date, before the monitoring start, or the window is empty or over 3,660 days; or "
                + "X-Workspace-Id is not valid."),
            NotFound(),
            StoredScenarioInvalid(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation ListAlerts() => new OpenApiOperation
    {
        OperationId = nameof(Functions.ListAlerts),
        Summary = "List alerts",
        Description = "Returns the workspace's alerts a page at a time, newest first: of one scenario with scenarioId, fired at or "
            + "after since with since.",
        Parameters =
        [
            Workspace(),
            Parameter("scenarioId", ParameterLocation.Query, "Scenario id", "Only the alerts of this scenario.", Visibility.Advanced,
                new OpenApiSchema { Type = "string" }),
            Parameter("since", ParameterLocation.Query, "Since", "Only alerts fired at or after this RFC 3339 date and time.",
                Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date-time" }),
            Parameter("pageSize", ParameterLocation.Query, "Page size", "Alerts per page, 1 to 100.", Visibility.Advanced,
                new OpenApiSchema { Type = "integer", Format = "int32", Minimum = 1, Maximum = 100, Default = new OpenApiInteger(20) }),
            Parameter("continuationToken", ParameterLocation.Query, "Continuation token",
                "The continuationToken of the previous page; absent for the first page.", Visibility.Advanced,
                new OpenApiSchema { Type = "string" }),
        ],
        Responses = Responses(
            Json(200, "One page of alerts.", Ref("AlertPage")),
            BadRequest("since, pageSize or continuationToken is not valid, or X-Workspace-Id is not valid."),
            Problem(404, "No scenario with this scenarioId in this workspace."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation AcknowledgeAlert() => new OpenApiOperation
    {
        OperationId = nameof(Functions.AcknowledgeAlert),
        Summary = "Acknowledge an alert",
        Description = "Marks an alert as seen by someone who acts on it; acknowledging it again keeps the first time.",
        Parameters =
        [
            Workspace(),
            Parameter("id", ParameterLocation.Path, "Alert id", "The id of the alert.", Visibility.Important,
                new OpenApiSchema { Type = "string" }, required: true),
        ],
        Responses = Responses(
            Json(200, "The alert, acknowledged.", Ref("StoredAlert")),
            BadRequest("X-Workspace-Id is not valid."),
            Problem(404, "No alert with this id in this workspace."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation GetPortfolio() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetPortfolio),
        Summary = "Get the portfolio",
        Description = "Returns every scenario of the workspace side by side, a feature-level P&L: the recommendation, monthly run rate, "
            + "revenue and margin of the approach in production, the last 30 days' actual cost against plan, and the totals.",
        Parameters = [Workspace()],
        Responses = Responses(
            Json(200, "The portfolio.", Ref("Portfolio")),
            BadRequest("X-Workspace-Id is not valid."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);
}
