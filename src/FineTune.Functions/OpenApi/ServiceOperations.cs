using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The anonymous service endpoints: health and this document.</summary>
internal static class ServiceOperations
{
    private const string Tag = "Service";

    /// <summary>Adds the service paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/health", new OpenApiPathItem { Operations = { [OperationType.Get] = Health() } });
        paths.Add("/openapi.json", new OpenApiPathItem { Operations = { [OperationType.Get] = OpenApiDocument() } });
    }

    private static OpenApiOperation Health() => new OpenApiOperation
    {
        OperationId = nameof(Functions.Health),
        Summary = "Check health",
        Description = "Tells whether the app can reach its storage; for load balancers and probes, no key needed.",
        Responses = Responses(
            Json(200, "The app can reach its storage.", Ref("HealthReport")),
            StorageUnavailable()),
    }.Secured(Access.Anonymous, Visibility.Internal, Tag);

    private static OpenApiOperation OpenApiDocument() => new OpenApiOperation
    {
        OperationId = nameof(Functions.OpenApiDocument),
        Summary = "Get the API description",
        Description = "Returns this Swagger 2.0 document; no key needed.",
        Responses = Responses(
            Json(200, "The Swagger 2.0 document.", new OpenApiSchema { Type = "object", Description = "A Swagger 2.0 document." })),
    }.Secured(Access.Anonymous, Visibility.Internal, Tag);
}
