using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// Writes every <see cref="decimal"/> rounded once, to 8 decimal places, half to even, without trailing zeros.
/// This is the single place where results are rounded (economics.md: "values are rounded once, at the JSON boundary").
/// </summary>
public sealed class RoundedDecimalConverter : JsonConverter<decimal>
{
    /// <summary>Decimal places kept in JSON output.</summary>
    public const int DecimalPlaces = 8;

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDecimal();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> digits = stackalloc byte[MaxFormattedLength];
        writer.WriteRawValue(Format(value, digits), skipInputValidation: true);
    }

    /// <summary>The value as written: rounded to 8 places, half to even (its text also drops trailing zeros).</summary>
    public static decimal Round(decimal value) => Math.Round(value, DecimalPlaces, MidpointRounding.ToEven);

    /// <summary>Sign, 29 digits, a decimal point and spare room.</summary>
    private const int MaxFormattedLength = 40;

    /// <summary>
    /// The JSON number text of <paramref name="value"/> rounded to 8 places, half to even, without trailing zeros and
    /// without a negative zero, written into <paramref name="buffer"/>.
    /// </summary>
    private static ReadOnlySpan<byte> Format(decimal value, Span<byte> buffer)
    {
        decimal rounded = Round(value);
        if (rounded == 0m)
        {
            rounded = 0m;
        }

        if (!Utf8Formatter.TryFormat(rounded, buffer, out int written))
        {
            throw new InvalidOperationException("A decimal always fits in 40 bytes.");
        }

        ReadOnlySpan<byte> text = buffer[..written];
        if (text.IndexOf((byte)'.') >= 0)
        {
            text = text.TrimEnd((byte)'0').TrimEnd((byte)'.');
        }

        return text;
    }
}

/// <summary>Source-generated JSON for the results: camelCase, kebab-case enums, nulls written, decimals rounded.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(Analysis))]
[JsonSerializable(typeof(BenchmarkBand))]
[JsonSerializable(typeof(IReadOnlyList<BenchmarkBand>))]
[JsonSerializable(typeof(BenchmarkComparison))]
public sealed partial class FineTuneJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for scenarios: exact decimals (a stored scenario reads back unchanged), absent values omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
