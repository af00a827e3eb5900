using FineTune.Core;
using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The model price catalog: listing, one entry with its history, admin upserts and the refresh from Azure's price API.</summary>
internal static class PriceOperations
{
    private const string Tag = "Prices";

    /// <summary>Adds the catalog paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/models", new OpenApiPathItem { Operations = { [OperationType.Get] = ListModels() } });
        paths.Add("/models/refresh", new OpenApiPathItem { Operations = { [OperationType.Post] = RefreshPrices() } });
        paths.Add("/models/{provider}/{model}", new OpenApiPathItem
        {
            Operations = { [OperationType.Get] = GetModel(deployment: false), [OperationType.Put] = UpsertModelPrice(deployment: false) },
        });
        paths.Add("/models/{provider}/{model}/{deployment}", new OpenApiPathItem
        {
            Operations = { [OperationType.Get] = GetModel(deployment: true), [OperationType.Put] = UpsertModelPrice(deployment: true) },
        });
    }

    private static OpenApiOperation ListModels() => new OpenApiOperation
    {
        OperationId = nameof(Functions.ListModels),
        Summary = "List model prices",
        Description = "Returns the price catalog's entries in effect on a day (today by default), a page at a time, by provider, "
            + "model and deployment: list prices with their source and date.",
        Parameters =
        [
            Parameter("provider", ParameterLocation.Query, "Provider", "Only this provider's entries, e.g. openai or azure-openai.",
                Visibility.Important, new OpenApiSchema { Type = "string", Pattern = ModelId.SegmentPattern }),
            Parameter("q", ParameterLocation.Query, "Search", "Only ids that contain this text, in any case.", Visibility.Important,
                new OpenApiSchema { Type = "string", MaxLength = ModelRequests.MaxTextLength }),
            Parameter("asOf", ParameterLocation.Query, "As of", "The day whose prices are listed, YYYY-MM-DD; today (UTC) when absent.",
                Visibility.Advanced, new OpenApiSchema { Type = "string", Format = "date" }),
            Parameter("pageSize", ParameterLocation.Query, "Page size", "Entries per page, 1 to 100.", Visibility.Advanced,
                new OpenApiSchema { Type = "integer", Format = "int32", Minimum = 1, Maximum = 100, Default = new OpenApiInteger(20) }),
            Parameter("continuationToken", ParameterLocation.Query, "Continuation token",
                "The continuationToken of the previous page; absent for the first page.", Visibility.Advanced,
                new OpenApiSchema { Type = "string" }),
        ],
        Responses = Responses(
            Json(200, "One page of entries.", Ref("ModelPricePage")),
            BadRequest("A query parameter is not valid."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation GetModel(bool deployment) => new OpenApiOperation
    {
        OperationId = deployment ? nameof(Functions.GetModelDeployment) : nameof(Functions.GetModel),
        Summary = deployment ? "Get a model deployment's prices" : "Get a model's prices",
        Description = (deployment
                ? "Returns a catalog entry of one deployment type (Azure: global, data-zone, regional)"
                : "Returns a catalog entry priced alike for every deployment")
            + ": the version in effect today and every version, newest first.",
        Parameters = IdParameters(deployment),
        Responses = Responses(
            Json(200, "The entry.", Ref("Model")),
            BadRequest("The path does not name a catalog id."),
            Problem(404, "The catalog has no such entry; the detail lists up to 5 similar ids."),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation UpsertModelPrice(bool deployment) => new OpenApiOperation
    {
        OperationId = deployment ? nameof(Functions.UpsertModelDeploymentPrice) : nameof(Functions.UpsertModelPrice),
        Summary = deployment ? "Set a model deployment's prices" : "Set a model's prices",
        Description = "Adds a version of a catalog entry from effectiveFrom on, closing the version before; on the latest version's "
            + "own day it replaces it. For providers without a price API.",
        Parameters = IdParameters(deployment),
        RequestBody = JsonBody("price", "ModelPriceInput", "Price", "The rates, the day they start and their source."),
        Responses = Responses(
            Json(200, "The version as stored.", Ref("ModelPrice")),
            BadRequest("The path or the rates are not valid, or effectiveFrom is before the latest version's."),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
    }.Secured(Access.MasterKey, Visibility.Advanced, Tag);

    private static OpenApiOperation RefreshPrices() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RefreshPrices),
        Summary = "Refresh model prices",
        Description = "Runs the scheduled price refresh now: reads every page of the Azure Retail Prices API for the configured "
            + "region and adds a version to each entry whose rates changed. A manual run always runs.",
        Responses = Responses(
            Json(200, "What the run did.", Ref("PriceRefreshSummary")),
            Problem(502, "The Azure Retail Prices API failed; the catalog is unchanged."),
            StorageUnavailable()),
    }.Secured(Access.MasterKey, Visibility.Advanced, Tag);

    private static List<OpenApiParameter> IdParameters(bool deployment)
    {
        List<OpenApiParameter> parameters =
        [
            Parameter("provider", ParameterLocation.Path, "Provider", "openai, azure-openai, or another by its plain name.",
                Visibility.Important, Segment(), required: true),
            Parameter("model", ParameterLocation.Path, "Model", "The model as the provider names it, e.g. gpt-4.1-mini.",
                Visibility.Important, Segment(), required: true),
        ];
        if (deployment)
        {
            parameters.Add(Parameter("deployment", ParameterLocation.Path, "Deployment", "The deployment type: global, data-zone or regional on Azure.",
                Visibility.Important, Segment(), required: true));
        }
        return parameters;
    }

    private static OpenApiSchema Segment() => new() { Type = "string", Pattern = ModelId.SegmentPattern };
}
