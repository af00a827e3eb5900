using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>A stored scenario as the API shows it; <see cref="Etag"/> equals the <c>ETag</c> header.</summary>
/// <param name="Scenario">The scenario's JSON text as stored, echoed exactly, even where today's rules would refuse it.</param>
public sealed record ScenarioResource(
    string Id,
    string Workspace,
    string Etag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonConverter(typeof(StoredJsonConverter))] string Scenario)
{
    /// <summary>The API's view of a stored scenario.</summary>
    public static ScenarioResource From(StoredScenario stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Id, stored.Workspace, stored.ETag, stored.CreatedAt, stored.UpdatedAt, stored.Json);
    }
}

/// <summary>One page of scenarios; <see cref="ContinuationToken"/> is <c>null</c> on the last page.</summary>
public sealed record ScenarioPageResource(
    IReadOnlyList<ScenarioResource> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);

/// <summary>
/// An RFC 9457 problem; <see cref="Errors"/> (JSON path or parameter -> messages) only on a 400, and on a 422 for the
/// rules a stored scenario breaks.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);

/// <summary>The body of a healthy <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status);

/// <summary>
/// Writes JSON text kept in storage exactly as stored, so a stored scenario echoes with its decimals exact: as the JSON
/// value it is, or, for a row whose text is not one JSON value (written by hand), as a string of that text, so that no
/// stored row can break a response.
/// </summary>
public sealed class StoredJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Scenarios are read with ScenarioJson.Parse, which reports every problem at once.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        if (IsOneJsonValue(utf8))
        {
            writer.WriteRawValue(utf8, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool IsOneJsonValue(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
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
