using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>
/// A response of already-serialized JSON. It writes straight to the response, so it needs no MVC services and
/// behaves the same under the Functions host and the local host.
/// </summary>
public sealed class JsonBodyResult(int statusCode, ReadOnlyMemory<byte> body, string contentType = "application/json") : IActionResult
{
    private readonly List<KeyValuePair<string, string>> headers = [];

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => statusCode;

    /// <summary>Adds a response header.</summary>
    public JsonBodyResult WithHeader(string name, string value)
    {
        headers.Add(new(name, value));
        return this;
    }

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponse response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        foreach ((string name, string value) in headers)
        {
            response.Headers.Append(name, value);
        }
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers[HeaderNames.CacheControl] = "no-store";
        return response.Body.WriteAsync(body, context.HttpContext.RequestAborted).AsTask();
    }
}

/// <summary>A response without a body, such as 204.</summary>
public sealed class StatusOnlyResult(int statusCode) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
