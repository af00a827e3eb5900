using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.OpenApi;
using FineTune.Testing.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.OpenApi.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDescriptionTests(ApiFixture fixture)
{
    public static TheoryData<string?, string?, string> Hosts => new()
    {
        { null, null, "serving-host.example" },
        { null, "finetune-prod.azurewebsites.net", "finetune-prod.azurewebsites.net" },
        { "finetune-gateway.azure-api.net", "finetune-prod.azurewebsites.net", "finetune-gateway.azure-api.net" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Host_IsTheSettingElseTheSiteElseTheOneServing(string? openApiHost, string? websiteHostname, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OpenApiDescription.HostSetting] = openApiHost,
            ["WEBSITE_HOSTNAME"] = websiteHostname,
        }).Build();

        using JsonDocument document = JsonDocument.Parse(new OpenApiDescription(configuration).JsonFor("https", "serving-host.example"));

        Assert.Equal(expected, document.RootElement.GetProperty("host").GetString());
        Assert.Equal("/api", document.RootElement.GetProperty("basePath").GetString());
    }

    [Fact]
    public async Task LocalRun_WithoutAHostSetting_NamesTheHostAndSchemeThatServedIt()
    {
        await using LocalHostFactory unconfigured = LocalHostFactory.Over(fixture.Azurite.ConnectionString, new Dictionary<string, string?>
        {
            [OpenApiDescription.HostSetting] = "",
            ["WEBSITE_HOSTNAME"] = "",
        });
        Uri address = unconfigured.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };

        using JsonDocument document = JsonDocument.Parse(await client.GetByteArrayAsync("/api/openapi.json"));

        Assert.Equal($"127.0.0.1:{address.Port}", document.RootElement.GetProperty("host").GetString());
        Assert.Equal(["http"], document.RootElement.GetProperty("schemes").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("Approach")]
    [InlineData("Routing")]
    public void ScenarioModel_IsPickedFromTheCatalogIdsThatListModelsLists(string definition)
    {
        JsonElement model = fixture.Definition(definition).GetProperty("properties").GetProperty("model");

        Assert.Equal(ModelId.Pattern, model.GetProperty("pattern").GetString());
        Assert.Equal(
            """{"operationId":"ListModels","parameters":{"pageSize":100},"value-collection":"items","value-path":"id","value-title":"id"}""",
            JsonSerializer.Serialize(model.GetProperty("x-ms-dynamic-values")));
    }

    [Fact]
    public void CheckedInConnector_IsTheDocumentOfThePlaceholderHost() =>
        Assert.Equal(OpenApiDescription.Serialize(OpenApiDescription.PlaceholderHost), System.Text.Encoding.UTF8.GetBytes(fixture.DocumentText));

    [Fact]
    public async Task Document_IsBuiltOnce_AndServedAsJson()
    {
        OpenApiDescription first = fixture.Factory.Services.GetRequiredService<OpenApiDescription>();
        using HttpClient client = fixture.Factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync("/api/openapi.json");

        Assert.Same(first, fixture.Factory.Services.GetRequiredService<OpenApiDescription>());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Json.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }
}
