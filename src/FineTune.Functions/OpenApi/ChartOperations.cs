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
            UnsupportedMediaType(),
            NotYet()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation RenderScenarioChart() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RenderScenarioChart),
        Summary = "Draw a chart of a stored scenario",
        Description = "Returns one chart of a stored scenario as an SVG image that stands alone in a web page or an e-mail: "
            + "payback, cumulative costs, sensitivity, cost per request at scale, or daily spend against plan.",
        Parameters = [Workspace(), ScenarioId(), Kind(Functions.RenderScenarioChart.Kinds)],
        Responses = Responses(
            Svg(),
            BadRequest("X-Workspace-Id is not valid."),
            Problem(404, "No scenario with this id in this workspace, or no chart of this kind."),
            StoredScenarioInvalid(),
            NotYet(),
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

    private static (int, OpenApiResponse) NotYet() =>
        Problem(501, "This version does not compute yet the figures this chart draws; the detail says which.");
}
