using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace FineTune.Core;

/// <summary>
/// The id of a price catalog entry (economics.md section 8): lower case <c>provider/model</c>, or
/// <c>provider/model/deployment</c> where the provider prices deployments differently
/// (<c>openai/gpt-4.1-mini-2025-04-14</c>, <c>azure-openai/gpt-4.1-mini/global</c>).
/// </summary>
/// <param name="Deployment"><c>null</c> when the provider prices every deployment alike.</param>
public sealed partial record ModelId(string Provider, string Model, string? Deployment)
{
    /// <summary>The longest provider, model or deployment name.</summary>
    public const int MaxSegmentLength = 100;

    /// <summary>
    /// What one part of an id looks like: a lower-case letter or digit, then letters, digits, dots, dashes and
    /// underscores. A part never holds <c>/</c> nor <c>|</c>, so an id reads back from its text unambiguously.
    /// </summary>
    public const string SegmentPattern = "^[a-z0-9][a-z0-9._-]{0,99}$";

    /// <summary>What a whole id looks like: two or three parts separated by <c>/</c>.</summary>
    public const string Pattern = "^[a-z0-9][a-z0-9._-]{0,99}/[a-z0-9][a-z0-9._-]{0,99}(/[a-z0-9][a-z0-9._-]{0,99})?$";

    /// <summary>The provider: <c>openai</c>, <c>azure-openai</c>, or another by its plain name.</summary>
    public string Provider { get; } = IsValidSegment(Provider) ? Provider : throw Invalid(nameof(Provider), Provider);

    /// <summary>The model as the provider names it.</summary>
    public string Model { get; } = IsValidSegment(Model) ? Model : throw Invalid(nameof(Model), Model);

    /// <summary>The deployment type (<c>global</c>, <c>data-zone</c>, <c>regional</c> on Azure), or <c>null</c>.</summary>
    public string? Deployment { get; } = Deployment is null || IsValidSegment(Deployment)
        ? Deployment
        : throw Invalid(nameof(Deployment), Deployment);

    /// <summary>The catalog's order: by provider, then model, then deployment (none first), each part ordinal.</summary>
    public static IComparer<ModelId> Order { get; } = Comparer<ModelId>.Create((x, y) =>
    {
        int provider = string.CompareOrdinal(x.Provider, y.Provider);
        int model = string.CompareOrdinal(x.Model, y.Model);
        return provider != 0 ? provider : model != 0 ? model : string.CompareOrdinal(x.Deployment, y.Deployment);
    });

    /// <summary>True when <paramref name="segment"/> may be a provider, model or deployment name.</summary>
    public static bool IsValidSegment([NotNullWhen(true)] string? segment) => segment is not null && Matches(SegmentRegex(), segment);

    /// <summary>The id written as <paramref name="text"/>; false for anything that is not exactly an id's text.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ModelId? id)
    {
        id = null;
        if (text is null || !Matches(IdRegex(), text))
        {
            return false;
        }
        string[] parts = text.Split('/');
        id = new ModelId(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        return true;
    }

    /// <summary>The id written as <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not an id.</exception>
    public static ModelId Parse(string text) =>
        TryParse(text, out ModelId? id) ? id : throw new FormatException($"'{text}' is not a model id (lower case provider/model[/deployment]).");

    /// <summary><c>provider/model</c> or <c>provider/model/deployment</c>.</summary>
    public override string ToString() => Deployment is null ? $"{Provider}/{Model}" : $"{Provider}/{Model}/{Deployment}";

    // The patterns end in $, which JSON Schema reads as the end of the text but .NET also before a final line feed.
    private static bool Matches(Regex regex, string text) => regex.IsMatch(text) && !text.EndsWith('\n');

    private static ArgumentException Invalid(string part, string? value) =>
        new($"'{value}' is not a valid {part.ToLowerInvariant()} name: lower-case letters, digits, '.', '_' and '-', "
            + $"1 to {MaxSegmentLength} characters, starting with a letter or digit.", part);

    [GeneratedRegex(SegmentPattern, RegexOptions.CultureInvariant)]
    private static partial Regex SegmentRegex();

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
