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
        WriteValue(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> rounded as this converter does.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, decimal value)
    {
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
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(rounded, bits);
        int written;
        if (bits[2] != 0)
        {
            // Beyond 64 bits of mantissa: the general (slower) formatter.
            if (!Utf8Formatter.TryFormat(rounded, buffer, out written))
            {
                throw new InvalidOperationException("A decimal always fits in 40 bytes.");
            }

            return TrimFraction(buffer[..written]);
        }

        ulong mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (mantissa == 0)
        {
            buffer[0] = (byte)'0';
            return buffer[..1];
        }

        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        // Digits go after a sign and enough room for "0." and leading zeros of the fraction.
        int start = 1 + 2 + DecimalPlaces;
        Utf8Formatter.TryFormat(mantissa, buffer[start..], out written);
        Span<byte> digits = buffer.Slice(start, written);
        int end = start + written;
        if (scale > 0)
        {
            int integerDigits = written - scale;
            if (integerDigits <= 0)
            {
                // 0.000ddd: prepend "0." and the missing zeros.
                int zeros = -integerDigits;
                start -= zeros + 2;
                buffer[start] = (byte)'0';
                buffer[start + 1] = (byte)'.';
                buffer.Slice(start + 2, zeros).Fill((byte)'0');
            }
            else
            {
                // ddd.ddd: shift the integer digits one to the left to open the point.
                digits[..integerDigits].CopyTo(buffer[(start - 1)..]);
                start--;
                buffer[start + integerDigits] = (byte)'.';
            }
        }

        if (negative)
        {
            buffer[--start] = (byte)'-';
        }

        return TrimFraction(buffer[start..end]);
    }

    private static ReadOnlySpan<byte> TrimFraction(ReadOnlySpan<byte> text) =>
        text.IndexOf((byte)'.') >= 0 ? text.TrimEnd((byte)'0').TrimEnd((byte)'.') : text;
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

/// <summary>
/// Source-generated JSON for request bodies (scenarios, band upserts, subscriptions): exact decimals (a stored scenario reads back unchanged), absent values omitted,
/// whole numbers read as the contract accepts them (<c>3e2</c>).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WholeNumberConverter), typeof(WholeNumber32Converter)])]
[JsonSerializable(typeof(Scenario))]
[JsonSerializable(typeof(BenchmarkBandInput))]
[JsonSerializable(typeof(SubscriptionRequest))]
[JsonSerializable(typeof(ModelPriceInput))]
[JsonSerializable(typeof(UsageBatch))]
public sealed partial class RequestJsonContext : JsonSerializerContext;
