using System.Reflection;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// The JSON spelling of the contract's enums (<c>ai-first-saas</c>, <c>lower-is-better</c>), as their
/// <see cref="JsonStringEnumMemberNameAttribute"/> declares it: the one mapping that JSON, rows, routes, messages and the
/// API document use.
/// </summary>
public static class EnumText
{
    /// <summary>The JSON name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out string? name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a named {typeof(T).Name}.");

    /// <summary>The value whose JSON name is exactly <paramref name="text"/> (case-sensitive).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Names<T>.ByName.TryGetValue(text, out value);
    }

    /// <summary>Every JSON name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.InOrder;

    /// <summary>Every JSON name of the enum <paramref name="enumType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        if (!enumType.IsEnum)
        {
            throw new ArgumentException($"{enumType.Name} is not an enum.", nameof(enumType));
        }
        return enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(NameOf).ToArray();
    }

    /// <summary>The value named <paramref name="text"/>; for text this project wrote, so anything else is corrupt data.</summary>
    /// <exception cref="InvalidDataException">The text names no value.</exception>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse(text, out T value) ? value : throw new InvalidDataException($"'{text}' is not a {typeof(T).Name}.");

    private static string NameOf(FieldInfo field) => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly string[] InOrder = [.. All(typeof(T))];

        public static readonly Dictionary<T, string> ByValue = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(field => (T)field.GetValue(null)!, NameOf);

        public static readonly Dictionary<string, T> ByName = ByValue.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
