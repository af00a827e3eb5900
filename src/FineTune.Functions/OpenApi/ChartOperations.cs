using FineTune.Charts;
using FineTune.Core;
using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;

namespace FineTune.Functions.OpenApi;

/// <summary>The charts: SVG images of a scenario in the body or of a stored one.</summary>
internal static class ChartOperations
{
    /// <summary>The tag of the chart operations.</summary>
    public const string Tag = "Charts";

    /// <summary>Adds the chart paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/analyses/charts/{kind}.svg", new OpenApiPathItem { Operations = { [OperationType.Post] = RenderChart() } });
        paths.Add("/scenarios/{id}/charts/{kind}.svg", new OpenApiPathItem { Operations = { [OperationType.Get] = RenderScenarioChart() } });
    }

    private static OpenApiOperation RenderChart() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RenderChart),
        Summary = "Draw a chart of a scenario",
        Description = "Returns one chart of the scenario in the body as an SVG image that stands alone in a web page or an e-mail: "
            + "payback, cumulative costs, sensitivity or cost per request at scale. Stores nothing.",
        Parameters = [Workspace(), Kind(Functions.RenderChart.Kinds)],
        RequestBody = JsonBody("scenario", "Scenario", "Scenario", "The scenario to draw."),
        Responses = Responses(
            Svg(),
            BadRequest("The scenario or X-Workspace-Id is not valid."),
            Problem(404, "No chart of this kind is drawn from a scenario in the body."),
            PayloadTooLarge(),
            UnsupportedMediaType()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation RenderScenarioChart() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RenderScenarioChart),
        Summary = "Draw a chart of a stored scenario",
        Description = "Returns one chart of a stored scenario as an SVG image that stands alone in a web page or an e-mail: "
            + "payback, cumulative costs, sensitivity, cost per request at scale, or daily spend against plan (monitor) over the "
            + "days from and to name. A scenario without recorded usage gets a monitor chart of its plan that says so.",
        Parameters =
        [
            Workspace(),
            ScenarioId(),
            Kind(Functions.RenderScenarioChart.Kinds),
            Parameter("from", ParameterLocation.Query, "From", "Monitor only: the first day, YYYY-MM-DD, on or after the monitoring "
                + "start; default the start (or 3,660 days before to).", Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date" }),
            Parameter("to", ParameterLocation.Query, "To", "Monitor only: the last day, YYYY-MM-DD, at most 3,660 days after from; "
                + "default today (UTC).", Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date" }),
        ],
        Responses = Responses(
            Svg(),
            BadRequest("For the monitor, from or to is not a date, before the monitoring start, or the window is empty or over "
                + "3,660 days; or X-Workspace-Id is not valid."),
            Problem(404, "No scenario with this id in this workspace, or no chart of this kind."),
            StoredScenarioInvalid(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiParameter Kind(IReadOnlyList<ChartKind> kinds) => Parameter("kind", ParameterLocation.Path, "Chart",
        "Which chart: " + string.Join(", ", kinds.Select(EnumText.Of)) + ".", Visibility.Important,
        new OpenApiSchema { Type = "string", Enum = kinds.Select(kind => (IOpenApiAny)new OpenApiString(EnumText.Of(kind))).ToList() },
        required: true);

    private static (int, OpenApiResponse) Svg() => (200, new OpenApiResponse
    {
        Description = "The chart: an SVG image with a title and a description that state its figures in words.",
        Content = { [ChartResults.SvgContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string", Format = "binary" } } },
    });
}
