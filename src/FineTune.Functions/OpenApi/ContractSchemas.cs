using System.Globalization;
using FineTune.Core;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The document's definitions, derived from the contract declared in Core (<see cref="ContractObject"/>): names, types,
/// what is required, what may be null, enum texts, ranges, patterns and lengths come from the records; only the titles,
/// descriptions, visibility and defaults come from <see cref="Docs"/>. A record gains a property, the document gains it.
/// </summary>
/// <remarks>
/// Numbers carry no <c>format</c>: the Power Platform allows none that says "exact decimal", and money stays exact on the
/// wire (JSON numbers of up to 8 decimal places); a client maps <c>number</c> to its decimal type.
/// </remarks>
internal sealed class ContractSchemas(IDictionary<string, OpenApiSchema> definitions)
{
    /// <summary>
    /// Adds the definition of a request body and of every object it holds: properties the record cannot leave null are
    /// required, unknown properties are refused.
    /// </summary>
    public void AddInput(ContractObject contract) => Add(contract, input: true);

    /// <summary>
    /// Adds the definition of a response body and of every object it holds: every property is always written (required),
    /// except one the record omits while null; <c>x-nullable</c> where the value can be null.
    /// </summary>
    public void AddOutput(ContractObject contract) => Add(contract, input: false);

    /// <summary>
    /// The schema of a request body written inline in its operation rather than as a definition, as Power Automate's
    /// webhook triggers have it; the objects it holds become definitions.
    /// </summary>
    public OpenApiSchema InlineInput(ContractObject contract) => ObjectSchema(contract, input: true);

    private void Add(ContractObject contract, bool input)
    {
        string name = Docs.DefinitionOf(contract.ClrType);
        if (!definitions.ContainsKey(name))
        {
            // Registered before its properties, so an object that holds itself terminates.
            definitions[name] = new OpenApiSchema();
            definitions[name] = ObjectSchema(contract, input);
        }
    }

    private OpenApiSchema ObjectSchema(ContractObject contract, bool input)
    {
        TypeDoc doc = Docs.Of(contract.ClrType);
        var schema = new OpenApiSchema
        {
            Type = "object",
            Description = doc.Description,
            Properties = contract.Properties.ToDictionary(p => p.Name, p => PropertySchema(p, doc.Property(p.ClrName), input)),
            Required = new SortedSet<string>(
                contract.Properties.Where(p => input ? p.Required : IsAlwaysWritten(p)).Select(p => p.Name), StringComparer.Ordinal),
            AdditionalPropertiesAllowed = !input,
            Example = doc.Example,
            Extensions = { ["x-ms-summary"] = new OpenApiString(doc.Summary) },
        };
        return schema;
    }

    private OpenApiSchema PropertySchema(ContractProperty property, PropertyDoc doc, bool input)
    {
        OpenApiSchema schema = property.Kind == ContractKind.Json
            ? Reference(doc.Shape ?? throw new InvalidOperationException($"{doc.Summary}: JSON of its own converter needs a Shape in Docs."))
            : ValueSchema(property, input, doc);
        if (schema.Reference is not null)
        {
            // Swagger 2.0 reads nothing beside a $ref: the definition carries the title and description.
            return schema;
        }
        schema.Description = doc.Description;
        schema.Extensions["x-ms-summary"] = new OpenApiString(doc.Summary);
        schema.Extensions["x-ms-visibility"] = new OpenApiString(doc.Visibility.ToString().ToLowerInvariant());
        if (doc.Default is { } value)
        {
            schema.Default = value switch
            {
                string text => new OpenApiString(text),
                // A raw string keeps a decimal's digits; OpenApiDouble would write 0.00001 as 1E-05.
                IFormattable number => new OpenApiString(number.ToString(null, CultureInfo.InvariantCulture), false, true),
                _ => throw new NotSupportedException($"A default of type {value.GetType().Name} cannot be written."),
            };
        }
        if (doc.NotificationUrl)
        {
            schema.Extensions["x-ms-notification-url"] = new OpenApiBoolean(true);
        }
        if (doc.Values is { } values)
        {
            AddDynamicValues(schema, values);
        }
        if (!input && property.Nullable && !property.OmittedWhenNull)
        {
            // Swagger 2.0 has no nullable; x-nullable is the extension generators (NSwag, AutoRest) read.
            schema.Extensions["x-nullable"] = new OpenApiBoolean(true);
        }
        return schema;
    }

