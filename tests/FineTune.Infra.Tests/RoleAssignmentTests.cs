using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class RoleAssignmentTests(InfraTemplateFixture fixture)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private IEnumerable<ArmResource> Assignments => fixture.Main.AllOfType("Microsoft.Authorization/roleAssignments");

    [Fact]
    public void RoleAssignments_AppIdentity_GetsExactlyTheLeastPrivilegeRoles()
    {
        var roles = fixture.Main.Module("app-roles").Resources
            .Where(resource => resource.Type == "Microsoft.Authorization/roleAssignments")
            .Select(RoleGuid)
            .Order();
        Assert.Equal([StorageTableDataContributor, MonitoringMetricsPublisher, StorageQueueDataContributor, StorageBlobDataOwner], roles);
    }

    [Fact]
    public void RoleAssignments_AllRoles_AreFromTheAllowedSet()
    {
        var roles = Assignments.Select(RoleGuid).ToList();
        Assert.NotEmpty(roles);
        Assert.All(roles, role => Assert.Contains(role,
            new[] { StorageBlobDataOwner, StorageTableDataContributor, StorageQueueDataContributor, MonitoringMetricsPublisher }));
    }

    [Fact]
    public void RoleAssignments_QueueDataContributor_OnlyOnTheStorageAccount_NoAccountWideOwnerRoles()
    {
        var queueRoles = fixture.Main.Module("app-roles").Resources
            .Where(resource => resource.Type == "Microsoft.Authorization/roleAssignments" && RoleGuid(resource) == StorageQueueDataContributor)
            .ToList();

        ArmResource queueRole = Assert.Single(queueRoles);
        Assert.Null(queueRole.Condition);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]",
            queueRole.Element.GetProperty("scope").GetString());
        // Storage Account Contributor or Owner would also hand out the account keys; the data roles do not.
        Assert.DoesNotContain(Assignments, assignment => RoleGuid(assignment) is "17d1049b-9a84-46fb-8f53-869881c3d3ab" or "8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
    }

    [Fact]
    public void RoleAssignments_Names_AreGuidOfScopePrincipalAndRole()
    {
        Assert.All(Assignments, assignment =>
        {
            var scope = assignment.Element.GetProperty("scope").GetString()!;
            var role = assignment.Template.Resolve(assignment.Properties.GetProperty("roleDefinitionId").GetString()!);
            var expected = $"[guid({scope[1..^1]}, {assignment.Properties.GetProperty("principalId").GetString()![1..^1]}, {role[1..^1]})]";
            Assert.Equal(expected, assignment.Template.Resolve(assignment.Name));
        });
    }

    [Fact]
    public void RoleAssignments_StorageRoles_AreScopedToTheStorageAccount()
    {
        var storageRoles = Assignments.Where(assignment => RoleGuid(assignment) != MonitoringMetricsPublisher).ToList();
        Assert.NotEmpty(storageRoles);
        Assert.All(storageRoles, assignment => Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]",
            assignment.Element.GetProperty("scope").GetString()));
    }

    [Fact]
    public void RoleAssignments_MetricsPublisher_IsScopedToApplicationInsights()
    {
        var publishers = Assignments.Where(assignment => RoleGuid(assignment) == MonitoringMetricsPublisher).ToList();
        Assert.NotEmpty(publishers);
        Assert.All(publishers, assignment => Assert.Equal(
            "[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]",
            assignment.Element.GetProperty("scope").GetString()));
    }

    [Fact]
    public void RoleAssignments_AppIdentity_IsTheFunctionAppIdentity()
    {
        var module = fixture.Main.Module("app-roles");
        Assert.Null(module.Deployment!.Condition);
        Assert.Equal("[reference('identity').outputs.principalId.value]", module.ArgumentOf("principalId").GetString());
        Assert.Equal("ServicePrincipal", module.ArgumentOf("principalType").GetString());
        Assert.True(module.ArgumentOf("grantTelemetryPublisher").GetBoolean());
    }

    [Fact]
    public void RoleAssignments_DeployingUser_OnlyWhenPrincipalIdIsSet()
    {
        var module = fixture.Main.Module("user-roles");
        Assert.Equal("[not(empty(parameters('principalId')))]", module.Deployment!.Condition);
        Assert.Equal("[parameters('principalId')]", module.ArgumentOf("principalId").GetString());
        Assert.False(module.ArgumentOf("grantTelemetryPublisher").GetBoolean());
        Assert.Equal(string.Empty, fixture.Main.Parameter("principalId").GetProperty("defaultValue").GetString());
    }

    private static string RoleGuid(ArmResource assignment)
    {
        var definition = assignment.Template.Resolve(assignment.Properties.GetProperty("roleDefinitionId").GetString()!);
        var match = RoleDefinition().Match(definition);
        Assert.True(match.Success, $"Unexpected role definition expression: {definition}");
        return match.Groups["guid"].Value;
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '(?<guid>[0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleDefinition();
}
