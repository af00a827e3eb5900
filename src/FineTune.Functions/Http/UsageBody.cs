using System.Globalization;
using System.Text.Json;
using FineTune.Core;

namespace FineTune.Functions.Http;

/// <summary>What a usage body is checked against: the scenario's approaches, its monitoring start and today (UTC).</summary>
/// <param name="DefaultApproachId">The approach of a record that names none: the monitored one.</param>
public sealed record UsageContext(IReadOnlySet<string> ApproachIds, string DefaultApproachId, DateOnly StartDate, DateOnly Today);

/// <summary>
/// Reads the body of <c>POST /api/scenarios/{id}/usage</c>: <c>{records: [{date, approachId?, requests, inputTokens?,
/// cachedInputTokens?, outputTokens?, spend?, errors?}]}</c>, 1 to 366 daily records. Every problem comes back at once keyed by
/// its JSON path (<c>records[3].date</c>); <c>null</c> counts as absent; unknown and repeated properties are refused.
/// </summary>
public static class UsageBody
{
    private static readonly string[] RecordProperties =
        ["date", "approachId", "requests", "inputTokens", "cachedInputTokens", "outputTokens", "spend", "errors"];

    /// <summary>The records, each with its approach resolved, or the refusal naming every problem.</summary>
    public static RequestValue<IReadOnlyList<UsageRecord>> Parse(ReadOnlySpan<byte> body, UsageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Errors();
        List<UsageRecord>? records = null;
        try
        {
            records = Read(body, context, errors);
        }
        catch (InvalidOperationException)
        {
            // JsonElement text accessors throw this for text that is not valid UTF-8.
            errors.Add("$", "The body is not valid UTF-8 text.");
        }
        return errors.Count > 0 || records is null
            ? new RefusalResult(Problems.BadRequest(errors.ToDictionary(), "The usage records are not valid; see errors."))
            : RequestValue<IReadOnlyList<UsageRecord>>.Accept(records);
    }

