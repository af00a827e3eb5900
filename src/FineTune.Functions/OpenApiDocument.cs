using FineTune.Functions.Http;
using FineTune.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/openapi.json: the Swagger 2.0 document of every HTTP function. Anonymous, so tools can import it.</summary>
public sealed class OpenApiDocument(OpenApiDescription description)
{
    /// <summary>200 with the document, built once per host: the configured one, else the one the request came to.</summary>
    [Function(nameof(OpenApiDocument))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new JsonBodyResult(StatusCodes.Status200OK, description.JsonFor(request.Scheme, request.Host.Value ?? ""));
}
