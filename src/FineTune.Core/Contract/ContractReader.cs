using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FineTune.Core;

/// <summary>The outcome of reading a request body: the value, or every problem found, keyed by JSON path.</summary>
public sealed record ContractResult<T>(T? Value, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
    where T : class
{
    /// <summary>True when there is a value and no error.</summary>
    public bool IsValid => Value is not null && Errors.Count == 0;
}

/// <summary>
/// The rules of a contract that one property's declaration cannot say (a value against another, a required choice), per
/// record type. Each runs once per JSON object of its type, after the object's own properties were checked, and refuses
/// through the <see cref="ObjectView"/> it gets.
/// </summary>
public sealed class ContractRules
{
    private readonly Dictionary<Type, Action<ObjectView>> rules = [];

    /// <summary>Adds the rule of the objects of type <typeparamref name="T"/>.</summary>
    public ContractRules For<T>(Action<ObjectView> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rules.Add(typeof(T), rule);
        return this;
    }

    internal Action<ObjectView>? Of(Type type) => rules.GetValueOrDefault(type);
}

/// <summary>
/// A JSON body read against a record of the contract declared once in Core (<see cref="ContractObject"/>): every problem
/// at once, each with its JSON path, in one walk of the document, without exceptions; then the record is built from the
/// checked values through the constructor and setters the same metadata names (<see cref="RecordFactory"/>), else by its
/// deserializer. <c>null</c> counts as absent; unknown and repeated properties are refused.
/// </summary>
public sealed class Contract<T>
    where T : class
{
    /// <summary>Nesting deeper than any body of the contract needs is refused before it costs anything.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly JsonTypeInfo<T> typeInfo;
    private readonly ContractRules rules;

    /// <summary>The contract of <paramref name="typeInfo"/>'s record, with the rules of its objects.</summary>
    public Contract(JsonTypeInfo<T> typeInfo, ContractRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        this.typeInfo = typeInfo;
        this.rules = rules ?? new ContractRules();
        Root = ContractObject.Of(typeInfo);
    }

    /// <summary>The body's object.</summary>
    public ContractObject Root { get; }

    /// <summary>Reads UTF-8 JSON (a byte order mark is skipped). Never throws for any input.</summary>
    public ContractResult<T> Read(ReadOnlySpan<byte> utf8Json)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(bom))
        {
            utf8Json = utf8Json[bom.Length..];
        }
        // JsonDocument parses a span only by copying it; a pooled copy is parsed in place, and read again to build the record.
        byte[] copy = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(copy);
            return Read(copy.AsMemory(0, utf8Json.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private ContractResult<T> Read(ReadOnlyMemory<byte> utf8Json)
    {
        var errors = new ContractErrors();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            errors.Add("$", e.LineNumber is long line && e.BytePositionInLine is long position
                ? string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON (line {line + 1}, byte {position + 1}).")
                : "The body is not valid JSON.");
            return new(null, errors.ToDictionary());
        }
        using (document)
        {
            ObjectView? root = null;
            try
            {
                root = new Walker(errors, rules).Object(document.RootElement, new Where(JsonPath.Root, null), Root);
            }
            catch (InvalidOperationException)
            {
                // JsonElement's text accessors throw this for text that is not valid UTF-8.
                errors.Add("$", "The body is not valid UTF-8 text.");
            }
            if (errors.Count > 0)
            {
                return new(null, errors.ToDictionary());
            }
            if (root is not null && Root.Factory is { } factory)
            {
                return new((T)factory.Build(root), errors.ToDictionary());
            }
        }
        return new(JsonSerializer.Deserialize(utf8Json.Span, typeInfo), errors.ToDictionary());
    }
}

/// <summary>Problems keyed by JSON path, several messages per path, in the order found.</summary>
internal sealed class ContractErrors
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

    private Dictionary<string, List<string>>? byPath;

    public int Count => byPath?.Count ?? 0;

    public void Add(string path, string message)
    {
        byPath ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!byPath.TryGetValue(path, out List<string>? messages))
        {
            byPath[path] = messages = [];
        }
        messages.Add(message);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToDictionary() => byPath is null
        ? None
        : byPath.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);
}

/// <summary>
/// One JSON object of a body as the reader saw it: what a <see cref="ContractRules"/> rule reads and refuses through.
/// Properties are named by their record names (<c>nameof(Approach.InputTokens)</c>), so a rule names no JSON text.
/// A value is given to a rule only when it passed its own declaration.
/// </summary>
public sealed class ObjectView
{
    private readonly ContractErrors errors;
    private readonly Slot[] slots;
    private readonly JsonPath path;

    internal ObjectView(ContractObject contract, JsonPath path, ContractErrors errors)
    {
        Contract = contract;
        this.path = path;
        this.errors = errors;
        slots = new Slot[contract.Properties.Count];
    }

