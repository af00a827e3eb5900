using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace FineTune.LocalHost;

/// <summary>
/// The <c>Values</c> of the function app's <c>local.settings.json</c>, which <c>func start</c> hands the worker as
/// environment variables. Here they are a configuration source just beneath the environment (and so the command line),
/// so that running this host's dll directly configures the app as Core Tools would.
/// </summary>
internal static class LocalSettings
{
    /// <summary>The file's name; the Functions project copies it next to its build, and from there next to this host's.</summary>
    public const string FileName = "local.settings.json";

    /// <summary>Adds the values of <paramref name="path"/>, when the file exists, beneath the environment variables.</summary>
    /// <exception cref="InvalidOperationException">The file is encrypted (<c>IsEncrypted: true</c>).</exception>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!File.Exists(path))
        {
            return builder;
        }
        int environment = builder.Sources.ToList().FindIndex(source => source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        builder.Sources.Insert(environment < 0 ? builder.Sources.Count : environment, new MemoryConfigurationSource { InitialData = Read(path) });
        return builder;
    }

    /// <summary>The values, keyed as configuration keys: <c>__</c> separates sections, as in an environment variable's name.</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(
            File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        JsonElement root = document.RootElement;
        if (root.TryGetProperty("IsEncrypted", out JsonElement encrypted) && encrypted.ValueKind == JsonValueKind.True)
        {
            throw new InvalidOperationException($"{path} is encrypted; decrypt it (func settings decrypt) to run this host.");
        }
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("Values", out JsonElement settings) && settings.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty setting in settings.EnumerateObject())
            {
                values[setting.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] =
                    setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
            }
        }
        return values;
    }
}
