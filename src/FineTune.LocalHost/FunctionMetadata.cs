using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.LocalHost;

/// <summary>One function as the Worker SDK declares it in <c>functions.metadata</c>.</summary>
/// <param name="ScriptFile">The assembly file, e.g. <c>FineTune.Functions.dll</c>.</param>
/// <param name="EntryPoint">Type and method, e.g. <c>FineTune.Functions.AnalyzeScenario.Run</c>.</param>
internal sealed record FunctionMetadata(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a <c>functions.metadata</c> file.</summary>
    public static IReadOnlyList<FunctionMetadata> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No functions.metadata at {path}. Build the solution first: the Worker SDK writes it when FineTune.Functions builds.", path);
        }
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<FunctionMetadata>>(stream, Options)
            ?? throw new InvalidDataException($"{path} holds no function list.");
    }
}

/// <summary>One binding of a function; only the fields this host reads.</summary>
/// <param name="QueueName">The queue of a queue trigger, possibly naming app settings as <c>%SETTING%</c>.</param>
/// <param name="Connection">The app setting (prefix) of a queue trigger's storage; <c>AzureWebJobsStorage</c> when absent.</param>
internal sealed record BindingMetadata(
    string Name,
    string Type,
    string Direction,
    string? AuthLevel,
    IReadOnlyList<string>? Methods,
    string? Route,
    string? Schedule,
    [property: JsonConverter(typeof(FlexibleBooleanConverter))] bool RunOnStartup,
    string? QueueName = null,
    string? Connection = null);

/// <summary>Reads a boolean written either as JSON <c>true</c> or as the string <c>"true"</c>, as binding metadata may have it.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => bool.TryParse(reader.GetString(), out bool value) && value,
        _ => throw new JsonException($"Expected a boolean, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>The parts of <c>host.json</c> this host honours.</summary>
internal static class HostJson
{
    /// <summary>The HTTP route prefix, <c>extensions.http.routePrefix</c>; <c>api</c> when absent, as in the Functions host.</summary>
    public static string ReadRoutePrefix(string path)
    {
        if (!File.Exists(path))
        {
            return "api";
        }
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.TryGetProperty("extensions", out JsonElement extensions)
            && extensions.TryGetProperty("http", out JsonElement http)
            && http.TryGetProperty("routePrefix", out JsonElement prefix)
            && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!.Trim('/')
                : "api";
    }
}
