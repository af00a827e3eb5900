using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>The error body of every refusal: an RFC 9457 problem, with every validation error at once on a 400.</summary>
internal static class ProblemSchemas
{
    /// <summary>Adds the problem definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["Problem"] = Object("Problem",
            "An RFC 9457 problem (application/problem+json).",
            new()
            {
                ["type"] = Text("Type", "A URI that identifies the kind of problem.", Visibility.Advanced),
                ["title"] = Text("Title", "The HTTP reason phrase.", Visibility.Important),
                ["status"] = Integer("Status", "The HTTP status code.", Visibility.Advanced),
                ["detail"] = Text("Detail", "What went wrong and what to do about it.", Visibility.Important),
                ["errors"] = Ref("ValidationErrors"),
            },
            "type", "title", "status", "detail");

        definitions["ValidationErrors"] = MapOf(
            ArrayOf(Text("Message", "One problem with the value.", Visibility.Important), "Messages",
                "The problems with one value.", Visibility.Important),
            "Validation errors",
            "On a 400, every refused value at once, keyed by JSON path (approaches[2].accuracy; $ for the body itself) "
            + "or by header or query parameter name (X-Workspace-Id, pageSize); on a 422, every rule a stored scenario "
            + "breaks, keyed by JSON path. Absent on other problems.");
    }
}
