using System.Globalization;
using FineTune.Core;
using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>Which key an operation needs: its function's authorization level.</summary>
internal enum Access
{
    /// <summary>No key (AuthorizationLevel.Anonymous).</summary>
    Anonymous,
    /// <summary>A function key (AuthorizationLevel.Function).</summary>
    FunctionKey,
    /// <summary>The host's master key (AuthorizationLevel.Admin).</summary>
    MasterKey,
}

/// <summary>The parts operations share: security, the common parameters and the responses.</summary>
internal static class Operations
{
    /// <summary>The name of the API key security definition; Power Platform maps it to the connection's <c>api_key</c>.</summary>
    public const string ApiKeyScheme = "api_key";

    /// <summary>The header Azure Functions reads a key from.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>Sets the key the operation needs, its visibility in Power Automate and its tag.</summary>
    public static OpenApiOperation Secured(this OpenApiOperation operation, Access access, Visibility visibility, string tag)
    {
        operation.Tags = [new OpenApiTag { Name = tag }];
        operation.Extensions["x-ms-visibility"] = new OpenApiString(visibility.ToString().ToLowerInvariant());
        if (access != Access.Anonymous)
        {
            var scheme = new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = ApiKeyScheme } };
            operation.Security = [new OpenApiSecurityRequirement { [scheme] = [] }];
        }
        if (access == Access.MasterKey)
        {
            operation.Description += " Needs the function app's master (admin) key.";
        }
        return operation;
    }

    /// <summary>A JSON body of the definition <paramref name="schemaId"/>; <paramref name="name"/> names it in generated clients.</summary>
    public static OpenApiRequestBody JsonBody(string name, string schemaId, string summary, string description) => new()
    {
        Required = true,
        Description = description,
        Content = { ["application/json"] = new OpenApiMediaType { Schema = Ref(schemaId) } },
        Extensions =
        {
            ["x-bodyName"] = new OpenApiString(name),
            ["x-ms-summary"] = new OpenApiString(summary),
            ["x-ms-visibility"] = new OpenApiString("important"),
        },
    };

    /// <summary>The responses of an operation, by status code.</summary>
    public static OpenApiResponses Responses(params (int Status, OpenApiResponse Response)[] responses)
    {
        var all = new OpenApiResponses();
        foreach ((int status, OpenApiResponse response) in responses)
        {
            all.Add(status.ToString(CultureInfo.InvariantCulture), response);
        }
        return all;
    }

    /// <summary>A JSON success response.</summary>
    public static (int, OpenApiResponse) Json(
        int status, string description, OpenApiSchema schema, params (string Name, OpenApiHeader Header)[] headers)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = { ["application/json"] = new OpenApiMediaType { Schema = schema } },
        };
        foreach ((string name, OpenApiHeader header) in headers)
        {
            response.Headers[name] = header;
        }
        return (status, response);
    }

    /// <summary>204, no body.</summary>
    public static (int, OpenApiResponse) NoContent(string description) => (204, new OpenApiResponse { Description = description });

    /// <summary>An error response: an RFC 9457 problem.</summary>
    public static (int, OpenApiResponse) Problem(int status, string description)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = { [Problems.ContentType] = new OpenApiMediaType { Schema = Ref("Problem") } },
        };
        if (status == 503)
        {
            response.Headers["Retry-After"] = Header("Seconds to wait before retrying.", "integer");
        }
        return (status, response);
    }

    /// <summary>400 for refused input.</summary>
    public static (int, OpenApiResponse) BadRequest(string what) =>
        Problem(400, $"{what} The problem's errors object lists every refused value at once.");

    /// <summary>404 for an id the workspace does not have.</summary>
    public static (int, OpenApiResponse) NotFound() =>
        Problem(404, "No scenario with this id in this workspace, which the detail names (another workspace's id is not found either).");

    /// <summary>422 for a stored scenario that today's rules refuse.</summary>
    public static (int, OpenApiResponse) StoredScenarioInvalid() =>
        Problem(422, "The stored scenario breaks today's rules (it was written when they were looser, or by hand). The problem's "
            + "errors object names every rule it breaks by JSON path; replace it with PUT to analyse it.");

    /// <summary>412 for a stale If-Match.</summary>
    public static (int, OpenApiResponse) PreconditionFailed() =>
        Problem(412, "The scenario changed since the ETag in If-Match: read it again and retry.");

    /// <summary>413 for a body over the limit.</summary>
    public static (int, OpenApiResponse) PayloadTooLarge() =>
        Problem(413, $"The body is larger than {ApiRequest.MaxBodyBytes / 1024} KiB.");

    /// <summary>415 for a body that is not JSON.</summary>
    public static (int, OpenApiResponse) UnsupportedMediaType() =>
        Problem(415, "The body is not application/json (or a +json type) in UTF-8.");

    /// <summary>503 when storage is unreachable.</summary>
    public static (int, OpenApiResponse) StorageUnavailable() =>
        Problem(503, "Storage is unreachable at the moment; retry after Retry-After seconds.");

    /// <summary>A response header.</summary>
    public static OpenApiHeader Header(string description, string type = "string") =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    /// <summary>The <c>ETag</c> response header.</summary>
    public static (string, OpenApiHeader) ETag() => ("ETag", Header("The scenario's version; send it as If-Match to write only this version."));

    /// <summary>The <c>X-Workspace-Id</c> header.</summary>
    public static OpenApiParameter Workspace() => Parameter(ApiRequest.WorkspaceHeader, ParameterLocation.Header, "Workspace",
        $"The workspace acted for: 1 to 64 of A-Z, a-z, 0-9, _ and -; '{ApiRequest.DefaultWorkspace}' when absent. "
        + "Behind API Management the gateway sets it from your subscription.",
        Visibility.Advanced, new OpenApiSchema { Type = "string", MinLength = 1, MaxLength = 64, Pattern = Patterns.Workspace });

    /// <summary>The scenario id in the path.</summary>
    public static OpenApiParameter ScenarioId() => Parameter("id", ParameterLocation.Path, "Scenario id",
        "The id the scenario was created with.", Visibility.Important, new OpenApiSchema { Type = "string" }, required: true);

    /// <summary>The optional <c>include</c> query of the analysis: the sections of economics.md section 7 it adds.</summary>
    public static OpenApiParameter Include() => Parameter("include", ParameterLocation.Query, "Include sections",
        $"Comma-separated sections to add to the analysis: {string.Join(", ", AnalysisSectionNames.All)} (what would change the "
        + "recommendation, the tornado, the cumulative costs month by month); absent, the plain analysis. An unknown name is refused.",
        Visibility.Advanced, new OpenApiSchema { Type = "string" });

    /// <summary>The optional <c>If-Match</c> header.</summary>
    public static OpenApiParameter IfMatch() => Parameter("If-Match", ParameterLocation.Header, "If-Match ETag",
        "Act only if the scenario's current ETag is this one, or one of a comma-separated list (or *); a stale one is refused with 412.",
        Visibility.Advanced, new OpenApiSchema { Type = "string" });

    /// <summary>A parameter with its Power Automate title and visibility.</summary>
    public static OpenApiParameter Parameter(
        string name, ParameterLocation location, string summary, string description, Visibility visibility, OpenApiSchema schema,
        bool required = false) => new()
    {
        Name = name,
        In = location,
        Description = description,
        Required = required,
        Schema = schema,
        Extensions =
        {
            ["x-ms-summary"] = new OpenApiString(summary),
            ["x-ms-visibility"] = new OpenApiString(visibility.ToString().ToLowerInvariant()),
        },
    };
}
