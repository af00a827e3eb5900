using FineTune.Testing.Host;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.LocalHost.Tests;

public sealed partial class ParityTests
{
    private static JsonDocument Metadata() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

    private static JsonElement? Trigger(JsonElement function, string type) =>
        function.GetProperty("bindings").EnumerateArray()
            .SingleOrDefault(binding => binding.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } trigger
            ? trigger
            : null;

    /// <summary>
    /// (name, METHOD, route) for every HTTP function of the functions.metadata the Worker SDK wrote, as the Functions host
    /// reads it: under host.json's route prefix, any method when none is listed, the function's name when no route is.
    /// </summary>
    private static SortedSet<string> DeclaredEndpoints()
    {
        string hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        Assert.True(File.Exists(hostJson), $"{hostJson} is missing: the route prefix would silently be the default.");
        string prefix = HostJson.ReadRoutePrefix(hostJson);
        using JsonDocument metadata = Metadata();
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonElement function in metadata.RootElement.EnumerateArray())
        {
            if (Trigger(function, "httpTrigger") is not { } trigger)
            {
                continue;
            }
            string name = function.GetProperty("name").GetString()!;
            string route = trigger.TryGetProperty("route", out JsonElement declaredRoute) && declaredRoute.GetString() is { Length: > 0 } text
                ? text
                : name;
            string[] methods = trigger.TryGetProperty("methods", out JsonElement declaredMethods) && declaredMethods.GetArrayLength() > 0
                ? declaredMethods.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToArray()
                : ["ANY"];
            foreach (string method in methods)
            {
                declared.Add($"{name} {method} {(prefix.Length == 0 ? route : $"{prefix}/{route}")}");
            }
        }
        return declared;
    }

    [Fact]
    public void LocalHost_Endpoints_AreExactlyTheFunctionsInMetadata()
    {
        using var factory = LocalHostFactory.WithoutStorage();
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
    public void LocalHost_Timers_AreExactlyTheTimerFunctionsInMetadata()
    {
        using var factory = LocalHostFactory.WithoutStorage();
        factory.CreateClient().Dispose();
        IConfiguration configuration = factory.Services.GetRequiredService<IConfiguration>();
        using JsonDocument metadata = Metadata();

        SortedSet<string> declared = new(metadata.RootElement.EnumerateArray()
            .Where(function => Trigger(function, "timerTrigger") is not null)
            .Select(function => $"{function.GetProperty("name").GetString()} "
                + SettingReference().Replace(Trigger(function, "timerTrigger")!.Value.GetProperty("schedule").GetString()!,
                    setting => configuration[setting.Groups[1].Value] ?? "")), StringComparer.Ordinal);
        SortedSet<string> fired = new(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions
            .Select(timer => $"{timer.Name} {timer.Expression}"), StringComparer.Ordinal);

        Assert.NotEmpty(declared);
        Assert.Equal(declared, fired);
    }

    [Fact]
    public void LocalHost_Queues_AreExactlyTheQueueFunctionsInMetadata()
    {
        using var factory = LocalHostFactory.WithoutStorage();
        factory.CreateClient().Dispose();
        using JsonDocument metadata = Metadata();

        SortedSet<string> declared = new(metadata.RootElement.EnumerateArray()
            .Where(function => Trigger(function, "queueTrigger") is not null)
            .Select(function => $"{function.GetProperty("name").GetString()} "
                + Trigger(function, "queueTrigger")!.Value.GetProperty("queueName").GetString()), StringComparer.Ordinal);
        SortedSet<string> served = new(factory.Services.GetRequiredService<LocalFunctionApp>().QueueFunctions
            .Select(queue => $"{queue.Name} {queue.QueueName}"), StringComparer.Ordinal);

        Assert.Contains("DeliverAlert alert-deliveries", declared);
        Assert.Equal(declared, served);
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
        using var factory = LocalHostFactory.WithoutStorage();
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.PostAsync("/_dev/fixed", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FixedEndpoint_WhenOn_ReturnsExactlyTheRequestedBytes()
    {
        using var factory = LocalHostFactory.WithoutStorage(new Dictionary<string, string?> { ["LocalHost:FixedEndpoint"] = "true" });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.PostAsync("/_dev/fixed?bytes=5000", new StringContent("{}"));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5000, body.Length);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement.ValueKind);
    }

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
