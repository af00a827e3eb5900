using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FineTune.WebApp.Tests;

/// <summary>The API of the app the page talks to, called directly in one workspace: what a test sets up behind the page.</summary>
internal sealed class AppApi(Uri address, string workspace) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = address };

    public string Workspace => workspace;

    /// <summary>A workspace of its own.</summary>
    public static AppApi InNewWorkspace(Uri address) => new(address, "ws-" + Guid.NewGuid().ToString("N")[..16]);

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<JsonElement> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<JsonElement> PostAsync(string path, byte[] json) => SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetString(json));

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Workspace-Id", workspace);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