    internal enum PropertyState : byte
    {
        Absent,
        Valid,
        Invalid,
    }

    /// <summary>The object's contract.</summary>
    public ContractObject Contract { get; }

    /// <summary>The object's JSON path; empty for the body itself.</summary>
    public string Path => path.ToString();

    /// <summary>True when the property is present and not null, valid or not.</summary>
    public bool Has(string clrName) => slots[Contract.IndexOf(clrName)].State != PropertyState.Absent;

    /// <summary>The property's number (or whole number), when present and valid.</summary>
    public decimal? Number(string clrName) => ValidSlot(clrName)?.Read switch
    {
        decimal number => number,
        long number => number,
        int number => number,
        short number => number,
        double number => (decimal)number,
        float number => (decimal)number,
        _ => null,
    };

    /// <summary>The property's string (or enum or date text), when present and valid.</summary>
    public string? Text(string clrName) => ValidSlot(clrName) is { } slot ? slot.Read as string ?? slot.Value.GetString() : null;

    /// <summary>The property's enum value, when present and valid.</summary>
    public TEnum? Enum<TEnum>(string clrName)
        where TEnum : struct, System.Enum =>
        ValidSlot(clrName)?.Read is TEnum value ? value : null;

    /// <summary>The view of the nested object, when present and an object (its own properties may have problems).</summary>
    public ObjectView? Child(string clrName) => slots[Contract.IndexOf(clrName)].Read as ObjectView;

    /// <summary>The views of an array's objects, in order; null for an item that is not an object. Empty when not an array.</summary>
    public IReadOnlyList<ObjectView?> Items(string clrName) => slots[Contract.IndexOf(clrName)].Read as ObjectView?[] ?? [];

    /// <summary>The JSON path of the property.</summary>
    public string PathOf(string clrName) => path.Property(Contract.Properties[Contract.IndexOf(clrName)].Name);

    /// <summary>The JSON name of the property, for messages.</summary>
    public string NameOf(string clrName) => Contract.Properties[Contract.IndexOf(clrName)].Name;

    /// <summary>Refuses the property with <paramref name="message"/>, a sentence that completes "{path} ...".</summary>
    public void Refuse(string clrName, string message) => errors.Add(PathOf(clrName), message);

    /// <summary>Refuses the object as a whole.</summary>
    public void Refuse(string message) => errors.Add(path.IsRoot ? "$" : path.ToString(), message);

    internal JsonPath JsonPath => path;

    internal void Set(int index, JsonElement value, PropertyState state, object? read = null) => slots[index] = new(value, state, read);

    internal void MarkInvalid(int index) => slots[index].State = PropertyState.Invalid;

    internal PropertyState StateOf(int index) => slots[index].State;

    internal JsonElement ValueOf(int index) => slots[index].Value;

    internal object? ReadOf(int index) => slots[index].Read;

    private Slot? ValidSlot(string clrName)
    {
        ref readonly Slot slot = ref slots[Contract.IndexOf(clrName)];
        return slot.State == PropertyState.Valid ? slot : null;
    }

    /// <summary>A property's JSON value, its state, and what the walk read from it once checked: the CLR value (boxed), the view
    /// of an object, or an array's items (views of objects, else values), for rules and the record alike.</summary>
    private struct Slot(JsonElement value, PropertyState state, object? read)
    {
        public readonly JsonElement Value = value;
        public PropertyState State = state;
        public readonly object? Read = read;
    }
}

/// <summary>
/// Where a value sits in the body, kept as its parent and its name or index: the path text (<c>approaches[2].accuracy</c>)
/// is only made when a problem needs it.
/// </summary>
internal sealed class JsonPath
{
    public static readonly JsonPath Root = new(null, null, -1);

    private readonly JsonPath? parent;
    private readonly string? name;
    private readonly int index;
    private string? text;

