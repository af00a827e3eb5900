using System.Text.Json;
using System.Text.RegularExpressions;
using FineTune.Testing;

namespace FineTune.OpenApi.Tests;

/// <summary>The Power Platform connector package in infra/connector: the served document, checked in, and its properties.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ConnectorPackageTests(ApiFixture fixture)
{
    private const string UpdateVariable = "UPDATE_CONNECTOR";
    private static readonly string ApiDefinition = RepositoryRoot.Combine("infra", "connector", "apiDefinition.swagger.json");
    private static readonly string ApiProperties = RepositoryRoot.Combine("infra", "connector", "apiProperties.json");

    [Fact]
    public void ApiDefinition_IsTheServedDocument()
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ApiDefinition, fixture.DocumentText);
        }
        string checkedIn = File.Exists(ApiDefinition) ? File.ReadAllText(ApiDefinition).ReplaceLineEndings("\n") : "";

        Assert.True(checkedIn == fixture.DocumentText,
            "infra/connector/apiDefinition.swagger.json differs from what GET /api/openapi.json serves. Regenerate it with "
            + $"`{UpdateVariable}=1 dotnet test tests/FineTune.OpenApi.Tests --filter {nameof(ApiDefinition_IsTheServedDocument)}` "
            + "and commit the result.");
    }

    [Fact]
    public void ApiProperties_AskForTheKeyAsASecureString()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(ApiProperties));
        JsonElement properties = document.RootElement.GetProperty("properties");
        JsonElement apiKey = properties.GetProperty("connectionParameters").GetProperty("api_key");

        Assert.Equal("securestring", apiKey.GetProperty("type").GetString());
        JsonElement ui = apiKey.GetProperty("uiDefinition");
        foreach (string text in (string[])["displayName", "description", "tooltip"])
        {
            Assert.False(string.IsNullOrWhiteSpace(ui.GetProperty(text).GetString()), text);
        }
        Assert.Equal("true", ui.GetProperty("constraints").GetProperty("required").GetString());
        Assert.False(ui.GetProperty("constraints").GetProperty("clearText").GetBoolean());
        Assert.Matches(HexColor(), properties.GetProperty("iconBrandColor").GetString());
        Assert.Equal(0, properties.GetProperty("capabilities").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(properties.GetProperty("publisher").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(properties.GetProperty("stackOwner").GetString()));
    }

    [Fact]
    public void Readme_SaysHowToImport() =>
        Assert.Contains("paconn create", File.ReadAllText(RepositoryRoot.Combine("infra", "connector", "README.md")), StringComparison.Ordinal);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
