using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class ApiManagementTests(InfraTemplateFixture fixture)
{
    private const string EnabledCondition = "[parameters('enableApiManagement')]";

    private ArmTemplate Apim => fixture.Main.Module("apim");

    [Fact]
    public void ApiManagement_Parameter_IsOffByDefault()
    {
        var parameter = fixture.Main.Parameter("enableApiManagement");
        Assert.Equal("bool", parameter.GetProperty("type").GetString());
        Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
    }

    [Fact]
    public void ApiManagement_Module_IsDeployedOnlyWhenEnabled()
    {
        Assert.Equal(EnabledCondition, Apim.Deployment!.Condition);
    }

    [Fact]
    public void ApiManagement_AllResources_AreConditionalOnTheParameter()
    {
        var apimResources = fixture.Main.AllResources
            .Where(resource => resource.Type.StartsWith("Microsoft.ApiManagement/", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(apimResources);
        Assert.All(apimResources, resource => Assert.Contains(EnabledCondition, resource.ConditionsInScope()));

        var unconditional = fixture.Main.AllResources
            .Where(resource => !resource.ConditionsInScope().Contains(EnabledCondition))
            .Select(resource => resource.Type);
        Assert.DoesNotContain(unconditional, type => type.StartsWith("Microsoft.ApiManagement/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApiManagement_Service_IsConsumptionSku()
    {
        var service = fixture.Main.Single("Microsoft.ApiManagement/service");
        Assert.Equal("Consumption", service.Element.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal(0, service.Element.GetProperty("sku").GetProperty("capacity").GetInt32());
    }

    [Fact]
    public void ApiManagement_NamedValue_HoldsFunctionHostKeyAsSecret()
    {
        var namedValue = fixture.Main.Single("Microsoft.ApiManagement/service/namedValues");
        Assert.True(namedValue.Properties.GetProperty("secret").GetBoolean());
        var value = namedValue.Properties.GetProperty("value").GetString()!;
        Assert.StartsWith("[listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName')))", value, StringComparison.Ordinal);
        Assert.EndsWith(".functionKeys.default]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiManagement_Api_RequiresSubscriptionAndForwardsToFunctionApp()
    {
        var api = fixture.Main.Single("Microsoft.ApiManagement/service/apis");
        Assert.True(api.Properties.GetProperty("subscriptionRequired").GetBoolean());
        Assert.Equal(["https"], api.Properties.GetProperty("protocols").EnumerateArray().Select(protocol => protocol.GetString()));
        var serviceUrl = api.Properties.GetProperty("serviceUrl").GetString()!;
        Assert.StartsWith("[format('https://{0}/api', ", serviceUrl, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName)]", serviceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiManagement_Operations_CoverGetPostPutDeleteOnWildcard()
    {
        var operations = fixture.Main.Single("Microsoft.ApiManagement/service/apis/operations");
        Assert.Equal("/*", operations.Properties.GetProperty("urlTemplate").GetString());
        var count = operations.Element.GetProperty("copy").GetProperty("count").GetString()!;
        var methods = Regex.Matches(count, "'([A-Z]+)'").Select(match => match.Groups[1].Value).Order();
        Assert.Equal(["DELETE", "GET", "POST", "PUT"], methods);
        Assert.Contains("[copyIndex()]", operations.Properties.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ApiManagement_Product_RequiresSubscriptionPerCustomer()
    {
        var product = fixture.Main.Single("Microsoft.ApiManagement/service/products");
        Assert.True(product.Properties.GetProperty("subscriptionRequired").GetBoolean());
        var productName = product.Name.Split('\'')[^2];
        var link = fixture.Main.Single("Microsoft.ApiManagement/service/products/apis");
        Assert.Contains($"'{productName}'", link.Name, StringComparison.Ordinal);

        var subscriptions = fixture.Main.Single("Microsoft.ApiManagement/service/subscriptions");
        Assert.Equal($"[format('/products/{{0}}', '{productName}')]", subscriptions.Properties.GetProperty("scope").GetString());
        Assert.Equal("[length(parameters('customerWorkspaceIds'))]", subscriptions.Element.GetProperty("copy").GetProperty("count").GetString());
    }

    [Fact]
    public void ApiManagementPolicy_WorkspaceHeader_IsOverwrittenFromSubscription()
    {
        var header = SetHeader("X-Workspace-Id");
        Assert.Equal("override", header.Attribute("exists-action")?.Value);
        Assert.Equal("@(context.Subscription.Id)", header.Element("value")?.Value);
    }

    [Fact]
    public void ApiManagementPolicy_FunctionKey_ComesFromSecretNamedValue()
    {
        var namedValue = fixture.Main.Single("Microsoft.ApiManagement/service/namedValues");
        var displayName = Apim.Resolve(namedValue.Properties.GetProperty("displayName").GetString()!).Trim('[', ']', '\'');
        Assert.False(string.IsNullOrEmpty(displayName));

        var header = SetHeader("x-functions-key");
        Assert.Equal("override", header.Attribute("exists-action")?.Value);
        Assert.Equal($"{{{{{displayName}}}}}", header.Element("value")?.Value);
    }

    [Fact]
    public void ApiManagementPolicy_RateLimit_UsesParametersWithDefaults()
    {
        var policy = Policy();
        Assert.Empty(policy.Descendants("rate-limit-by-key"));
        var rateLimit = Assert.Single(policy.Element("policies")!.Element("inbound")!.Elements("rate-limit"));
        AssertBoundToParameter(rateLimit.Attribute("calls")!.Value, "rateLimitCalls", "apimRateLimitCalls");
        AssertBoundToParameter(rateLimit.Attribute("renewal-period")!.Value, "rateLimitRenewalPeriod", "apimRateLimitRenewalPeriod");
    }

    [Fact]
    public void ApiManagementPolicy_Text_MentionsEverySafeguard()
    {
        var text = Policy().ToString();
        Assert.Contains("X-Workspace-Id", text, StringComparison.Ordinal);
        Assert.Contains("exists-action=\"override\"", text, StringComparison.Ordinal);
        Assert.Contains("context.Subscription.Id", text, StringComparison.Ordinal);
        Assert.Contains("x-functions-key", text, StringComparison.Ordinal);
        Assert.Contains("<rate-limit ", text, StringComparison.Ordinal);
    }

    private XElement SetHeader(string name)
    {
        var inbound = Policy().Element("policies")!.Element("inbound")!;
        return Assert.Single(inbound.Elements("set-header"), header => header.Attribute("name")?.Value == name);
    }

    /// <summary>The policy XML as deployed, before the rate limit placeholders are replaced.</summary>
    private XDocument Policy()
    {
        var policy = fixture.Main.Single("Microsoft.ApiManagement/service/apis/policies");
        Assert.Equal("rawxml", policy.Properties.GetProperty("format").GetString());
        var value = policy.Properties.GetProperty("value").GetString()!;
        var source = VariableReference().Match(value);
        Assert.True(source.Success, $"The policy is expected to come from a loaded file: {value}");
        return XDocument.Parse(Apim.Variable(source.Groups["name"].Value).GetString()!);
    }

    private void AssertBoundToParameter(string attribute, string moduleParameter, string mainParameter)
    {
        var value = fixture.Main.Single("Microsoft.ApiManagement/service/apis/policies").Properties.GetProperty("value").GetString()!;
        Assert.Contains($"'{attribute}', string(parameters('{moduleParameter}'))", value, StringComparison.Ordinal);
        Assert.Equal($"[parameters('{mainParameter}')]", Apim.ArgumentOf(moduleParameter).GetString());
        Assert.True(fixture.Main.Parameter(mainParameter).GetProperty("defaultValue").GetInt32() > 0);
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();
}
