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
        writer.WriteNumberValue(Round(value));
    }

    /// <summary>Rounds to 8 places, half to even, and drops trailing zeros (1.50000000 becomes 1.5).</summary>
    public static decimal Round(decimal value)
    {
        decimal rounded = Math.Round(value, DecimalPlaces, MidpointRounding.ToEven);
        // Dividing by 1 written with many zeros is the documented way to drop a decimal's trailing zeros.
        return rounded / 1.0000000000000000000000000000m;
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
