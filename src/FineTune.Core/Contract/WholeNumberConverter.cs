using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// Reads a whole number written as <c>300</c>, <c>300.0</c> or <c>3e2</c>, as the contract accepts it (the reader has
/// checked it is whole and in range); writes it plainly.
/// </summary>
public sealed class WholeNumberConverter : JsonConverter<long>
{
    /// <inheritdoc />
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt64(out long value) ? value : (long)reader.GetDecimal();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}

/// <summary>The <see cref="int"/> counterpart of <see cref="WholeNumberConverter"/>.</summary>
public sealed class WholeNumber32Converter : JsonConverter<int>
{
    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt32(out int value) ? value : (int)reader.GetDecimal();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
