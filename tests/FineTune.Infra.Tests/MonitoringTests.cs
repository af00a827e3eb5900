namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(InfraTemplateFixture fixture)
{
    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        var component = fixture.Main.Single("Microsoft.Insights/components");
        Assert.True(component.Properties.GetProperty("DisableLocalAuth").GetBoolean());
    }

    [Fact]
    public void ApplicationInsights_Storage_IsWorkspaceBased()
    {
        var component = fixture.Main.Single("Microsoft.Insights/components");
        Assert.Equal(
            "[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]",
            component.Properties.GetProperty("WorkspaceResourceId").GetString());
    }

    [Fact]
    public void LogAnalytics_LocalAuth_IsDisabled()
    {
        var workspace = fixture.Main.Single("Microsoft.OperationalInsights/workspaces");
        Assert.True(workspace.Properties.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }
}
