using System.Globalization;
using System.Text.Json;
using FineTune.Core;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace FineTune.Functions.OpenApi;

/// <summary>How prominently Power Automate shows a parameter, property or operation (<c>x-ms-visibility</c>).</summary>
internal enum Visibility
{
    /// <summary>Always shown.</summary>
    Important,
    /// <summary>Shown under the advanced options.</summary>
    Advanced,
    /// <summary>Never shown to a person.</summary>
    Internal,
}

/// <summary>
/// Builds the Swagger 2.0 schemas of the document. Every property carries a title (<c>x-ms-summary</c>) and a
/// visibility for Power Automate; money is <c>number</c> with format <c>decimal</c>, so generated clients keep it exact.
/// </summary>
internal static class Schema
{
    /// <summary>A reference to the definition <paramref name="id"/>.</summary>
    public static OpenApiSchema Ref(string id) => new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = id } };

    /// <summary>An object definition; <paramref name="required"/> must name properties it has.</summary>
    public static OpenApiSchema Object(string summary, string description, Dictionary<string, OpenApiSchema> properties, params string[] required)
    {
        if (required.FirstOrDefault(name => !properties.ContainsKey(name)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is required but not a property of '{summary}'.", nameof(required));
        }
        return new OpenApiSchema
        {
            Type = "object",
            Description = description,
            Properties = properties,
            Required = new SortedSet<string>(required, StringComparer.Ordinal),
            Extensions = { ["x-ms-summary"] = new OpenApiString(summary) },
        };
    }

    /// <summary>A string.</summary>
    public static OpenApiSchema Text(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "string" }, summary, description, visibility);

    /// <summary>An exact decimal number: <c>number</c> without a format, which the Power Platform would refuse.</summary>
    public static OpenApiSchema Number(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "number" }, summary, description, visibility);

    /// <summary>Dollars, 0 to 1e9, as every money input of a scenario.</summary>
    public static OpenApiSchema Money(string summary, string description, Visibility visibility) =>
        Number(summary, description, visibility).Between(0m, Core.ScenarioLimits.MaxMoney);

    /// <summary>A fraction from 0 to 1.</summary>
    public static OpenApiSchema Fraction(string summary, string description, Visibility visibility) =>
        Number(summary, description, visibility).Between(0m, 1m);

    /// <summary>A 32-bit integer.</summary>
    public static OpenApiSchema Integer(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "integer", Format = "int32" }, summary, description, visibility);

    /// <summary>A 64-bit integer, for token counts.</summary>
    public static OpenApiSchema Long(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "integer", Format = "int64" }, summary, description, visibility);

    /// <summary>A boolean.</summary>
    public static OpenApiSchema Boolean(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "boolean" }, summary, description, visibility);

    /// <summary>An RFC 3339 date and time.</summary>
    public static OpenApiSchema DateTime(string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "string", Format = "date-time" }, summary, description, visibility);

    /// <summary>A string restricted to the JSON names (kebab-case) of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static OpenApiSchema Enum<TEnum>(string summary, string description, Visibility visibility)
        where TEnum : struct, Enum
    {
        OpenApiSchema schema = Text(summary, description, visibility);
        schema.Enum = OneOf<TEnum>().Enum;
        return schema;
    }

    /// <summary>A bare string schema restricted to the JSON names of <typeparamref name="TEnum"/>, for parameters.</summary>
    public static OpenApiSchema OneOf<TEnum>()
        where TEnum : struct, Enum =>
        new() { Type = "string", Enum = EnumText.All<TEnum>().Select(name => (IOpenApiAny)new OpenApiString(name)).ToList() };

    /// <summary>An array of <paramref name="items"/>.</summary>
    public static OpenApiSchema ArrayOf(OpenApiSchema items, string summary, string description, Visibility visibility) =>
        Annotate(new OpenApiSchema { Type = "array", Items = items }, summary, description, visibility);

    /// <summary>A map from string keys to <paramref name="values"/>.</summary>
    public static OpenApiSchema MapOf(OpenApiSchema values, string summary, string description) =>
        new()
        {
            Type = "object",
            Description = description,
            AdditionalProperties = values,
            Extensions = { ["x-ms-summary"] = new OpenApiString(summary) },
        };

    /// <summary>The visibility of an object used inline as a property.</summary>
    public static OpenApiSchema Shown(this OpenApiSchema schema, Visibility visibility)
    {
        schema.Extensions["x-ms-visibility"] = new OpenApiString(visibility.ToString().ToLowerInvariant());
        return schema;
    }

    /// <summary>Inclusive bounds.</summary>
    public static OpenApiSchema Between(this OpenApiSchema schema, decimal minimum, decimal maximum)
    {
        schema.Minimum = minimum;
        schema.Maximum = maximum;
        return schema;
    }

    /// <summary>An exclusive lower bound and an inclusive upper bound.</summary>
    public static OpenApiSchema Above(this OpenApiSchema schema, decimal exclusiveMinimum, decimal maximum)
    {
        schema.Minimum = exclusiveMinimum;
        schema.ExclusiveMinimum = true;
        schema.Maximum = maximum;
        return schema;
    }

    /// <summary>Bounds on a string's length.</summary>
    public static OpenApiSchema Length(this OpenApiSchema schema, int minimum, int maximum)
    {
        schema.MinLength = minimum;
        schema.MaxLength = maximum;
        return schema;
    }

    /// <summary>Bounds on an array's length.</summary>
    public static OpenApiSchema Items(this OpenApiSchema schema, int minimum, int maximum)
    {
        schema.MinItems = minimum;
        schema.MaxItems = maximum;
        return schema;
    }

    /// <summary>A regular expression a string must match.</summary>
    public static OpenApiSchema Matching(this OpenApiSchema schema, string pattern)
    {
        schema.Pattern = pattern;
        return schema;
    }

    /// <summary>The value the API uses when the property is absent.</summary>
    public static OpenApiSchema DefaultsTo(this OpenApiSchema schema, decimal value)
    {
        schema.Default = Number(value);
        return schema;
    }

    /// <summary>The value the API uses when the property is absent.</summary>
    public static OpenApiSchema DefaultsTo(this OpenApiSchema schema, string value)
    {
        schema.Default = new OpenApiString(value);
        return schema;
    }

    /// <summary>
    /// A value that may be <c>null</c>. Swagger 2.0 has no <c>nullable</c>; <c>x-nullable</c> is the extension generators
    /// (NSwag, AutoRest) read.
    /// </summary>
    public static OpenApiSchema OrNull(this OpenApiSchema schema)
    {
        schema.Extensions["x-nullable"] = new OpenApiBoolean(true);
        return schema;
    }

    /// <summary>Rejects properties the schema does not list, as the scenario parser does.</summary>
    public static OpenApiSchema Closed(this OpenApiSchema schema)
    {
        schema.AdditionalPropertiesAllowed = false;
        return schema;
    }

    /// <summary>A JSON value as the document's model holds it, numbers written with exactly their original digits.</summary>
    public static IOpenApiAny Any(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Fill(new OpenApiObject(), element),
        JsonValueKind.Array => Fill(new OpenApiArray(), element),
        JsonValueKind.String => new OpenApiString(element.GetString()),
        JsonValueKind.Number => new OpenApiString(element.GetRawText(), isExplicit: false, isRawString: true),
        JsonValueKind.True or JsonValueKind.False => new OpenApiBoolean(element.GetBoolean()),
        _ => new OpenApiNull(),
    };

    private static OpenApiObject Fill(OpenApiObject target, JsonElement element)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            target[property.Name] = Any(property.Value);
        }
        return target;
    }

    private static OpenApiArray Fill(OpenApiArray target, JsonElement element)
    {
        target.AddRange(element.EnumerateArray().Select(Any));
        return target;
    }

    // A raw string keeps a decimal's digits; OpenApiDouble would write 0.00001 as 1E-05.
    private static OpenApiString Number(decimal value) =>
        new(value.ToString(CultureInfo.InvariantCulture), isExplicit: false, isRawString: true);

    private static OpenApiSchema Annotate(OpenApiSchema schema, string summary, string description, Visibility visibility)
    {
        schema.Description = description;
        schema.Extensions["x-ms-summary"] = new OpenApiString(summary);
        return schema.Shown(visibility);
    }
}
