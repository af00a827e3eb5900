using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;

namespace FineTune.Functions.OpenApi;

/// <summary>The web page, for people rather than flows: documented so the document lists every function, and internal.</summary>
internal static class WebAppOperations
{
    /// <summary>Adds the page's path.</summary>
    public static void AddTo(OpenApiPaths paths) =>
        paths.Add("/app/{path}", new OpenApiPathItem { Operations = { [OperationType.Get] = WebApp() } });

    private static OpenApiOperation WebApp() => new OpenApiOperation
    {
        OperationId = nameof(Functions.WebApp),
        Summary = "Get the web page",
        Description = "Returns the web page (an empty path) or one of its files; a browser opens /api/app/. No key needed.",
        Parameters =
        [
            // Power Platform asks a required internal parameter for a default: the page itself.
            Parameter("path", ParameterLocation.Path, "File", "A file of the page, such as js/app.js; index.html (or empty) for the page itself.",
                Visibility.Internal, new OpenApiSchema { Type = "string", Default = new OpenApiString("index.html") }, required: true),
        ],
        Responses = Responses(
            (200, new OpenApiResponse
            {
                Description = "The page or the file, with a content security policy that allows only the app itself.",
                Content = { ["text/html"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string" } } },
            }),
            (301, new OpenApiResponse
            {
                Description = "From /api/app to /api/app/, so the page's relative links resolve.",
                Headers = { ["Location"] = Header("The page's address.") },
            }),
            (304, new OpenApiResponse { Description = "The browser's copy, named by If-None-Match, is current." }),
            Problem(404, "The page has no such file.")),
    }.Secured(Access.Anonymous, Visibility.Internal, "Service");
}
