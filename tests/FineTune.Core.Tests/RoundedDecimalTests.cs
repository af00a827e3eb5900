using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace FineTune.Core.Tests;

public sealed class RoundedDecimalTests
{
    private static string Written(decimal value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            new RoundedDecimalConverter().Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Expected(decimal value)
    {
        string text = Math.Round(value, 8, MidpointRounding.ToEven).ToString("0.########", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    public static TheoryData<decimal, string> Cases => new()
    {
        { 0m, "0" },
        { -0.000000001m, "0" },
        { 1.50000000m, "1.5" },
        { 0.000000015m, "0.00000002" },
        { 0.000000025m, "0.00000002" },
        { -12.345678905m, "-12.3456789" },
        { 100m, "100" },
        { 0.1m, "0.1" },
        { 18446744073.70955161m, "18446744073.70955161" },
        { 79228162514264337593543950335m, "79228162514264337593543950335" },
        { -79228162514.264337593543950335m, "-79228162514.26433759" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_KnownValues_RoundsHalfToEvenWithoutTrailingZeros(decimal value, string expected) =>
        Assert.Equal(expected, Written(value));

    [Fact]
    public void Write_AnyDecimal_MatchesInvariantFormattingOfTheRoundedValue() =>
        Gen.Decimal.Sample(value => Assert.Equal(Expected(value), Written(value)), iter: 20_000);
}
