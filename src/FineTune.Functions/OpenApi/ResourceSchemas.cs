using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The stored scenario, a page of them, and the health report.</summary>
internal static class ResourceSchemas
{
    /// <summary>Adds the resource definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["StoredScenario"] = Object("Stored scenario",
            "A scenario as stored in a workspace; the scenario reads back exactly as it was written, even one that today's "
            + "rules would refuse (written when they were looser, or by hand), whose analysis and comparison answer 422.",
            new()
            {
                ["id"] = Text("Scenario id", "Server-made id, 32 lowercase hex digits.", Visibility.Important),
                ["workspace"] = Text("Workspace", "The workspace the scenario belongs to.", Visibility.Advanced),
                ["etag"] = Text("ETag", "The version, equal to the ETag header; send it as If-Match to update or delete only this version.",
                    Visibility.Advanced),
                ["createdAt"] = DateTime("Created at", "When the scenario was created (UTC).", Visibility.Advanced),
                ["updatedAt"] = DateTime("Updated at", "When the scenario was last written (UTC).", Visibility.Advanced),
                ["scenario"] = Ref("Scenario"),
            },
            "id", "workspace", "etag", "createdAt", "updatedAt", "scenario");

        definitions["ScenarioPage"] = Object("Scenario page",
            "One page of the workspace's scenarios, oldest first.",
            new()
            {
                ["items"] = ArrayOf(Ref("StoredScenario"), "Scenarios", "The scenarios of this page.", Visibility.Important),
                ["continuationToken"] = Text("Continuation token",
                    "Pass it as continuationToken to get the next page; null on the last page.", Visibility.Advanced).OrNull(),
            },
            "items", "continuationToken");

        definitions["HealthReport"] = Object("Health report",
            "The app can reach its storage.",
            new()
            {
                ["status"] = Text("Status", "Always healthy.", Visibility.Internal),
            },
            "status");
    }
}
