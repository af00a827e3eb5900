using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FineTune.Core;

/// <summary>
/// The text patterns of the API, each written once: a record property declares one with
/// <see cref="System.ComponentModel.DataAnnotations.RegularExpressionAttribute"/>, request readers match with
/// <see cref="IsMatch"/>, and the API document publishes the same text.
/// </summary>
public static class Patterns
{
    /// <summary>An approach id: 1 to 40 lowercase letters, digits or hyphens, not starting with a hyphen.</summary>
    public const string ApproachId = "^[a-z0-9][a-z0-9-]{0,39}$";

    /// <summary>A workspace: 1 to 64 of A-Z, a-z, 0-9, _ and -.</summary>
    public const string Workspace = "^[A-Za-z0-9_-]{1,64}$";

    /// <summary>A stored scenario's id, which the server makes: 32 lowercase hex digits.</summary>
    public const string ScenarioId = "^[0-9a-f]{32}$";

    /// <summary>A price catalog id (economics.md section 8): lower case <c>provider/model</c> or <c>provider/model/deployment</c>.</summary>
    public const string ModelId = Core.ModelId.Pattern;

    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>True when all of <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        // The patterns end with the ECMAScript "$" the API document needs; in .NET "$" also matches before a final line
        // feed, so it is read as "\z" (the very end).
        return Compiled.GetOrAdd(pattern, static p => new Regex(
            p.EndsWith('$') ? p[..^1] + @"\z" : p, RegexOptions.CultureInvariant | RegexOptions.Compiled)).IsMatch(text);
    }

    /// <summary>The refusal of a text that does not match <paramref name="pattern"/>, as a sentence that completes "{path} ...".</summary>
    public static string Describe(string pattern) => pattern switch
    {
        ApproachId => "must be 1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit.",
        Workspace => "must be 1 to 64 characters from A-Z, a-z, 0-9, _ and -.",
        ScenarioId => "must be the id of a scenario (32 lowercase hex digits).",
        ModelId => "must be a price catalog id: lower case provider/model or provider/model/deployment "
            + "(openai/gpt-4.1-mini-2025-04-14, azure-openai/gpt-4.1-mini/global); GET /api/models lists them.",
        _ => $"must match {pattern}.",
    };
}
