using System.Text.Json;
using System.Text.RegularExpressions;
using FineTune.Testing;

namespace FineTune.OpenApi.Tests;

/// <summary>The document against the functions.metadata the Worker SDK wrote: every HTTP function, and nothing else.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class MetadataContractTests(ApiFixture fixture)
{
    /// <summary>One function of functions.metadata with its trigger binding.</summary>
    private sealed record DeclaredFunction(string Name, string TriggerType, string? AuthLevel, IReadOnlyList<string> Methods, string Route);

    private static IReadOnlyList<DeclaredFunction> Declared()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().Select(function =>
        {
            JsonElement trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string name = function.GetProperty("name").GetString()!;
            return new DeclaredFunction(
                name,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("authLevel", out JsonElement level) ? level.GetString() : null,
                trigger.TryGetProperty("methods", out JsonElement methods)
                    ? methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList()
                    : [],
                trigger.TryGetProperty("route", out JsonElement route) && route.GetString() is { Length: > 0 } text ? text : name);
        }).ToList();
    }

    private static IEnumerable<DeclaredFunction> DeclaredHttp() => Declared().Where(f => f.TriggerType == "httpTrigger");

    [Fact]
    public void Paths_AreExactlyTheHttpFunctionsOfMetadata()
    {
        // A route template's constraints ({id:guid}, {id?}) and catch-all star ({*path}) are not part of a Swagger path.
        SortedSet<string> declared = new(DeclaredHttp().SelectMany(f => f.Methods.Select(method =>
            $"{method} /{RouteConstraint().Replace(f.Route.Trim('/'), "{$1}")} {f.Name}")), StringComparer.Ordinal);

        SortedSet<string> documented = new(fixture.Operations()
            .Select(o => $"{o.Method} {o.Path} {o.Operation.GetProperty("operationId").GetString()}"), StringComparer.Ordinal);

        Assert.NotEmpty(declared);
        Assert.Equal(declared, documented);
    }

    [Fact]
    public void BasePath_IsTheRoutePrefixOfHostJson()
    {
        using JsonDocument host = JsonDocument.Parse(File.ReadAllBytes(RepositoryRoot.Combine("host.json")));
        string prefix = host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;

        Assert.Equal("/" + prefix.Trim('/'), fixture.Document.GetProperty("basePath").GetString());
    }

    [Fact]
    public void TimerFunctions_AreNotDocumented()
    {
        HashSet<string> operationIds = fixture.Operations().Select(o => o.Operation.GetProperty("operationId").GetString()!).ToHashSet();
        List<DeclaredFunction> timers = Declared().Where(f => f.TriggerType == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, timer => Assert.DoesNotContain(timer.Name, operationIds));
    }

    [Fact]
    public void Security_FollowsEachFunctionsAuthLevel()
    {
        Dictionary<string, JsonElement> operations = fixture.Operations()
            .ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);

        foreach (DeclaredFunction function in DeclaredHttp())
        {
            JsonElement operation = operations[function.Name];
            bool secured = operation.TryGetProperty("security", out JsonElement security) && security.GetArrayLength() > 0;
            if (string.Equals(function.AuthLevel, "Anonymous", StringComparison.OrdinalIgnoreCase))
            {
                Assert.False(secured, $"{function.Name} is anonymous but documented with a key.");
                continue;
            }
            Assert.True(secured, $"{function.Name} needs a key but is documented without one.");
            Assert.True(security[0].TryGetProperty("api_key", out _), function.Name);
            if (string.Equals(function.AuthLevel, "Admin", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains("master (admin) key", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ApiKey_IsTheFunctionsKeyHeader_WithTheApiManagementVariant()
    {
        JsonElement apiKey = fixture.Document.GetProperty("securityDefinitions").GetProperty("api_key");

        Assert.Equal("apiKey", apiKey.GetProperty("type").GetString());
        Assert.Equal("header", apiKey.GetProperty("in").GetString());
        Assert.Equal("x-functions-key", apiKey.GetProperty("name").GetString());
        Assert.Contains("Ocp-Apim-Subscription-Key", apiKey.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();
}
