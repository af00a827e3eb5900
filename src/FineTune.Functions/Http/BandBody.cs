using System.Globalization;
using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the body of <c>PUT /api/benchmarks/{segment}/{metric}</c>: <c>{direction, low, medianLow, medianHigh, elite,
/// source}</c>, all required, unknown and repeated properties refused, every problem reported at once by its path.
/// </summary>
public static class BandBody
{
    /// <summary>The largest threshold accepted, as for money inputs: no metric's value comes near it.</summary>
    public const decimal MaxThreshold = 1_000_000_000m;

    private static readonly string[] Properties = ["direction", "low", "medianLow", "medianHigh", "elite", "source"];

    /// <summary>
    /// The band of the route's <paramref name="segmentText"/> and <paramref name="metricText"/> (kebab-case; an unknown
    /// one is refused under the key <c>segment</c> or <c>metric</c>). The direction must be the metric's own
    /// (<see cref="Tiers.DirectionOf"/>), and the thresholds must pass <see cref="Tiers.Validate"/>.
    /// </summary>
    public static RequestValue<BenchmarkBand> Parse(ReadOnlySpan<byte> body, string? segmentText, string? metricText)
    {
        var errors = new Errors();
        bool segmentKnown = EnumText.TryParse(segmentText, out Segment segment);
        bool metricKnown = EnumText.TryParse(metricText, out Metric metric);
        if (!segmentKnown)
        {
            errors.Add("segment", $"must be one of {string.Join(", ", EnumText.All<Segment>())}.");
        }
        if (!metricKnown)
        {
            errors.Add("metric", $"must be one of {string.Join(", ", EnumText.All<Metric>())}.");
        }
        BenchmarkBand? band = null;
        try
        {
            band = ReadBand(body, segment, metricKnown ? metric : null, errors);
        }
        catch (InvalidOperationException)
        {
            // JsonElement text accessors throw this for text that is not valid UTF-8.
            errors.Add("$", "The body is not valid UTF-8 text.");
        }
        if (band is not null)
        {
            foreach ((string path, IReadOnlyList<string> messages) in Tiers.Validate(band))
            {
                errors.Add(path, messages);
            }
        }
        return errors.Count > 0 ? errors.Refusal() : RequestValue<BenchmarkBand>.Accept(band!);
    }

    /// <summary>The band the body describes, or null after adding its problems to <paramref name="errors"/>.</summary>
    private static BenchmarkBand? ReadBand(ReadOnlySpan<byte> body, Segment segment, Metric? metric, Errors errors)
    {
        Dictionary<string, JsonElement>? fields = ReadObject(body, errors);
        if (fields is null)
        {
            return null;
        }
        Direction? direction = ReadDirection(fields, metric, errors);
        decimal? low = ReadThreshold(fields, "low", errors);
        decimal? medianLow = ReadThreshold(fields, "medianLow", errors);
        decimal? medianHigh = ReadThreshold(fields, "medianHigh", errors);
        decimal? elite = ReadThreshold(fields, "elite", errors);
        string? source = ReadSource(fields, errors);
        return errors.Count > 0 || metric is not Metric known
            ? null
            : new BenchmarkBand(segment, known, direction!.Value, low!.Value, medianLow!.Value, medianHigh!.Value, elite!.Value, source!);
    }

    private static Dictionary<string, JsonElement>? ReadObject(ReadOnlySpan<byte> body, Errors errors)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            errors.Add("$", "The body is not valid JSON.");
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object.");
            return null;
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!Properties.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(property.Name, "is not a known property.");
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(property.Name, "appears more than once.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }
        return fields;
    }

    private static Direction? ReadDirection(Dictionary<string, JsonElement> fields, Metric? metric, Errors errors)
    {
        if (!fields.TryGetValue("direction", out JsonElement element))
        {
            errors.Add("direction", "is required.");
            return null;
        }
        if (element.ValueKind != JsonValueKind.String || !EnumText.TryParse(element.GetString(), out Direction direction))
        {
            errors.Add("direction", $"must be one of {string.Join(", ", EnumText.All<Direction>())}.");
            return null;
        }
        if (metric is Metric known && Tiers.DirectionOf(known) != direction)
        {
            errors.Add("direction", $"must be {EnumText.Of(Tiers.DirectionOf(known))}: that is the nature of {EnumText.Of(known)}.");
            return null;
        }
        return direction;
    }

    private static decimal? ReadThreshold(Dictionary<string, JsonElement> fields, string name, Errors errors)
    {
        if (!fields.TryGetValue(name, out JsonElement element))
        {
            errors.Add(name, "is required.");
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal value) && value >= 0m && value <= MaxThreshold)
        {
            return value;
        }
        errors.Add(name, string.Create(CultureInfo.InvariantCulture, $"must be a number between 0 and {MaxThreshold}."));
        return null;
    }

    private static string? ReadSource(Dictionary<string, JsonElement> fields, Errors errors)
    {
        if (!fields.TryGetValue("source", out JsonElement element))
        {
            errors.Add("source", "is required.");
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add("source", "must be a string.");
            return null;
        }
        return element.GetString();
    }

    /// <summary>Problems keyed by path, several messages per path.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byPath = new(StringComparer.Ordinal);

        public int Count => byPath.Count;

        public void Add(string path, string message) => Add(path, [message]);

        public void Add(string path, IReadOnlyList<string> messages)
        {
            if (!byPath.TryGetValue(path, out List<string>? list))
            {
                byPath[path] = list = [];
            }
            list.AddRange(messages);
        }

        public RefusalResult Refusal() => new(Problems.BadRequest(
            byPath.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
            "The band is not valid; see errors."));
    }
}
