using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FineTune.Core;

/// <summary>What kind of JSON value a property of the contract holds.</summary>
public enum ContractKind
{
    /// <summary>A JSON string.</summary>
    String,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>A number, read exactly as a <see cref="decimal"/>.</summary>
    Number,
    /// <summary>A number that is a whole number (<c>300</c>, <c>300.0</c> and <c>3e2</c> are; <c>1e-30</c> is not).</summary>
    Integer,
    /// <summary>A string naming a value of an enum (its kebab-case JSON name).</summary>
    Enum,
    /// <summary>A string holding a calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,
    /// <summary>A string holding an RFC 3339 date and time.</summary>
    DateTime,
    /// <summary>A JSON object of the contract.</summary>
    Object,
    /// <summary>A JSON array.</summary>
    Array,
    /// <summary>A JSON object used as a map from string keys to values.</summary>
    Map,
    /// <summary>JSON written by a converter of its own (a stored scenario echoed as it was stored); its documentation names its shape.</summary>
    Json,
}

/// <summary>
/// One property of a JSON object of the contract, everything taken from the record that declares it: the name from the
/// source-generated JSON metadata (camelCase), whether it may be null from its nullable annotation, its range from
/// <see cref="BoundsAttribute"/>, its pattern from <see cref="RegularExpressionAttribute"/>, a URL from <see cref="UrlAttribute"/>,
/// its length or item count from
/// <see cref="LengthAttribute"/>, enum texts from <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
public sealed class ContractProperty
{
    internal ContractProperty(string name, string clrName, Type clrType, ContractKind kind, bool nullable)
    {
        Name = name;
        ClrName = clrName;
        ClrType = clrType;
        Kind = kind;
        Nullable = nullable;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The JSON name; empty for the element of an array or map.</summary>
    public string Name { get; }

    /// <summary>The name of the record property.</summary>
    public string ClrName { get; }

    /// <summary>The record property's type, <see cref="Nullable{T}"/> unwrapped.</summary>
    public Type ClrType { get; }

    /// <summary>The kind of JSON value.</summary>
    public ContractKind Kind { get; }

    /// <summary>True when the value may be null (in a request: may be absent, since null counts as absent).</summary>
    public bool Nullable { get; }

    /// <summary>A request must give the property: it cannot be null.</summary>
    public bool Required => !Nullable;

    /// <summary>True when a response leaves out the property while it is null (<c>JsonIgnoreCondition.WhenWritingNull</c>).</summary>
    public bool OmittedWhenNull { get; internal init; }

    /// <summary>The range of a number.</summary>
    public NumberRange? Range { get; internal init; }

    /// <summary>The pattern a string matches (<see cref="Patterns"/>).</summary>
    public string? Pattern { get; internal init; }

    /// <summary>True for a string that is an absolute URL (<see cref="UrlAttribute"/>).</summary>
    public bool IsUrl { get; internal init; }

    /// <summary>The least number of characters of a string, or of items of an array.</summary>
    public int? MinLength { get; internal init; }

    /// <summary>The largest number of characters of a string, or of items of an array.</summary>
    public int? MaxLength { get; internal init; }

    /// <summary>The JSON names of an enum, in declaration order.</summary>
    public IReadOnlyList<string>? EnumNames { get; internal init; }

    /// <summary>The values of an enum, boxed, in the order of <see cref="EnumNames"/>.</summary>
    internal IReadOnlyList<object>? EnumValues { get; init; }

    /// <summary>The object of an <see cref="ContractKind.Object"/> property.</summary>
    public ContractObject? Object { get; internal init; }

    /// <summary>What an <see cref="ContractKind.Array"/> holds, or a <see cref="ContractKind.Map"/> maps to.</summary>
    public ContractProperty? Element { get; internal init; }

    internal byte[] Utf8Name { get; }

    private byte[][]? utf8EnumNames;

    /// <summary>
    /// The enum value the JSON string <paramref name="value"/> names, boxed; null when it is none of <see cref="EnumNames"/>,
    /// compared without decoding it.
    /// </summary>
    internal object? EnumValueOf(JsonElement value) => EnumIndexOf(value) is int i and >= 0 ? EnumValues![i] : null;

    private int EnumIndexOf(JsonElement value)
    {
        utf8EnumNames ??= [.. (EnumNames ?? []).Select(Encoding.UTF8.GetBytes)];
        for (int i = 0; i < utf8EnumNames.Length; i++)
        {
            if (value.ValueEquals(utf8EnumNames[i]))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// One JSON object of the contract: the properties of a record, read from its source-generated
/// <see cref="JsonTypeInfo"/>. Built once per type and options, then shared.
/// </summary>
public sealed class ContractObject
{
    private static readonly ConcurrentDictionary<(Type, JsonSerializerOptions), ContractObject> Cache = new();
    private static readonly object Building = new();

    private static readonly Lock MakingFactories = new();

    private ContractProperty[] properties = [];
    private JsonTypeInfo? typeInfo;
    private JsonPropertyInfo[] infos = [];
    private volatile bool complete;
    private RecordFactory? factory;
    private volatile int factoryState; // 0: not made; 1: being made (by the thread holding MakingFactories); 2: made

    private ContractObject(Type clrType) => ClrType = clrType;

    /// <summary>The record type.</summary>
    public Type ClrType { get; }

    /// <summary>The record type's name, which the API document uses for the definition.</summary>
    public string Name => ClrType.Name;

    /// <summary>The properties in the record's order.</summary>
    public IReadOnlyList<ContractProperty> Properties => properties;

    /// <summary>The index of the property whose record name is <paramref name="clrName"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The record has no such property.</exception>
    public int IndexOf(string clrName)
    {
        for (int i = 0; i < properties.Length; i++)
        {
            if (properties[i].ClrName == clrName)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(clrName), clrName, $"{Name} has no such property.");
    }

    /// <summary>
    /// What builds the record from a checked body without reading it again; null when the deserializer must (see
    /// <see cref="RecordFactory"/>), as for an object that holds itself.
    /// </summary>
    internal RecordFactory? Factory
    {
        get
        {
            if (factoryState == 2)
            {
                return factory;
            }
            lock (MakingFactories)
            {
                if (factoryState == 0)
                {
                    factoryState = 1;
                    factory = RecordFactory.TryCreate(this, typeInfo!, infos);
                    factoryState = 2;
                }
                return factoryState == 2 ? factory : null;
            }
        }
    }

    /// <summary>The contract of the object <paramref name="typeInfo"/> describes, and of every object it holds.</summary>
    public static ContractObject Of(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{typeInfo.Type.Name} is not a JSON object.", nameof(typeInfo));
        }
        return Of(typeInfo.Type, typeInfo.Options);
    }

    private static ContractObject Of(Type type, JsonSerializerOptions options)
    {
        if (Cache.TryGetValue((type, options), out ContractObject? known) && known.complete)
        {
            return known;
        }
        lock (Building)
        {
            return Build(type, options);
        }
    }

    // Under the lock. An object joins the cache before its properties are read, so one that holds itself terminates; it
    // is complete, and seen by other threads, only once all of them are read.
    private static ContractObject Build(Type type, JsonSerializerOptions options)
    {
        if (Cache.TryGetValue((type, options), out ContractObject? known))
        {
            return known;
        }
        var created = new ContractObject(type);
        Cache[(type, options)] = created;
        created.typeInfo = options.GetTypeInfo(type);
        created.infos = [.. created.typeInfo.Properties];
        created.properties = [.. created.infos.Select(Property)];
        created.complete = true;
        return created;
    }

    private static ContractProperty Property(JsonPropertyInfo info)
    {
        ICustomAttributeProvider? attributes = info.AttributeProvider;
        string clrName = (attributes as MemberInfo)?.Name ?? info.Name;
        // Left out while null by the property's own JsonIgnore, else by the options' default.
        JsonIgnoreCondition ignore = attributes?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
            .Select(attribute => (JsonIgnoreCondition?)attribute.Condition).FirstOrDefault() ?? info.Options.DefaultIgnoreCondition;
        bool omitted = ignore is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault
            && (info.IsGetNullable || System.Nullable.GetUnderlyingType(info.PropertyType) is not null);
        if (info.CustomConverter is not null)
        {
            return new ContractProperty(info.Name, clrName, info.PropertyType, ContractKind.Json, info.IsGetNullable) { OmittedWhenNull = omitted };
        }
        return Describe(info.Name, clrName, info.PropertyType, info.IsSetNullable || info.IsGetNullable, attributes, info.Options, omitted);
    }

    private static ContractProperty Describe(
        string name, string clrName, Type declared, bool nullable, ICustomAttributeProvider? attributes, JsonSerializerOptions options,
        bool omittedWhenNull = false)
    {
        Type type = System.Nullable.GetUnderlyingType(declared) ?? declared;
        nullable |= type != declared;
        ContractKind kind = KindOf(type, options);
        Type? elementType = kind is ContractKind.Array or ContractKind.Map ? ElementType(type) : null;
        LengthAttribute? length = Attribute<LengthAttribute>(attributes);
        return new ContractProperty(name, clrName, type, kind, nullable)
        {
            OmittedWhenNull = omittedWhenNull,
            Range = Attribute<BoundsAttribute>(attributes) is { } bounds ? ScenarioLimits.RangeOf(bounds.Bound) : null,
            Pattern = Attribute<RegularExpressionAttribute>(attributes)?.Pattern,
            IsUrl = Attribute<UrlAttribute>(attributes) is not null,
            MinLength = length?.MinimumLength,
            MaxLength = length?.MaximumLength,
            EnumNames = kind == ContractKind.Enum ? EnumText.All(type) : null,
            // In declaration order, as EnumText.All names them.
            EnumValues = kind == ContractKind.Enum ? [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)!)] : null,
            Object = kind == ContractKind.Object ? Build(type, options) : null,
            Element = elementType is null ? null : Describe("", "", elementType, nullable: false, null, options),
        };
    }

    private static ContractKind KindOf(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(string)) { return ContractKind.String; }
        if (type == typeof(bool)) { return ContractKind.Boolean; }
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) { return ContractKind.Number; }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) { return ContractKind.Integer; }
        if (type.IsEnum) { return ContractKind.Enum; }
        if (type == typeof(DateOnly)) { return ContractKind.Date; }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) { return ContractKind.DateTime; }
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Object => ContractKind.Object,
            JsonTypeInfoKind.Enumerable => ContractKind.Array,
            JsonTypeInfoKind.Dictionary => ContractKind.Map,
            _ => throw new NotSupportedException($"{type.Name} is not a type the contract describes."),
        };
    }

    private static Type ElementType(Type collection)
    {
        if (collection.IsArray)
        {
            return collection.GetElementType()!;
        }
        Type? dictionary = collection.IsInterface && collection.IsGenericType
            && collection.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? collection
            : collection.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }
        Type enumerable = collection.IsInterface && collection.IsGenericType && collection.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? collection
            : collection.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable.GetGenericArguments()[0];
    }

    private static T? Attribute<T>(ICustomAttributeProvider? attributes)
        where T : Attribute =>
        attributes?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault();
}
