using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class OutputTests(InfraTemplateFixture fixture)
{
    [Fact]
    public void Outputs_AllTemplates_ContainNoSecrets()
    {
        var outputs = fixture.Main.SelfAndDescendants.SelectMany(template => template.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            var type = output.Value.GetProperty("type").GetString()!;
            Assert.DoesNotContain("secure", type, StringComparison.OrdinalIgnoreCase);
            var text = $"{output.Name} {output.Value.GetProperty("value")}";
            Assert.DoesNotMatch(SecretLooking(), text);
        });
    }

    [Fact]
    public void Outputs_Main_ExposeWhatAUserNeeds()
    {
        var outputs = fixture.Main.Outputs.ToDictionary(output => output.Name, output => output.Value.GetProperty("value").ToString());
        Assert.Equal("[reference('functionApp').outputs.name.value]", outputs["FUNCTION_APP_NAME"]);
        Assert.Equal("[reference('functionApp').outputs.uri.value]", outputs["FUNCTION_APP_URL"]);
        Assert.Equal("[reference('identity').outputs.clientId.value]", outputs["FUNCTION_APP_IDENTITY_CLIENT_ID"]);
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", outputs["AZURE_RESOURCE_GROUP"]);
    }

    [Fact]
    public void Outputs_ApimGatewayUrl_IsEmptyWhenApimIsDisabled()
    {
        var value = fixture.Main.Outputs.Single(output => output.Name == "APIM_GATEWAY_URL").Value.GetProperty("value").GetString();
        Assert.Equal("[if(parameters('enableApiManagement'), reference('apim').outputs.gatewayUrl.value, '')]", value);
    }

    [Fact]
    public void Outputs_FunctionAppUri_IsHttps()
    {
        var uri = fixture.Main.Module("functionapp").Outputs.Single(output => output.Name == "uri").Value.GetProperty("value").GetString();
        Assert.StartsWith("[format('https://{0}', ", uri, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\blist[A-Za-z]*\(|key|secret|password|connectionstring|credential|sas\b|token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
