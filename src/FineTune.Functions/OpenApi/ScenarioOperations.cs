using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The analysis and the stored scenarios of a workspace.</summary>
internal static class ScenarioOperations
{
    private const string Tag = "Scenarios";

    /// <summary>Adds the scenario paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/analyses", new OpenApiPathItem { Operations = { [OperationType.Post] = AnalyzeScenario() } });
        paths.Add("/scenarios", new OpenApiPathItem
        {
            Operations = { [OperationType.Get] = ListScenarios(), [OperationType.Post] = CreateScenario() },
        });
        paths.Add("/scenarios/{id}", new OpenApiPathItem
        {
            Operations =
            {
                [OperationType.Get] = GetScenario(),
                [OperationType.Put] = UpdateScenario(),
                [OperationType.Delete] = DeleteScenario(),
            },
        });
        paths.Add("/scenarios/{id}/analysis", new OpenApiPathItem { Operations = { [OperationType.Get] = GetScenarioAnalysis() } });
    }

    private static OpenApiOperation AnalyzeScenario() => new OpenApiOperation
    {
        OperationId = nameof(Functions.AnalyzeScenario),
        Summary = "Analyse a scenario",
        Description = "Returns the cost per request of each approach, break-even and payback against the baseline, a recommendation, "
            + "a scale check and benchmark tiers for the scenario in the body. Stores nothing, so it works while storage is down.",
        Parameters = [Workspace(), Include()],
        RequestBody = JsonBody("scenario", "Scenario", "Scenario", "The scenario to analyse."),
        Responses = Responses(
            Json(200, "The analysis.", Ref("Analysis")),
            BadRequest("The scenario, include or X-Workspace-Id is not valid."),
            PayloadTooLarge(),
            UnsupportedMediaType()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation CreateScenario() => new OpenApiOperation
    {
        OperationId = nameof(Functions.CreateScenario),
        Summary = "Store a scenario",
        Description = "Stores the scenario in the body in the workspace under a new server-made id.",
        Parameters = [Workspace()],
        RequestBody = JsonBody("scenario", "Scenario", "Scenario", "The scenario to store."),
        Responses = Responses(
            Json(201, "The stored scenario.", Ref("StoredScenario"), ETag(), ("Location", Header("The URL of the new scenario."))),
            BadRequest("The scenario or X-Workspace-Id is not valid."),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation ListScenarios() => new OpenApiOperation
    {
        OperationId = nameof(Functions.ListScenarios),
        Summary = "List stored scenarios",
        Description = "Returns the workspace's scenarios a page at a time, oldest first, each exactly as stored.",
        Parameters =
        [
            Workspace(),
            Parameter("pageSize", ParameterLocation.Query, "Page size", $"Scenarios per page, 1 to {ApiRequest.MaxPageSize}.",
                Visibility.Advanced, new OpenApiSchema
                {
                    Type = "integer", Format = "int32", Minimum = 1, Maximum = ApiRequest.MaxPageSize,
                    Default = new OpenApiInteger(ApiRequest.DefaultPageSize),
                }),
            Parameter("continuationToken", ParameterLocation.Query, "Continuation token",
                "The continuationToken of the previous page; absent for the first page.", Visibility.Advanced,
                new OpenApiSchema { Type = "string" }),
        ],
        Responses = Responses(
            Json(200, "One page of scenarios.", Ref("ScenarioPage")),
            BadRequest("pageSize is outside 1..100, continuationToken was not issued for this workspace, or X-Workspace-Id is not valid."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation GetScenario() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetScenario),
        Summary = "Get a stored scenario",
        Description = "Returns one stored scenario of the workspace, exactly as it was written.",
        Parameters = [Workspace(), ScenarioId()],
        Responses = Responses(
            Json(200, "The stored scenario.", Ref("StoredScenario"), ETag()),
            BadRequest("X-Workspace-Id is not valid."),
            NotFound(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation UpdateScenario() => new OpenApiOperation
    {
        OperationId = nameof(Functions.UpdateScenario),
        Summary = "Replace a stored scenario",
        Description = "Replaces a stored scenario with the one in the body; with If-Match, only if it is still that version.",
        Parameters = [Workspace(), ScenarioId(), IfMatch()],
        RequestBody = JsonBody("scenario", "Scenario", "Scenario", "The new scenario."),
        Responses = Responses(
            Json(200, "The stored scenario's new version.", Ref("StoredScenario"), ETag()),
            BadRequest("The scenario, X-Workspace-Id or If-Match is not valid."),
            NotFound(),
            PreconditionFailed(),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation DeleteScenario() => new OpenApiOperation
    {
        OperationId = nameof(Functions.DeleteScenario),
        Summary = "Delete a stored scenario",
        Description = "Removes a stored scenario; with If-Match, only if it is still that version.",
        Parameters = [Workspace(), ScenarioId(), IfMatch()],
        Responses = Responses(
            NoContent("Deleted."),
            BadRequest("X-Workspace-Id or If-Match is not valid."),
            NotFound(),
            PreconditionFailed(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation GetScenarioAnalysis() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetScenarioAnalysis),
        Summary = "Analyse a stored scenario",
        Description = "Returns the analysis of a stored scenario, computed from its current version.",
        Parameters = [Workspace(), ScenarioId(), Include()],
        Responses = Responses(
            Json(200, "The analysis.", Ref("Analysis")),
            BadRequest("include or X-Workspace-Id is not valid."),
            NotFound(),
            StoredScenarioInvalid(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);
}