    private OpenApiSchema ValueSchema(ContractProperty property, bool input, PropertyDoc? doc = null)
    {
        switch (property.Kind)
        {
            case ContractKind.Object:
                Add(property.Object!, input);
                return Reference(property.ClrType);
            case ContractKind.Array:
                return new OpenApiSchema
                {
                    Type = "array",
                    Items = ItemSchema(property.Element!, input, doc),
                    MinItems = property.MinLength,
                    MaxItems = property.MaxLength,
                };
            case ContractKind.Map:
                return new OpenApiSchema { Type = "object", AdditionalProperties = ValueSchema(property.Element!, input, doc) };
            case ContractKind.String:
                return new OpenApiSchema
                {
                    Type = "string",
                    Format = property.IsUrl ? "uri" : null,
                    MinLength = property.MinLength,
                    MaxLength = property.MaxLength,
                    Pattern = property.Pattern,
                };
            case ContractKind.Enum:
                return new OpenApiSchema { Type = "string", Enum = [.. property.EnumNames!.Select(name => (IOpenApiAny)new OpenApiString(name))] };
            case ContractKind.Date:
                return new OpenApiSchema { Type = "string", Format = "date" };
            case ContractKind.DateTime:
                return new OpenApiSchema { Type = "string", Format = "date-time" };
            case ContractKind.Boolean:
                return new OpenApiSchema { Type = "boolean" };
            case ContractKind.Integer:
                return Bounded(new OpenApiSchema { Type = "integer", Format = property.ClrType == typeof(long) ? "int64" : "int32" }, property);
            case ContractKind.Number:
                return Bounded(new OpenApiSchema { Type = "number" }, property);
            default:
                throw new NotSupportedException($"{property.Kind} has no schema.");
        }
    }

    /// <summary>
    /// A response property that is never left out and never null, so required. An object that may be null is a reference,
    /// beside which Swagger 2.0 reads no x-nullable: it is left out of required instead, as a generator reads it.
    /// </summary>
    private static bool IsAlwaysWritten(ContractProperty property) =>
        !property.OmittedWhenNull && !(property.Nullable && property.Kind is ContractKind.Object or ContractKind.Json);

    private static OpenApiSchema Reference(Type type) =>
        new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = Docs.DefinitionOf(type) } };

    /// <summary>The schema of what an array holds; a text or number is titled as one item of the property.</summary>
    private OpenApiSchema ItemSchema(ContractProperty element, bool input, PropertyDoc? doc)
    {
        OpenApiSchema schema = ValueSchema(element, input);
        if (schema.Reference is null && doc?.Item is (string summary, string description))
        {
            schema.Description = description;
            schema.Extensions["x-ms-summary"] = new OpenApiString(summary);
            schema.Extensions["x-ms-visibility"] = new OpenApiString(doc.Visibility.ToString().ToLowerInvariant());
        }
        return schema;
    }


    /// <summary>
    /// The list a person picks a value from in Power Automate, in both forms the platform reads: <c>x-ms-dynamic-values</c>
    /// and the newer designer's <c>x-ms-dynamic-list</c> (whose fixed parameters are <c>{"value": ...}</c> objects).
    /// </summary>
    private static void AddDynamicValues(OpenApiSchema schema, DynamicValues values)
    {
        var parameters = new OpenApiObject();
        var listParameters = new OpenApiObject();
        foreach ((string name, int value) in values.Parameters)
        {
            parameters[name] = new OpenApiInteger(value);
            listParameters[name] = new OpenApiObject { ["value"] = new OpenApiInteger(value) };
        }
        schema.Extensions["x-ms-dynamic-values"] = new OpenApiObject
        {
            ["operationId"] = new OpenApiString(values.OperationId),
            ["parameters"] = parameters,
            ["value-collection"] = new OpenApiString(values.Collection),
            ["value-path"] = new OpenApiString(values.ValuePath),
            ["value-title"] = new OpenApiString(values.TitlePath),
        };
        schema.Extensions["x-ms-dynamic-list"] = new OpenApiObject
        {
            ["operationId"] = new OpenApiString(values.OperationId),
            ["parameters"] = listParameters,
            ["itemsPath"] = new OpenApiString(values.Collection),
            ["itemValuePath"] = new OpenApiString(values.ValuePath),
            ["itemTitlePath"] = new OpenApiString(values.TitlePath),
        };
    }

    private static OpenApiSchema Bounded(OpenApiSchema schema, ContractProperty property)
    {
        if (property.Range is NumberRange range)
        {
            schema.Minimum = range.Min;
            schema.ExclusiveMinimum = range.MinExclusive ? true : null;
            schema.Maximum = range.Max;
        }
        return schema;
    }
}
