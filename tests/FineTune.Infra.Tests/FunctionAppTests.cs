using System.Text.Json;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class FunctionAppTests(InfraTemplateFixture fixture)
{
    private ArmResource Site => fixture.Main.Single("Microsoft.Web/sites");

    private JsonElement SiteConfig => Site.Properties.GetProperty("siteConfig");

    private Dictionary<string, string> AppSettings =>
        SiteConfig.GetProperty("appSettings").EnumerateArray().ToDictionary(
            setting => setting.GetProperty("name").GetString()!,
            setting => setting.GetProperty("value").ToString());

    [Fact]
    public void FunctionApp_Site_IsHttpsOnlyWithTls12()
    {
        Assert.True(Site.Properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", SiteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("1.2", SiteConfig.GetProperty("scmMinTlsVersion").GetString());
    }

    [Fact]
    public void FunctionApp_Site_DisablesFtpAndBasicPublishingCredentials()
    {
        Assert.Equal("Disabled", SiteConfig.GetProperty("ftpsState").GetString());
        var policies = fixture.Main.AllOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(policy => policy.Name.Split('\'')[^2]).Order());
        Assert.All(policies, policy => Assert.False(policy.Properties.GetProperty("allow").GetBoolean()));
        Assert.All(policies, policy => Assert.Null(policy.Condition));
    }

    [Fact]
    public void FunctionApp_Plan_IsFlexConsumptionLinux()
    {
        var plan = fixture.Main.Single("Microsoft.Web/serverfarms");
        var sku = plan.Element.GetProperty("sku");
        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.True(plan.Properties.GetProperty("reserved").GetBoolean());
        Assert.Equal("functionapp,linux", Site.Element.GetProperty("kind").GetString());
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        var runtime = Site.Properties.GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_IsBlobContainerWithUserAssignedIdentity()
    {
        var storage = Site.Properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("parameters('deploymentContainerName')", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        var authentication = storage.GetProperty("authentication");
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal(IdentityId, authentication.GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public void FunctionApp_ScaleAndConcurrency_HasBoundedDefaults()
    {
        var scale = Site.Properties.GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");
        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", scale.GetProperty("instanceMemoryMB").GetString());

        var app = fixture.Main.Module("functionapp");
        Assert.Equal("[parameters('functionAppMaximumInstanceCount')]", app.ArgumentOf("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('functionAppInstanceMemoryMB')]", app.ArgumentOf("instanceMemoryMB").GetString());
        var maximum = fixture.Main.Parameter("functionAppMaximumInstanceCount").GetProperty("defaultValue").GetInt32();
        Assert.InRange(maximum, 1, 100);
        var memory = fixture.Main.Parameter("functionAppInstanceMemoryMB").GetProperty("defaultValue").GetInt32();
        Assert.Contains(memory, new[] { 512, 2048, 4096 });
    }

    [Fact]
    public void FunctionApp_Identity_IsTheUserAssignedIdentityOnly()
    {
        var identity = Site.Element.GetProperty("identity");
        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var assigned = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        Assert.Equal($"[format('{{0}}', {IdentityId[1..^1]})]", assigned.Name);
    }

    [Fact]
    public void FunctionApp_Tags_IncludeAzdServiceNameApi()
    {
        var tags = Site.Element.GetProperty("tags").GetString()!;
        Assert.Contains("parameters('tags')", tags, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name', 'api'", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_AppSettings_UseIdentityBasedHostStorage()
    {
        var settings = AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Contains(".primaryEndpoints.blob", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".primaryEndpoints.queue", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".primaryEndpoints.table", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting is a connection string.");
    }

    [Fact]
    public void FunctionApp_AppSettings_UseIdentityBasedTableStorage()
    {
        var settings = AppSettings;
        Assert.Contains(".primaryEndpoints.table", settings["TableStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["TableStorage__credential"]);
        Assert.Equal(IdentityClientId, settings["TableStorage__clientId"]);
    }

    [Fact]
    public void FunctionApp_AppSettings_AlertQueueIsIdentityBasedAndLoopbackWebhooksStayOff()
    {
        var settings = AppSettings;
        // The notifier and the DeliverAlert trigger reach the queue through AzureWebJobsStorage, as the identity.
        Assert.Contains(".primaryEndpoints.queue", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("Alerts__AllowLoopbackHttp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("AzureFunctionsJobHost__", StringComparison.Ordinal));
    }

    [Fact]
    public void FunctionApp_AppSettings_SendTelemetryWithEntraId()
    {
        var settings = AppSettings;
        Assert.Contains("'Microsoft.Insights/components'", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.EndsWith(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        var authentication = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", authentication, StringComparison.Ordinal);
        Assert.Contains(IdentityClientId[1..^1], authentication, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_AppSettings_ScheduleRecomputeHourlyByDefault()
    {
        Assert.Equal("[parameters('benchmarkRecomputeSchedule')]", AppSettings["BENCHMARK_RECOMPUTE_SCHEDULE"]);
        Assert.Equal("[parameters('benchmarkRecomputeSchedule')]", fixture.Main.Module("functionapp").ArgumentOf("benchmarkRecomputeSchedule").GetString());
        Assert.Equal("0 0 * * * *", fixture.Main.Parameter("benchmarkRecomputeSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void FunctionApp_AppSettings_ScheduleThePriceRefreshDailyByDefault()
    {
        Assert.Equal("[parameters('priceRefreshSchedule')]", AppSettings["PRICE_REFRESH_SCHEDULE"]);
        Assert.Equal("[parameters('priceRefreshSchedule')]", fixture.Main.Module("functionapp").ArgumentOf("priceRefreshSchedule").GetString());
        Assert.Equal("0 0 3 * * *", fixture.Main.Parameter("priceRefreshSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void FunctionApp_AppSettings_ScheduleMonitoringDailyByDefault()
    {
        Assert.Equal("[parameters('monitorSchedule')]", AppSettings["MONITOR_SCHEDULE"]);
        Assert.Equal("[parameters('monitorSchedule')]", fixture.Main.Module("functionapp").ArgumentOf("monitorSchedule").GetString());
        Assert.Equal("0 30 0 * * *", fixture.Main.Parameter("monitorSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void FunctionApp_AppSettings_LeaveRuntimeToFunctionAppConfig()
    {
        // Flex Consumption rejects these settings; the runtime lives in functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", AppSettings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", AppSettings.Keys);
    }

    [Fact]
    public void FunctionApp_Module_WaitsForItsRoleAssignments()
    {
        var dependsOn = fixture.Main.Module("functionapp").Deployment!.Element.GetProperty("dependsOn")
            .EnumerateArray().Select(item => item.GetString()).ToList();
        Assert.Contains("appRoles", dependsOn);
    }

    private static string IdentityId =>
        "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]";

    private string IdentityClientId
    {
        get
        {
            var value = AppSettings["AzureWebJobsStorage__clientId"];
            Assert.StartsWith("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))", value, StringComparison.Ordinal);
            Assert.EndsWith(").clientId]", value, StringComparison.Ordinal);
            return value;
        }
    }
}
