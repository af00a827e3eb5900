using FineTune.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions;

/// <summary>
/// GET /api/app/{*path}: the web page and its files. Anonymous, as any page is; what it does, it does through the API,
/// with the caller's function key where one is needed.
/// </summary>
public sealed class WebApp
{
    /// <summary>200 with the file; 301 from <c>/api/app</c> to <c>/api/app/</c>, so the page's relative links resolve; 404 for any other path.</summary>
    [Function(nameof(WebApp))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path) && request.Path.Value?.EndsWith('/') != true)
        {
            return new JsonBodyResult(StatusCodes.Status301MovedPermanently, ReadOnlyMemory<byte>.Empty, "text/plain")
                .WithHeader(HeaderNames.Location, $"{request.PathBase}{request.Path}/{request.QueryString}");
        }
        return WebAssets.Find(path) is { } asset
            ? WebAssets.Serve(asset, request)
            : Problems.NotFound("No such file in the web app; the page is at /api/app/.");
    }
}
