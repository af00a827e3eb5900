using System.Globalization;

namespace FineTune.Storage.Tests;

public sealed class StoredDecimalTests
{
    public static TheoryData<decimal> Values => new()
    {
        0m, 0.40m, 0.005m, -1.5m, 79228162514264337593543950335m, 0.0000000000000000000000000001m, 1e9m, 0.1234567890123456789012345678m,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void FormatThenParse_AnyDecimal_RoundTripsWithItsScale(decimal value)
    {
        string text = StoredDecimal.Format(value);

        decimal read = StoredDecimal.Parse(text);

        Assert.Equal(value, read);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), read.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain("E", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData(null)]
    public void Parse_NotStoredText_IsCorruptData(string? text) =>
        Assert.Throws<InvalidDataException>(() => StoredDecimal.Parse(text));
}
