using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>A stored scenario as the API shows it; <see cref="Etag"/> equals the <c>ETag</c> header.</summary>
public sealed record ScenarioResource(
    string Id,
    string Workspace,
    string Etag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonConverter(typeof(ExactScenarioConverter))] Scenario Scenario)
{
    /// <summary>The API's view of a stored scenario.</summary>
    public static ScenarioResource From(StoredScenario stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Id, stored.Workspace, stored.ETag, stored.CreatedAt, stored.UpdatedAt, stored.Scenario);
    }
}

/// <summary>One page of scenarios; <see cref="ContinuationToken"/> is <c>null</c> on the last page.</summary>
public sealed record ScenarioPageResource(
    IReadOnlyList<ScenarioResource> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);

/// <summary>An RFC 9457 problem; <see cref="Errors"/> (JSON path or parameter -> messages) only on a 400.</summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);

/// <summary>The body of a healthy <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status);

/// <summary>Writes a scenario through <see cref="ScenarioJson"/>, so a stored scenario echoes with its decimals exact.</summary>
public sealed class ExactScenarioConverter : JsonConverter<Scenario>
{
    /// <inheritdoc />
    public override Scenario Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Scenarios are read with ScenarioJson.Parse, which reports every problem at once.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Scenario value, JsonSerializerOptions options) =>
        ScenarioJson.Write(writer, value);
}

/// <summary>Source-generated JSON for the API's own envelopes: camelCase, nulls omitted unless a property says otherwise, decimals rounded.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(ScenarioResource))]
[JsonSerializable(typeof(ScenarioPageResource))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(HealthReport))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
