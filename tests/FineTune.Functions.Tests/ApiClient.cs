using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>An HttpClient that sends X-Workspace-Id and reads responses as JSON documents.</summary>
public sealed class ApiClient(HttpClient http, string workspace)
{
    public HttpClient Http { get; } = http;

    public string Workspace { get; } = workspace;

    public HttpRequestMessage Request(HttpMethod method, string path, byte[]? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("X-Workspace-Id", Workspace);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return request;
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Headers, response.Content.Headers, text);
    }

    public Task<Reply> SendAsync(HttpMethod method, string path, byte[]? body = null, string? ifMatch = null)
    {
        HttpRequestMessage request = Request(method, path, body);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return SendAsync(request);
    }

    public async Task<Reply> CreateAsync(byte[]? body = null)
    {
        Reply reply = await SendAsync(HttpMethod.Post, "/api/scenarios", body ?? Samples.SupportTriage());
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply;
    }
}

/// <summary>A response, read whole.</summary>
public sealed record Reply(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ETag => Headers.TryGetValues("ETag", out IEnumerable<string>? values) ? values.Single() : null;

    public string Id => Json.GetProperty("id").GetString()!;

    /// <summary>Asserts an RFC 9457 problem with this status, and returns its errors object (if any).</summary>
    public JsonElement? AssertProblem(HttpStatusCode status)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/problem+json", ContentHeaders.ContentType?.MediaType);
        JsonElement json = Json;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        return json.TryGetProperty("errors", out JsonElement errors) ? errors : null;
    }

    /// <summary>Asserts a 400 problem whose errors name <paramref name="key"/>.</summary>
    public void AssertBadRequestFor(string key)
    {
        JsonElement? errors = AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(errors.HasValue, Body);
        Assert.True(errors.Value.TryGetProperty(key, out JsonElement messages), Body);
        Assert.NotEqual(0, messages.GetArrayLength());
    }
}