    private JsonPath(JsonPath? parent, string? name, int index)
    {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    public bool IsRoot => parent is null;

    public JsonPath Child(string property) => new(this, property, -1);

    public JsonPath Item(int position) => new(this, null, position);

    /// <summary>The path of this value's property <paramref name="property"/>.</summary>
    public string Property(string property) => IsRoot ? property : $"{this}.{property}";

    /// <summary>The path of this value itself; <c>$</c> for the body.</summary>
    public string OrBody() => IsRoot ? "$" : ToString();

    public override string ToString() => text ??= parent is null ? ""
        : name is not null ? parent.Property(name)
        : string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}

/// <summary>A value's place: its owner and property name (the path is made only for a problem), or a node of its own.</summary>
internal readonly record struct Where(JsonPath Owner, string? Name)
{
    /// <summary>The value's own node, for descending into it.</summary>
    public JsonPath Node() => Name is null ? Owner : Owner.Child(Name);

    public override string ToString() => Name is null ? Owner.OrBody() : Owner.Property(Name);
}

/// <summary>The walk of one body: checks every value against its declaration, then runs the objects' rules.</summary>
internal sealed class Walker(ContractErrors errors, ContractRules rules)
{
    public ObjectView? Object(JsonElement element, Where where, ContractObject contract)
    {
        if (!Check(element.ValueKind == JsonValueKind.Object, where, "must be a JSON object."))
        {
            return null;
        }
        JsonPath path = where.Node();
        var view = new ObjectView(contract, path, errors);
        IReadOnlyList<ContractProperty> properties = contract.Properties;
        Span<bool> seen = stackalloc bool[properties.Count];
        int next = 0;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            int index = IndexOf(properties, property, next);
            if (index < 0)
            {
                errors.Add(path.Property(property.Name), "is not a known property.");
                continue;
            }
            next = index + 1;
            if (seen[index])
            {
                errors.Add(path.Property(properties[index].Name), "appears more than once.");
                view.MarkInvalid(index);
                continue;
            }
            seen[index] = true;
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                view.Set(index, property.Value, ObjectView.PropertyState.Valid);
            }
        }
        for (int i = 0; i < properties.Count; i++)
        {
            ContractProperty declared = properties[i];
            switch (view.StateOf(i))
            {
                case ObjectView.PropertyState.Absent when declared.Required:
                    errors.Add(path.Property(declared.Name), "is required.");
                    break;
                case ObjectView.PropertyState.Valid:
                    JsonElement value = view.ValueOf(i);
                    bool valid = Value(value, new Where(path, declared.Name), declared, out object? read);
                    view.Set(i, value, valid ? ObjectView.PropertyState.Valid : ObjectView.PropertyState.Invalid, read);
                    break;
            }
        }
        rules.Of(contract.ClrType)?.Invoke(view);
        return view;
    }

    private static readonly object True = true, False = false;

    /// <summary>
    /// Checks one value; false (with the problem added) when it does not meet its declaration. A valid value is
    /// <paramref name="read"/> once, as its record holds it (boxed), so that rules and the record decode nothing again.
    /// </summary>
    private bool Value(JsonElement value, Where where, ContractProperty declared, out object? read)
    {
        read = null;
        switch (declared.Kind)
        {
            case ContractKind.Object:
                ObjectView? view = Object(value, where, declared.Object!);
                read = view;
                return view is not null;
            case ContractKind.Array:
                return Array(value, where, declared, out read);
            case ContractKind.Number:
            case ContractKind.Integer:
                return Number(value, where, declared, out read);
            case ContractKind.Boolean:
                read = value.ValueKind == JsonValueKind.True ? True : False;
                return Check(value.ValueKind is JsonValueKind.True or JsonValueKind.False, where, "must be true or false.");
            case ContractKind.String:
                return Text(value, where, declared, out read);
            case ContractKind.Enum:
                // GetString, on a mismatch only, refuses text that is not UTF-8 as such (it throws; see Read).
                read = value.ValueKind == JsonValueKind.String ? declared.EnumValueOf(value) : null;
                return read is not null || value.ValueKind == JsonValueKind.String && value.GetString() is null
                    || Refuse(where, $"must be one of {string.Join(", ", declared.EnumNames!)}.");
            case ContractKind.Date:
                DateOnly day = default;
                bool date = value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
                read = date ? day : null;
                return Check(date, where, "must be a date, YYYY-MM-DD.");
            case ContractKind.DateTime:
                DateTimeOffset at = default;
                bool moment = value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out at);
                read = !moment ? null : declared.ClrType == typeof(DateTime) ? value.GetDateTime() : (object)at;
                return Check(moment, where, "must be a date and time, RFC 3339.");
            default:
                throw new NotSupportedException($"{declared.Kind} properties are not read from request bodies.");
        }
    }

    private bool Array(JsonElement value, Where where, ContractProperty declared, out object? items)
    {
        items = null;
        if (!Check(value.ValueKind == JsonValueKind.Array, where, "must be an array."))
        {
            return false;
        }
        int count = value.GetArrayLength();
        int min = declared.MinLength ?? 0, max = declared.MaxLength ?? int.MaxValue;
        if (count < min || count > max)
        {
            return Refuse(where,
                max == int.MaxValue ? $"must hold at least {min} items, not {count}." : $"must hold {min} to {max} items, not {count}.");
        }
        ContractProperty element = declared.Element!;
        JsonPath path = where.Node();
        bool valid = true;
        // The items as read: views of objects (what ObjectView.Items gives rules), else values.
        object?[] read = element.Kind == ContractKind.Object ? new ObjectView?[count] : new object?[count];
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            var itemWhere = new Where(path.Item(index), null);
            if (item.ValueKind == JsonValueKind.Null)
            {
                valid = Check(false, itemWhere, "must not be null.");
            }
            else
            {
                valid &= Value(item, itemWhere, element, out object? child);
                read[index] = child;
            }
            index++;
        }
        items = read;
        return valid;
    }

    private bool Number(JsonElement value, Where where, ContractProperty declared, out object? read)
    {
        read = null;
        bool whole = declared.Kind == ContractKind.Integer;
        if (!Check(value.ValueKind == JsonValueKind.Number, where, whole ? "must be a whole number." : "must be a number."))
        {
            return false;
        }
        NumberRange range = declared.Range ?? FullRange(declared.ClrType);
        if (!((value.TryGetDecimal(out decimal number) && range.Contains(number) || Refuse(where, range.Describe(whole)))
            && (!whole || Check(IsWholeNumber(value), where, "must be a whole number."))))
        {
            return false;
        }
        Type type = declared.ClrType;
        read = type == typeof(decimal) ? number
            : type == typeof(long) ? (long)number
            : type == typeof(int) ? (int)number
            : type == typeof(short) ? (short)number
            : type == typeof(double) ? value.GetDouble()
            : (object)value.GetSingle();
        return true;
    }

    private bool Text(JsonElement value, Where where, ContractProperty declared, out object? read)
    {
        read = null;
        if (!Check(value.ValueKind == JsonValueKind.String, where, "must be a string."))
        {
            return false;
        }
        string text = value.GetString()!;
        read = text;
        int min = declared.MinLength ?? 0, max = declared.MaxLength ?? int.MaxValue;
        return (text.Length >= min && text.Length <= max && (min == 0 || !string.IsNullOrWhiteSpace(text))
                || Refuse(where, max == int.MaxValue ? $"must be at least {min} characters." : $"must be {min} to {max} characters, not only spaces."))
            && (declared.Pattern is not { } pattern || Patterns.IsMatch(pattern, text) || Refuse(where, Patterns.Describe(pattern)))
            && (!declared.IsUrl || Uri.TryCreate(text, UriKind.Absolute, out _) || Refuse(where, "must be an absolute URL."));
    }

    private bool Check(bool condition, Where where, string message) => condition || Refuse(where, message);

    /// <summary>Adds the problem; false, so a check reads <c>ok || Refuse(...)</c> and makes its message only when it fails.</summary>
    private bool Refuse(Where where, string message)
    {
        errors.Add(where.ToString(), message);
        return false;
    }

    private static NumberRange FullRange(Type type) =>
        type == typeof(int) ? new(int.MinValue, int.MaxValue)
        : type == typeof(long) ? new(long.MinValue, long.MaxValue)
        : type == typeof(short) ? new(short.MinValue, short.MaxValue)
        : new(decimal.MinValue, decimal.MaxValue);

    /// <summary>
    /// True when the number's text is exactly a whole number: <c>300</c>, <c>300.0</c> and <c>3e2</c> are; <c>1.5</c> is
    /// not, nor is <c>1e-30</c>, which a decimal would round to 0.
    /// </summary>
    internal static bool IsWholeNumber(JsonElement number)
    {
        if (number.TryGetInt64(out _))
        {
            return true;
        }
        ReadOnlySpan<byte> text = JsonMarshal.GetRawUtf8Value(number);
        int e = text.IndexOfAny((byte)'e', (byte)'E');
        ReadOnlySpan<byte> mantissa = e < 0 ? text : text[..e];
        long exponent = 0;
        if (e >= 0 && !long.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            // An exponent beyond a long: the range check has already refused such a number.
            return false;
        }
        int point = mantissa.IndexOf((byte)'.');
        ReadOnlySpan<byte> integer = (point < 0 ? mantissa : mantissa[..point]).TrimStart((byte)'-');
        ReadOnlySpan<byte> fraction = point < 0 ? [] : mantissa[(point + 1)..];
        // The digits after the decimal point once the exponent has moved it must all be zeros.
        long firstFractionDigit = integer.Length + exponent;
        for (int i = 0; i < integer.Length + fraction.Length; i++)
        {
            byte digit = i < integer.Length ? integer[i] : fraction[i - integer.Length];
            if (i >= firstFractionDigit && digit != (byte)'0')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The index of the property's name; the search starts at <paramref name="start"/>, as bodies usually keep the record's order.</summary>
    private static int IndexOf(IReadOnlyList<ContractProperty> properties, JsonProperty property, int start)
    {
        for (int n = 0; n < properties.Count; n++)
        {
            int i = (start + n) % properties.Count;
            if (property.NameEquals(properties[i].Utf8Name))
            {
                return i;
            }
        }
        return -1;
    }
}
