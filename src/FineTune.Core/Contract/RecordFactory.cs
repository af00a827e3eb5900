using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace FineTune.Core;

/// <summary>
/// Builds a record of the contract from the values the reader has just checked, through the constructor and setters the
/// source-generated metadata names, without reading the body a second time. A record it cannot build this way (a
/// property with a converter of its own, a collection an array cannot stand for, a constructor parameter without a
/// property) has no factory, and the reader deserializes the body instead; both give the same record.
/// </summary>
internal sealed class RecordFactory
{
    private readonly ContractObject contract;
    private readonly JsonTypeInfo typeInfo;
    private readonly Func<object?[], object>? constructor;
    private readonly int parameterCount;
    private readonly int[] argumentOf;
    private readonly Action<object, object?>?[] setterOf;
    private readonly Func<object?[], object>?[] arrayOf;

    private RecordFactory(
        ContractObject contract, JsonTypeInfo typeInfo, Func<object?[], object>? constructor, int parameterCount, int[] argumentOf,
        Action<object, object?>?[] setterOf, Func<object?[], object>?[] arrayOf)
    {
        this.contract = contract;
        this.typeInfo = typeInfo;
        this.constructor = constructor;
        this.parameterCount = parameterCount;
        this.argumentOf = argumentOf;
        this.setterOf = setterOf;
        this.arrayOf = arrayOf;
    }

    /// <summary>The factory of <paramref name="contract"/>'s record, or null when the deserializer must build it.</summary>
    /// <param name="contract">The object.</param>
    /// <param name="typeInfo">Its metadata.</param>
    /// <param name="infos">The metadata of its properties, in the order of <see cref="ContractObject.Properties"/>.</param>
    public static RecordFactory? TryCreate(ContractObject contract, JsonTypeInfo typeInfo, IReadOnlyList<JsonPropertyInfo> infos)
    {
        Func<object?[], object>? construct = null;
        object?[] absent = [];
        if (typeInfo.CreateObject is null)
        {
            if (typeInfo.ConstructorAttributeProvider is not ConstructorInfo declared)
            {
                return null;
            }
            ParameterInfo[] parameters = declared.GetParameters();
            absent = new object?[parameters.Length];
            var covered = new bool[parameters.Length];
            foreach (JsonPropertyInfo info in infos)
            {
                if (info.AssociatedParameter is { } parameter)
                {
                    covered[parameter.Position] = true;
                    absent[parameter.Position] = parameter.HasDefaultValue ? parameter.DefaultValue : DefaultOf(parameter.ParameterType);
                }
            }
            if (covered.Contains(false))
            {
                return null;
            }
            construct = Compile(declared, parameters, absent);
        }

        var argumentOf = new int[infos.Count];
        var setterOf = new Action<object, object?>?[infos.Count];
        var arrayOf = new Func<object?[], object>?[infos.Count];
        for (int i = 0; i < infos.Count; i++)
        {
            JsonPropertyInfo info = infos[i];
            ContractProperty property = contract.Properties[i];
            argumentOf[i] = construct is not null && info.AssociatedParameter is { } parameter ? parameter.Position : -1;
            setterOf[i] = argumentOf[i] < 0 ? info.Set : null;
            if (!CanRead(property, info.PropertyType, out arrayOf[i]))
            {
                return null;
            }
        }
        return new RecordFactory(contract, typeInfo, construct, absent.Length, argumentOf, setterOf, arrayOf);
    }

    /// <summary>The record of <paramref name="view"/>, an object the reader found without a problem.</summary>
    public object Build(ObjectView view)
    {
        // An argument left null is one the body did not give (a value the reader checked is never null): the compiled
        // constructor call passes the parameter's default for it.
        object?[]? arguments = constructor is null ? null : new object?[parameterCount];
        for (int i = 0; i < argumentOf.Length; i++)
        {
            if (argumentOf[i] >= 0 && view.StateOf(i) == ObjectView.PropertyState.Valid)
            {
                arguments![argumentOf[i]] = Read(contract.Properties[i], arrayOf[i], view.ReadOf(i));
            }
        }
        object instance = constructor is null ? typeInfo.CreateObject!() : constructor(arguments!);
        for (int i = 0; i < setterOf.Length; i++)
        {
            if (setterOf[i] is { } set && view.StateOf(i) == ObjectView.PropertyState.Valid)
            {
                set(instance, Read(contract.Properties[i], arrayOf[i], view.ReadOf(i)));
            }
        }
        return instance;
    }

    // (object?[] a) => new T(a[0] is null ? absent0 : (P0)a[0], ...): a reflection call per record would cost more than
    // reading the body again.
    private static Func<object?[], object> Compile(ConstructorInfo constructor, ParameterInfo[] parameters, object?[] absent)
    {
        ParameterExpression arguments = Expression.Parameter(typeof(object?[]), "arguments");
        NewExpression create = Expression.New(constructor, parameters.Select((parameter, i) =>
        {
            BinaryExpression given = Expression.ArrayIndex(arguments, Expression.Constant(i));
            return (Expression)Expression.Condition(
                Expression.Equal(given, Expression.Constant(null)),
                Expression.Constant(absent[i], parameter.ParameterType),
                Expression.Convert(given, parameter.ParameterType));
        }));
        return Expression.Lambda<Func<object?[], object>>(Expression.Convert(create, typeof(object)), arguments).Compile();
    }

    private static bool CanRead(ContractProperty property, Type declared, out Func<object?[], object>? array)
    {
        array = null;
        switch (property.Kind)
        {
            case ContractKind.Json or ContractKind.Map:
                return false;
            case ContractKind.Object:
                return property.Object!.Factory is not null;
            case ContractKind.Array:
                ContractProperty element = property.Element!;
                Type collection = Nullable.GetUnderlyingType(declared) ?? declared;
                Type? itemType = ItemType(collection);
                if (itemType is null || !collection.IsAssignableFrom(itemType.MakeArrayType())
                    || element.Kind is ContractKind.Array or ContractKind.Map or ContractKind.Json)
                {
                    return false;
                }
                array = typeof(RecordFactory).GetMethod(nameof(ArrayOf), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(itemType).CreateDelegate<Func<object?[], object>>();
                return CanRead(element, itemType, out _);
            default:
                return true;
        }
    }

    private static Type? ItemType(Type collection) =>
        collection.IsArray ? collection.GetElementType()
        : collection.IsGenericType && collection.GetGenericArguments() is [Type item]
            && collection.IsAssignableFrom(item.MakeArrayType()) ? item
        : null;

    // The walk has read every valid value as its record holds it; only objects and arrays are built here.
    private static object? Read(ContractProperty property, Func<object?[], object>? array, object? read) => property.Kind switch
    {
        ContractKind.Object => property.Object!.Factory!.Build((ObjectView)read!),
        ContractKind.Array => array!(Items(property.Element!, (object?[])read!)),
        _ => read,
    };

    // The items of an array as its record holds them: objects built, values as read.
    private static object?[] Items(ContractProperty element, object?[] read)
    {
        if (element.Kind != ContractKind.Object)
        {
            return read;
        }
        var items = new object?[read.Length];
        for (int i = 0; i < read.Length; i++)
        {
            items[i] = Read(element, null, read[i]);
        }
        return items;
    }

    private static object ArrayOf<T>(object?[] items)
    {
        var array = new T[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            array[i] = (T)items[i]!;
        }
        return array;
    }

    private static object? DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null
        ? Activator.CreateInstance(type)
        : null;
}
