using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class DeploymentConfigTests(InfraTemplateFixture fixture)
{
    [Fact]
    public void ResourceGroup_Name_ComesFromEnvironmentNameAndIsTagged()
    {
        var group = fixture.Main.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", group.Name);
        Assert.Equal("[variables('tags')]", group.Element.GetProperty("tags").GetString());
        var tags = fixture.Main.Variable("tags");
        Assert.Equal("[parameters('environmentName')]", tags.GetProperty("azd-env-name").GetString());
    }

    [Fact]
    public void Modules_EveryDeployment_PassesTheEnvironmentTags()
    {
        var modules = fixture.Main.Modules.Where(module => module.Root.GetProperty("parameters").TryGetProperty("tags", out _)).ToList();
        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.Equal("[variables('tags')]", module.ArgumentOf("tags").GetString()));
    }

    [Fact]
    public void ParametersFile_EveryParameter_ExistsInMainTemplate()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.InfraDirectory, "main.parameters.json")));
        var supplied = file.RootElement.GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name).ToList();
        var declared = fixture.Main.Root.GetProperty("parameters").EnumerateObject().ToList();
        Assert.All(supplied, name => Assert.Contains(declared, parameter => parameter.Name == name));
        var required = declared.Where(parameter => !parameter.Value.TryGetProperty("defaultValue", out _)).Select(parameter => parameter.Name);
        Assert.All(required, name => Assert.Contains(name, supplied));
        Assert.Equal("${AZURE_ENV_NAME}", file.RootElement.GetProperty("parameters").GetProperty("environmentName").GetProperty("value").GetString());
    }

    [Fact]
    public void AzureYaml_ApiService_IsDotnetFunctionFromFunctionsProject()
    {
        var yaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryDirectory, "azure.yaml"));
        var service = ApiService().Match(yaml);
        Assert.True(service.Success, "azure.yaml has no 'api' service.");
        var body = service.Groups["body"].Value;
        Assert.Matches(@"(?m)^\s+project:\s*\.?/?src/FineTune\.Functions/?\s*$", body);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", body);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", body);
        Assert.Matches(@"(?m)^\s+path:\s*\.?/?infra/?\s*$", yaml);
    }

    [GeneratedRegex(@"(?m)^services:\s*\n(?:.*\n)*?\s+api:\s*\n(?<body>(?:\s{4,}.*\n?)+)")]
    private static partial Regex ApiService();
}
