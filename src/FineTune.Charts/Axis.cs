namespace FineTune.Charts;

/// <summary>
/// A linear axis: the data range widened to round tick values (1, 2, 2.5 or 5 times a power of ten; whole months for
/// time), mapped onto a pixel range. Decimal throughout, so positions are exact and the same on every machine.
/// </summary>
/// <param name="Min">The first tick, at or below every value drawn.</param>
/// <param name="Max">The last tick, at or above every value drawn.</param>
/// <param name="Step">The distance between ticks, in data units.</param>
/// <param name="From">The position of <paramref name="Min"/>, in viewBox units.</param>
/// <param name="To">The position of <paramref name="Max"/>; smaller than <paramref name="From"/> for an upward y axis.</param>
internal readonly record struct Axis(decimal Min, decimal Max, decimal Step, decimal From, decimal To)
{
    private static readonly decimal[] NiceFractions = [1m, 2m, 2.5m, 5m, 10m];
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12, 24, 60, 120];

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<decimal> Ticks()
    {
        for (decimal value = Min; value <= Max; value += Step)
        {
            yield return value;
        }
    }

    /// <summary>The position of <paramref name="value"/>.</summary>
    public decimal Map(decimal value) => From + (value - Min) * (To - From) / (Max - Min);

    /// <summary>
    /// An axis over <paramref name="low"/>..<paramref name="high"/> with zero always inside (amounts are read against
    /// zero) and about <paramref name="targetTicks"/> intervals.
    /// </summary>
    public static Axis ForAmounts(decimal low, decimal high, decimal from, decimal to, int targetTicks = 5)
    {
        low = Math.Min(low, 0m);
        high = Math.Max(high, 0m);
        if (low == high)
        {
            high = 1m;
        }
        decimal step = NiceStep((high - low) / targetTicks);
        return new(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step, from, to);
    }

    /// <summary>An axis of months from 0 to <paramref name="months"/>, ticked in whole months (at most 8 intervals).</summary>
    public static Axis ForMonths(int months, decimal from, decimal to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        int step = MonthSteps.FirstOrDefault(s => months / (decimal)s <= 8m, MonthSteps[^1]);
        return new(0m, Math.Ceiling(months / (decimal)step) * step, step, from, to);
    }

    /// <summary>An axis of day numbers 0..<paramref name="days"/>, ticked in whole weeks or months of days.</summary>
    public static Axis ForDays(int days, decimal from, decimal to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        int step = ((int[])[1, 2, 7, 14, 28, 56, 91, 182]).FirstOrDefault(s => days / (decimal)s <= 6m, 364);
        return new(0m, Math.Ceiling(days / (decimal)step) * step, step, from, to);
    }

    /// <summary>The smallest round step (1, 2, 2.5, 5 times a power of ten) at least <paramref name="raw"/>.</summary>
    public static decimal NiceStep(decimal raw)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(raw);
        decimal power = 1m;
        while (power > raw && power > 1e-20m)
        {
            power /= 10m;
        }
        while (power * 10m <= raw)
        {
            power *= 10m;
        }
        // Now power <= raw < 10 * power.
        return NiceFractions.First(fraction => fraction * power >= raw) * power;
    }
}
