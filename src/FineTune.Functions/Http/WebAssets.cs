using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>One file of the web page: its bytes, media type and entity tag.</summary>
/// <param name="ETag">A quoted hash of the bytes, so a browser revalidates instead of downloading again.</param>
public sealed record WebAsset(string Path, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The web page's files, embedded in the function app from <c>src/FineTune.Functions/WebApp/</c> and served as they
/// are: plain HTML, CSS and ES modules, no build step. Only these files exist; any other path is not found.
/// </summary>
public static class WebAssets
{
    /// <summary>
    /// The page's policy: scripts, styles, requests and images from the app itself only (charts fetched with the
    /// function key become <c>blob:</c> images of the page's own making), no inline script or style, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Prefix = "webapp/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, WebAsset>> Files = new(Load);

    /// <summary>Every file, by its path below the page (<c>index.html</c>, <c>js/app.js</c>).</summary>
    public static IReadOnlyDictionary<string, WebAsset> All => Files.Value;

    /// <summary>The file at <paramref name="path"/>; the page itself for an empty path; null for any other.</summary>
    public static WebAsset? Find(string? path) =>
        Files.Value.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);

    /// <summary>
    /// 200 with the file and the headers that keep it to itself (<see cref="ContentSecurityPolicy"/>, no sniffing, no
    /// referrer), or 304 when the browser's copy is current.
    /// </summary>
    public static IActionResult Serve(WebAsset asset, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        bool current = request.Headers.IfNoneMatch.Any(tag => tag == asset.ETag);
        return new WebAssetResult(asset, current ? StatusCodes.Status304NotModified : StatusCodes.Status200OK);
    }

    private static FrozenDictionary<string, WebAsset> Load()
    {
        Assembly assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            string path = name[Prefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(System.IO.Path.GetExtension(path), out string? contentType))
            {
                throw new InvalidOperationException($"The web page's file {path} has no known media type; add its extension to WebAssets.");
            }
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] content = copy.ToArray();
            files[path] = new WebAsset(path, content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class WebAssetResult(WebAsset asset, int statusCode) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            HttpResponse response = context.HttpContext.Response;
            response.StatusCode = statusCode;
            response.Headers[HeaderNames.ETag] = asset.ETag;
            // Revalidate every time: a deployment changes the files under the same names.
            response.Headers[HeaderNames.CacheControl] = "no-cache";
            response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            if (statusCode == StatusCodes.Status304NotModified)
            {
                return Task.CompletedTask;
            }
            response.ContentType = asset.ContentType;
            response.ContentLength = asset.Content.Length;
            return response.Body.WriteAsync(asset.Content, context.HttpContext.RequestAborted).AsTask();
        }
    }
}
