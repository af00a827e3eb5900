using System.Text.Json;
using FineTune.Functions.OpenApi;
using FineTune.Testing.Host;

namespace FineTune.OpenApi.Tests;

/// <summary>A real Azurite, the local host in process over it, and the document it serves.</summary>
public sealed class ApiFixture : AppFixture
{
    private Task<GeneratedClient>? client;

    /// <summary>The body of <c>GET /api/openapi.json</c>, as served.</summary>
    public string DocumentText { get; private set; } = "";

    /// <summary>The served document, parsed.</summary>
    public JsonElement Document { get; private set; }

    // The checked-in connector is the document of the placeholder host, whatever this machine's environment says.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [OpenApiDescription.HostSetting] = OpenApiDescription.PlaceholderHost,
        ["WEBSITE_HOSTNAME"] = "",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using HttpClient client = Factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync("/api/openapi.json");
        DocumentText = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/openapi.json answered {(int)response.StatusCode}: {DocumentText}");
        }
        Document = JsonDocument.Parse(DocumentText).RootElement.Clone();
    }

    /// <summary>The client NSwag generates from the served document, generated and compiled once.</summary>
    public Task<GeneratedClient> GeneratedClientAsync() => client ??= GeneratedClient.CreateAsync(DocumentText);

    /// <summary>The definition named <paramref name="name"/>.</summary>
    public JsonElement Definition(string name) => Document.GetProperty("definitions").GetProperty(name);

    /// <summary>Every operation as (path, method, operation).</summary>
    public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(method => !method.Name.StartsWith("x-", StringComparison.Ordinal) && method.Name != "parameters")
            .Select(method => (path.Name, method.Name, method.Value)));
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Api";
}
