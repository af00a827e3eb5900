using System.Globalization;

namespace FineTune.Storage;

/// <summary>
/// Decimals as Table Storage keeps them: invariant-culture text, because the service has no decimal type
/// (a decimal property reads back as 0). The text keeps every digit and the scale, so 0.40 reads back as 0.40.
/// </summary>
internal static class StoredDecimal
{
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw new InvalidDataException($"'{text}' is not a stored decimal.");
}
