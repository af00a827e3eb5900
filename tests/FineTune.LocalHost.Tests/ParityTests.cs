using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.LocalHost.Tests;

public sealed class ParityTests
{
    /// <summary>(name, METHOD, route) for every HTTP function of the functions.metadata the Worker SDK wrote.</summary>
    private static SortedSet<string> DeclaredEndpoints()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonElement function in metadata.RootElement.EnumerateArray())
        {
            if (function.GetProperty("bindings").EnumerateArray()
                .SingleOrDefault(binding => binding.GetProperty("type").GetString() == "httpTrigger") is not { ValueKind: JsonValueKind.Object } trigger)
            {
                continue;
            }
            foreach (JsonElement method in trigger.GetProperty("methods").EnumerateArray())
            {
                declared.Add($"{function.GetProperty("name").GetString()} {method.GetString()!.ToUpperInvariant()} api/{trigger.GetProperty("route").GetString()}");
            }
        }
        return declared;
    }

    [Fact]
    public void LocalHost_Endpoints_AreExactlyTheFunctionsInMetadata()
    {
        using var factory = new HostFactory();
        factory.CreateClient().Dispose();

        var served = new SortedSet<string>(StringComparer.Ordinal);
        foreach (RouteEndpoint endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            IReadOnlyList<string> methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (string method in methods)
            {
                served.Add($"{endpoint.DisplayName} {method} {endpoint.RoutePattern.RawText}");
            }
        }

        Assert.NotEmpty(DeclaredEndpoints());
        Assert.Equal(DeclaredEndpoints(), served);
    }

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionOfTheAssembly()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        SortedSet<string> declared = new(metadata.RootElement.EnumerateArray()
            .Select(function => function.GetProperty("entryPoint").GetString()!), StringComparer.Ordinal);

        SortedSet<string> attributed = new(typeof(FineTune.Functions.AnalyzeScenario).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(method => $"{method.DeclaringType!.FullName}.{method.Name}"), StringComparer.Ordinal);

        Assert.Equal(attributed, declared);
    }

    [Fact]
    public async Task FixedEndpoint_Default_IsNotServed()
    {
        using var factory = new HostFactory();
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.PostAsync("/_dev/fixed", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FixedEndpoint_WhenOn_ReturnsExactlyTheRequestedBytes()
    {
        using var factory = new HostFactory(new Dictionary<string, string> { ["LocalHost:FixedEndpoint"] = "true" });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.PostAsync("/_dev/fixed?bytes=5000", new StringContent("{}"));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5000, body.Length);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement.ValueKind);
    }
}