    private static List<UsageRecord>? Read(ReadOnlySpan<byte> body, UsageContext context, Errors errors)
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
        Dictionary<string, JsonElement>? fields = Fields(root, "$", ["records"], errors);
        if (fields is null)
        {
            return null;
        }
        if (!fields.TryGetValue("records", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("records", "is required: an array of daily usage records.");
            return null;
        }
        int count = array.GetArrayLength();
        if (count is 0 or > UsageLimits.MaxRecordsPerBatch)
        {
            errors.Add("records", $"must hold 1 to {UsageLimits.MaxRecordsPerBatch} records, not {count}.");
            return null;
        }
        var records = new List<UsageRecord>(count);
        var seen = new Dictionary<(DateOnly, string), int>();
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = $"records[{index}]";
            if (Record(item, path, context, errors) is { } record)
            {
                if (seen.TryGetValue((record.Date, record.ApproachId!), out int first))
                {
                    errors.Add(path, $"repeats the date and approach of records[{first}]; send one record per approach and day.");
                }
                else
                {
                    seen[(record.Date, record.ApproachId!)] = index;
                }
                records.Add(record);
            }
            index++;
        }
        return records;
    }

    private static UsageRecord? Record(JsonElement item, string path, UsageContext context, Errors errors)
    {
        Dictionary<string, JsonElement>? fields = Fields(item, path, RecordProperties, errors);
        if (fields is null)
        {
            return null;
        }
        int before = errors.Count;
        DateOnly? date = Date(fields, path, context, errors);
        string? approachId = Approach(fields, path, context, errors);
        long? requests = Whole(fields, path, "requests", UsageLimits.MaxRequestsPerDay, errors, required: true);
        long? input = Whole(fields, path, "inputTokens", UsageLimits.MaxTokensPerDay, errors);
        long? cached = Whole(fields, path, "cachedInputTokens", UsageLimits.MaxTokensPerDay, errors);
        long? output = Whole(fields, path, "outputTokens", UsageLimits.MaxTokensPerDay, errors);
        decimal? spend = Money(fields, path, "spend", errors);
        long? wrong = Whole(fields, path, "errors", UsageLimits.MaxRequestsPerDay, errors);
        if (cached > (input ?? 0))
        {
            errors.Add($"{path}.cachedInputTokens", $"cannot exceed inputTokens ({input ?? 0}).");
        }
        if (wrong > requests)
        {
            errors.Add($"{path}.errors", $"cannot exceed requests ({requests}).");
        }
        return errors.Count > before || date is null || requests is null
            ? null
            : new UsageRecord(date.Value, approachId ?? context.DefaultApproachId, requests.Value, input, cached, output, spend, wrong);
    }

    private static DateOnly? Date(Dictionary<string, JsonElement> fields, string path, UsageContext context, Errors errors)
    {
        string where = $"{path}.date";
        if (!fields.TryGetValue("date", out JsonElement element))
        {
            errors.Add(where, "is required: the UTC day, YYYY-MM-DD.");
            return null;
        }
        if (element.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            errors.Add(where, "must be a date written YYYY-MM-DD.");
            return null;
        }
        if (date > context.Today)
        {
            errors.Add(where, string.Create(CultureInfo.InvariantCulture, $"is in the future: today is {context.Today:yyyy-MM-dd} (UTC)."));
            return null;
        }
        if (date < context.StartDate)
        {
            errors.Add(where, string.Create(CultureInfo.InvariantCulture,
                $"is before the monitoring start date {context.StartDate:yyyy-MM-dd} (monitoring.startDate, else the scenario's creation day)."));
            return null;
        }
        return date;
    }

    private static string? Approach(Dictionary<string, JsonElement> fields, string path, UsageContext context, Errors errors)
    {
        if (!fields.TryGetValue("approachId", out JsonElement element))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.approachId", "must be a string.");
            return null;
        }
        string id = element.GetString()!;
        if (!context.ApproachIds.Contains(id))
        {
            errors.Add($"{path}.approachId", $"names no approach of this scenario ('{id}'); it has {string.Join(", ", context.ApproachIds.Order(StringComparer.Ordinal))}.");
            return null;
        }
        return id;
    }

    private static long? Whole(Dictionary<string, JsonElement> fields, string path, string name, long max, Errors errors, bool required = false)
    {
        if (!fields.TryGetValue(name, out JsonElement element))
        {
            if (required)
            {
                errors.Add($"{path}.{name}", "is required.");
            }
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal value) && value >= 0 && value <= max
            && decimal.Truncate(value) == value)
        {
            return (long)value;
        }
        errors.Add($"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be a whole number between 0 and {max}."));
        return null;
    }

    private static decimal? Money(Dictionary<string, JsonElement> fields, string path, string name, Errors errors)
    {
        if (!fields.TryGetValue(name, out JsonElement element))
        {
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal value) && value >= 0 && value <= UsageLimits.MaxSpendPerDay)
        {
            return value;
        }
        errors.Add($"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be a number of dollars between 0 and {UsageLimits.MaxSpendPerDay}."));
        return null;
    }

    /// <summary>An object's properties, nulls left out; unknown and repeated ones refused. Null when it is not an object.</summary>
    private static Dictionary<string, JsonElement>? Fields(JsonElement element, string path, string[] names, Errors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "must be a JSON object.");
            return null;
        }
        string prefix = path == "$" ? "" : path + ".";
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(prefix + property.Name, "is not a known property.");
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(prefix + property.Name, "appears more than once.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }
        return fields;
    }

    /// <summary>Problems keyed by path, several messages per path.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byPath = new(StringComparer.Ordinal);

        public int Count => byPath.Sum(pair => pair.Value.Count);

        public void Add(string path, string message)
        {
            if (!byPath.TryGetValue(path, out List<string>? list))
            {
                byPath[path] = list = [];
            }
            list.Add(message);
        }

        public Dictionary<string, IReadOnlyList<string>> ToDictionary() =>
            byPath.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }
}
