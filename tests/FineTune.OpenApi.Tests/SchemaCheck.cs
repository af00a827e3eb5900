using System.Globalization;
using System.Text.Json;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// Checks a JSON value against a Swagger 2.0 schema of the document, strictly: an object may hold only the properties its
/// schema lists, so a field the app writes but the document lacks is caught as well as a wrong type or a missing field.
/// </summary>
public sealed class SchemaCheck(JsonElement definitions)
{
    /// <summary>Every way <paramref name="value"/> departs from <paramref name="schema"/>, as "path: problem".</summary>
    public IReadOnlyList<string> Problems(JsonElement value, JsonElement schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    /// <summary>The problems of <paramref name="value"/> against the definition <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Problems(JsonElement value, string name) => Problems(value, definitions.GetProperty(name));

    private void Check(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            schema = definitions.GetProperty(reference.GetString()!["#/definitions/".Length..]);
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("x-nullable", out JsonElement nullable) && nullable.GetBoolean()))
            {
                problems.Add($"{path}: null, but the schema is not x-nullable");
            }
            return;
        }
        string type = schema.TryGetProperty("type", out JsonElement t) ? t.GetString()! : "object";
        switch (type)
        {
            case "object":
                CheckObject(value, schema, path, problems);
                break;
            case "array" when value.ValueKind == JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Check(item, schema.GetProperty("items"), $"{path}[{index++}]", problems);
                }
                break;
            case "string" when value.ValueKind == JsonValueKind.String:
                CheckString(value.GetString()!, schema, path, problems);
                break;
            case "number" when value.ValueKind == JsonValueKind.Number:
                break;
            case "integer" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _):
                break;
            case "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                problems.Add($"{path}: {value.ValueKind}, but the schema says {type}");
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: {value.ValueKind}, but the schema says object");
            return;
        }
        bool hasProperties = schema.TryGetProperty("properties", out JsonElement properties);
        bool hasMap = schema.TryGetProperty("additionalProperties", out JsonElement map) && map.ValueKind == JsonValueKind.Object;
        if (schema.TryGetProperty("required", out JsonElement required))
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _))
                {
                    problems.Add($"{path}.{name.GetString()}: required but absent");
                }
            }
        }
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
            {
                // Swagger 2.0 reads nothing beside a $ref: an object that may be null is documented by leaving it out of required.
                bool optionalReference = propertySchema.TryGetProperty("$ref", out _)
                    && !(schema.TryGetProperty("required", out JsonElement names) && names.EnumerateArray().Any(n => n.GetString() == property.Name));
                if (!(optionalReference && property.Value.ValueKind == JsonValueKind.Null))
                {
                    Check(property.Value, propertySchema, $"{path}.{property.Name}", problems);
                }
            }
            else if (hasMap)
            {
                Check(property.Value, map, $"{path}[{property.Name}]", problems);
            }
            else if (hasProperties)
            {
                problems.Add($"{path}.{property.Name}: written by the app but not in the document");
            }
        }
    }

    private static void CheckString(string text, JsonElement schema, string path, List<string> problems)
    {
        if (schema.TryGetProperty("enum", out JsonElement values) && !values.EnumerateArray().Any(v => v.GetString() == text))
        {
            problems.Add($"{path}: '{text}' is not one of the enum's values");
        }
        if (schema.TryGetProperty("format", out JsonElement format) && format.GetString() == "date-time"
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problems.Add($"{path}: '{text}' is not a date-time");
        }
    }
}
