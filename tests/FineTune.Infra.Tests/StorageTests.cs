using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class StorageTests(InfraTemplateFixture fixture)
{
    private ArmResource Account => fixture.Main.Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void StorageAccount_Properties_DisableSharedKeyAndPublicBlobAccess()
    {
        Assert.False(Account.Properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(Account.Properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(Account.Properties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void StorageAccount_Properties_RequireHttpsAndTls12()
    {
        Assert.True(Account.Properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", Account.Properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void StorageAccount_Tables_DeclareEveryAppTable()
    {
        var tables = fixture.Main.Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        var variable = LoopVariable().Match(tables.Name);
        Assert.True(variable.Success, $"Tables are expected to be declared by a loop over a variable: {tables.Name}");
        Assert.Equal($"[length(variables('{variable.Groups["name"].Value}'))]", tables.Element.GetProperty("copy").GetProperty("count").GetString());
        var names = tables.Template.Variable(variable.Groups["name"].Value).EnumerateArray().Select(name => name.GetString()).Order();
        Assert.Equal(["benchmarkbands", "comparisons", "peerstatistics", "recomputeruns", "scenarios"], names);
    }

    [Fact]
    public void StorageAccount_DeploymentContainer_IsPrivate()
    {
        var container = fixture.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container.Properties.GetProperty("publicAccess").GetString());
        Assert.Contains("parameters('deploymentContainerName')", container.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_AllStrings_ContainNoAccountKeyOrConnectionString()
    {
        var offending = fixture.Main.AllStrings()
            .Where(item => item.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase)
                || item.Value.Contains("DefaultEndpointsProtocol", StringComparison.OrdinalIgnoreCase)
                || item.Value.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void Templates_ListFunctions_OnlyFeedTheApimSecretNamedValue()
    {
        var namedValue = fixture.Main.Single("Microsoft.ApiManagement/service/namedValues");
        Assert.True(namedValue.Properties.GetProperty("secret").GetBoolean());
        var secretValue = namedValue.Properties.GetProperty("value").GetString();

        var listCalls = fixture.Main.AllStrings().Where(item => ListFunctionCall().IsMatch(item.Value)).ToList();
        var call = Assert.Single(listCalls);
        Assert.Equal(secretValue, call.Value);
        Assert.EndsWith(".properties.value", call.Path, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)\[copyIndex\(\)\]")]
    private static partial Regex LoopVariable();

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunctionCall();
}
