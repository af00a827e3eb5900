using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class BicepBuildTests(InfraTemplateFixture fixture)
{
    [Fact]
    public void Build_MainTemplate_HasNoWarningsOrErrors()
    {
        Assert.Equal(0, fixture.Build.ExitCode);
        Assert.Equal(string.Empty, fixture.Build.StandardError.Trim());
        Assert.DoesNotMatch(Diagnostic(), fixture.Build.StandardOutput);
    }

    [Fact]
    public void Lint_EveryBicepFile_HasNoWarningsOrErrors()
    {
        Assert.Equal(0, fixture.Lint.ExitCode);
        Assert.Equal(string.Empty, (fixture.Lint.StandardOutput + fixture.Lint.StandardError).Trim());
    }

    [Fact]
    public void Build_MainTemplate_TargetsSubscriptionScope()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", fixture.Main.Root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BicepConfig_ImportantRules_AreErrors()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.InfraDirectory, "bicepconfig.json")));
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");
        Assert.True(core.GetProperty("enabled").GetBoolean());
        var rules = core.GetProperty("rules");
        string[] mustBeErrors =
        [
            "no-hardcoded-env-urls", "outputs-should-not-contain-secrets", "secure-secrets-in-params", "no-unused-params",
            "no-unused-vars", "use-secure-value-for-secure-inputs", "protect-commandtoexecute-secrets",
            "adminusername-should-not-be-literal", "use-resource-id-functions", "use-stable-resource-identifiers",
            "no-hardcoded-location", "explicit-values-for-loc-params", "prefer-interpolation", "simplify-interpolation",
            "use-parent-property", "secure-parameter-default", "no-unnecessary-dependson", "use-recent-api-versions",
        ];
        Assert.All(mustBeErrors, rule => Assert.Equal("error", rules.GetProperty(rule).GetProperty("level").GetString()));
    }

    [GeneratedRegex(@": (Warning|Error) ", RegexOptions.IgnoreCase)]
    private static partial Regex Diagnostic();
}
