using System.Globalization;
using System.Text.Json;
using FineTune.Core;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the id of <c>/api/models/{provider}/{model}[/{deployment}]</c> and the body of its <c>PUT</c>:
/// <c>{inputPerMillion, cachedInputPerMillion, outputPerMillion, batchInputPerMillion, batchOutputPerMillion, fineTune:
/// {trainingPerMillion, inputPerMillion, cachedInputPerMillion, outputPerMillion, hostingPerHour}, effectiveFrom, source}</c>.
/// A rate left out or null is unknown (never 0); at least one must be given. Unknown and repeated properties are
/// refused; every problem is reported at once by its path.
/// </summary>
public static class PriceBody
{
    /// <summary>The properties of the body.</summary>
    public static IReadOnlyList<string> Properties { get; } =
        ["inputPerMillion", "cachedInputPerMillion", "outputPerMillion", "batchInputPerMillion", "batchOutputPerMillion", "fineTune",
            "effectiveFrom", "source"];

    /// <summary>The properties of <c>fineTune</c>.</summary>
    public static IReadOnlyList<string> FineTuneProperties { get; } =
        ["trainingPerMillion", "inputPerMillion", "cachedInputPerMillion", "outputPerMillion", "hostingPerHour"];

    /// <summary>The id the route names, or its problems keyed <c>provider</c>, <c>model</c> and <c>deployment</c>.</summary>
    public static ModelId? ReadId(string? provider, string? model, string? deployment, IDictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach ((string name, string? value) in (ReadOnlySpan<(string, string?)>)[("provider", provider), ("model", model), ("deployment", deployment)])
        {
            if ((value is not null || name != "deployment") && !ModelId.IsValidSegment(value))
            {
                Add(errors, name, $"must be 1 to {ModelId.MaxSegmentLength} lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
            }
        }
        return errors.Count == 0 ? new ModelId(provider!, model!, deployment) : null;
    }

    /// <summary>
    /// The version the body describes for the route's id, retrieved at <paramref name="now"/>; 400 naming every problem
    /// of the route and the body.
    /// </summary>
    public static RequestValue<ModelPrice> Parse(
        ReadOnlySpan<byte> body, string? provider, string? model, string? deployment, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ModelId? id = ReadId(provider, model, deployment, errors);
        (PriceRates Rates, DateOnly EffectiveFrom, string Source)? version = null;
        try
        {
            version = ReadVersion(body, errors);
        }
        catch (InvalidOperationException)
        {
            // JsonElement text accessors throw this for text that is not valid UTF-8.
            Add(errors, "$", "The body is not valid UTF-8 text.");
        }
        return errors.Count == 0 && id is not null && version is { } read
            ? RequestValue<ModelPrice>.Accept(new ModelPrice(id, read.EffectiveFrom, null, read.Rates, read.Source, now))
            : new RefusalResult(Problems.BadRequest(
                errors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
                "The price is not valid; see errors."));
    }

    // The rates, first day and source of the body, or null after adding its problems.
    private static (PriceRates Rates, DateOnly EffectiveFrom, string Source)? ReadVersion(ReadOnlySpan<byte> body, Dictionary<string, List<string>> errors)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Add(errors, "$", "The body is not valid JSON.");
            return null;
        }
        Dictionary<string, JsonElement>? fields = ReadObject(root, "", Properties, errors);
        if (fields is null)
        {
            return null;
        }
        decimal? Rate(Dictionary<string, JsonElement> from, string prefix, string name, decimal max) =>
            ReadRate(from, prefix + name, name, max, errors);
        FineTunePrices? fineTune = null;
        if (fields.TryGetValue("fineTune", out JsonElement fineTuneElement)
            && ReadObject(fineTuneElement, "fineTune.", FineTuneProperties, errors) is { } fineTuneFields)
        {
            fineTune = new FineTunePrices(
                Rate(fineTuneFields, "fineTune.", "trainingPerMillion", PriceLimits.MaxTokenPricePerMillion),
                Rate(fineTuneFields, "fineTune.", "inputPerMillion", PriceLimits.MaxTokenPricePerMillion),
                Rate(fineTuneFields, "fineTune.", "cachedInputPerMillion", PriceLimits.MaxTokenPricePerMillion),
                Rate(fineTuneFields, "fineTune.", "outputPerMillion", PriceLimits.MaxTokenPricePerMillion),
                Rate(fineTuneFields, "fineTune.", "hostingPerHour", PriceLimits.MaxHostingPerHour));
        }
        var rates = new PriceRates(
            Rate(fields, "", "inputPerMillion", PriceLimits.MaxTokenPricePerMillion),
            Rate(fields, "", "cachedInputPerMillion", PriceLimits.MaxTokenPricePerMillion),
            Rate(fields, "", "outputPerMillion", PriceLimits.MaxTokenPricePerMillion),
            Rate(fields, "", "batchInputPerMillion", PriceLimits.MaxTokenPricePerMillion),
            Rate(fields, "", "batchOutputPerMillion", PriceLimits.MaxTokenPricePerMillion),
            fineTune);
        DateOnly? effectiveFrom = ReadDate(fields, errors);
        string? source = ReadSource(fields, errors);
        if (errors.Count == 0 && rates.IsEmpty)
        {
            Add(errors, "$", "must give at least one rate: a price no source gives is left out, never 0.");
        }
        return errors.Count > 0 ? null : (rates, effectiveFrom!.Value, source!);
    }

    private static Dictionary<string, JsonElement>? ReadObject(
        JsonElement element, string prefix, IReadOnlyList<string> known, Dictionary<string, List<string>> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(errors, prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "must be a JSON object.");
            return null;
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Add(errors, prefix + property.Name, "is not a known property.");
            }
            else if (!seen.Add(property.Name))
            {
                Add(errors, prefix + property.Name, "appears more than once.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }
        return fields;
    }

    private static decimal? ReadRate(Dictionary<string, JsonElement> fields, string path, string name, decimal max, Dictionary<string, List<string>> errors)
    {
        if (!fields.TryGetValue(name, out JsonElement element))
        {
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal value) && value >= 0m && value <= max)
        {
            return value;
        }
        Add(errors, path, string.Create(CultureInfo.InvariantCulture,
            $"must be a number from 0 to {max} ({(name == "hostingPerHour" ? "dollars per hour" : "dollars per million tokens")}), or null when unknown."));
        return null;
    }

    private static DateOnly? ReadDate(Dictionary<string, JsonElement> fields, Dictionary<string, List<string>> errors)
    {
        if (!fields.TryGetValue("effectiveFrom", out JsonElement element))
        {
            Add(errors, "effectiveFrom", "is required: the first day (UTC) the rates apply, YYYY-MM-DD.");
            return null;
        }
        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }
        Add(errors, "effectiveFrom", "must be a date, YYYY-MM-DD.");
        return null;
    }

    private static string? ReadSource(Dictionary<string, JsonElement> fields, Dictionary<string, List<string>> errors)
    {
        if (!fields.TryGetValue("source", out JsonElement element))
        {
            Add(errors, "source", "is required: where the rates come from (a URL and its date).");
            return null;
        }
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } source
            && !string.IsNullOrWhiteSpace(source) && source.Length <= PriceLimits.MaxSourceLength)
        {
            return source;
        }
        Add(errors, "source", $"must be a text of 1 to {PriceLimits.MaxSourceLength} characters.");
        return null;
    }

    private static void Add(IDictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out List<string>? messages))
        {
            errors[path] = messages = [];
        }
        messages.Add(message);
    }
}
