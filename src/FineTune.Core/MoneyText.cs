using System.Globalization;

namespace FineTune.Core;

/// <summary>Dollars as every sentence of the product writes them: the analysis' reasons, the charts' labels and descriptions.</summary>
public static class MoneyText
{
    /// <summary>
    /// <c>$1,234.50</c> from a dollar upward (two decimals, thousands separated), <c>$0.0123</c> below a dollar (two to
    /// eight decimals, so a cost per request keeps its digits), <c>-$5.00</c> below zero. Invariant culture; the value
    /// is not rounded beyond what the pattern shows.
    /// </summary>
    public static string Format(decimal amount)
    {
        decimal magnitude = Math.Abs(amount);
        string digits = magnitude >= 1m || magnitude == 0m
            ? magnitude.ToString("#,##0.00", CultureInfo.InvariantCulture)
            : magnitude.ToString("0.00######", CultureInfo.InvariantCulture);
        return amount < 0m ? $"-${digits}" : $"${digits}";
    }
}
