namespace FineTune.Core;

/// <summary>The point from which an approach stays ahead of the baseline.</summary>
/// <param name="Months">Fractional months from the start; null when never.</param>
/// <param name="Requests">Requests served by then; null when never.</param>
public readonly record struct PaybackPoint(decimal? Months, decimal? Requests)
{
    /// <summary>No payback within the walk.</summary>
    public static PaybackPoint Never => new(null, null);
}

/// <summary>Break-even of economics.md section 4: the minimum monthly volume and the month-by-month payback walk.</summary>
public static class Payback
{
    /// <summary>The walk looks this many months ahead at most (50 years); later is "never".</summary>
    public const int MaxMonths = 600;

    /// <summary>
    /// One view of a break-even of approach A against baseline B. <paramref name="savingsPerRequest"/> is B's per-request
    /// figure minus A's (inference cost for the cost view, economic cost for the quality-adjusted one), in dollars.
    /// <paramref name="horizonVolumes"/> are V(0) .. V(horizon - 1) at the scenario's own volume.
    /// </summary>
    public static BreakEvenView View(
        decimal savingsPerRequest, FixedFigures approach, FixedFigures baseline, ReadOnlySpan<decimal> horizonVolumes)
    {
        decimal fixedMonthlyDelta = approach.FixedMonthly - baseline.FixedMonthly;
        decimal oneTimeDelta = approach.InitialTraining - baseline.InitialTraining;
        decimal recurringDelta = RecurringDelta(approach, baseline);
        decimal? minimumMonthlyRequests = savingsPerRequest > 0m
            ? Economics.Ratio(Math.Max(0m, recurringDelta), savingsPerRequest)
            : null;
        PaybackPoint point = Walk(savingsPerRequest, fixedMonthlyDelta, oneTimeDelta, approach, baseline, horizonVolumes);
        return new(savingsPerRequest, fixedMonthlyDelta, oneTimeDelta, recurringDelta, minimumMonthlyRequests, point.Months,
            point.Requests, VerdictOf(point.Months, horizonVolumes.Length));
    }

    /// <summary>
    /// recurringDelta of section 4, dollars a month: the fixed monthly difference plus each side's retraining spread over its
    /// cadence, retrainCost(A) / R(A) - retrainCost(B) / R(B) (a term is 0 without R).
    /// </summary>
    public static decimal RecurringDelta(FixedFigures approach, FixedFigures baseline) =>
        approach.FixedMonthly - baseline.FixedMonthly + approach.RetrainingPerMonth - baseline.RetrainingPerMonth;

    /// <summary>immediate at month 0, within-horizon up to the horizon's last day, after-horizon later, never without payback.</summary>
    public static Verdict VerdictOf(decimal? paybackMonths, int horizonMonths) => paybackMonths switch
    {
        null => Verdict.Never,
        0m => Verdict.Immediate,
        decimal months when months <= horizonMonths => Verdict.WithinHorizon,
        _ => Verdict.AfterHorizon,
    };

    /// <summary>
    /// The payback walk exactly as section 4 writes it: the point from which A stays ahead of B (the cumulative advantage C
    /// non-negative) through the end of the horizon; past the horizon, the first point from which it is ahead. The walk
    /// remembers the latest crossing of zero and forgets it whenever C falls below zero again. Past the horizon the volume
    /// stays at the last month's and each approach keeps retraining on its cadence.
    /// <para>
    /// It stops early only where the literal walk provably gives the same answer: once ahead, when C cannot fall below zero
    /// before the horizon ends even if every month left lost as much as the worst and A paid every retraining still due (or
    /// C can never fall at all), the crossing is never forgotten; when no month can gain any more and all of B's retraining
    /// would not lift C to zero, it is "never"; past the horizon without any retraining, the monthly difference D is
    /// constant, so the paying month is found in one step.
    /// </para>
    /// </summary>
    public static PaybackPoint Walk(
        decimal savingsPerRequest,
        decimal fixedMonthlyDelta,
        decimal oneTimeDelta,
        FixedFigures approach,
        FixedFigures baseline,
        ReadOnlySpan<decimal> horizonVolumes)
    {
        if (horizonVolumes.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonVolumes), "A horizon has at least one month.");
        }

        int horizon = horizonVolumes.Length;
        decimal c = -oneTimeDelta;
        decimal requests = 0m;

        // "since" of the spec: set (ahead) exactly when C >= 0 after each step.
        bool ahead = c >= 0m;
        PaybackPoint since = ahead ? new(0m, 0m) : PaybackPoint.Never;

        (decimal worst, decimal best) = MonthExtremes(savingsPerRequest, fixedMonthlyDelta, horizonVolumes);
        bool neverFalls = worst >= 0m && !approach.PaysForRetraining;
        bool retrains = approach.RetrainEveryMonths is not null || baseline.RetrainEveryMonths is not null;

        for (int m = 0; m < MaxMonths; m++)
        {
            if (m == horizon && ahead)
            {
                return since;
            }

            if (m > 0)
            {
                if (retrains && (approach.RetrainsAt(m) || baseline.RetrainsAt(m)))
                {
                    c -= approach.RetrainingAt(m) - baseline.RetrainingAt(m);
                }

                if (c < 0m)
                {
                    ahead = false;
                }
                else if (!ahead)
                {
                    ahead = true;
                    since = new(m, requests);
                }

                if (ahead && (m >= horizon || neverFalls))
                {
                    return since;
                }
            }
            else if (ahead && neverFalls)
            {
                return since;
            }

            decimal v = m < horizon ? horizonVolumes[m] : horizonVolumes[horizon - 1];
            decimal d = v * savingsPerRequest - fixedMonthlyDelta;
            decimal end = c + d;
            if (end < 0m)
            {
                ahead = false;
            }
            else if (c < 0m && d > 0m)
            {
                ahead = true;
                since = new(m + (-c / d), CeilingOfCount(requests + ShareOfMonth(-c, v, d)));
            }

            c = end;
            requests += v;
            if (ahead && (m >= horizon || StaysAheadThroughHorizon(c, m, horizon, worst, approach)))
            {
                return since;
            }

            if (!ahead)
            {
                if (best <= 0m && c + FutureRetraining(baseline, m) < 0m)
                {
                    // No month from here on gains, and all of B's retraining would not lift C to zero.
                    return PaybackPoint.Never;
                }

                if (m >= horizon - 1 && !retrains)
                {
                    // From month m + 1 on, V and so D stay as they are now, and nothing else moves C.
                    return d <= 0m ? PaybackPoint.Never : Jump(c, d, requests, v, m + 1);
                }
            }
        }

        return PaybackPoint.Never;
    }

    /// <summary>
    /// Whether C, <paramref name="c"/> at the end of month <paramref name="month"/>, cannot fall below zero before the horizon
    /// ends even if every later month loses as much as the worst month and A pays every retraining still due before it
    /// (B's retraining only lifts C): then the literal walk never forgets its crossing before it answers at the horizon.
    /// </summary>
    private static bool StaysAheadThroughHorizon(decimal c, int month, int horizon, decimal worst, FixedFigures approach)
    {
        int monthsLeft = horizon - 1 - month;
        int retrainsLeft = approach.RetrainsThrough(horizon - 1) - approach.RetrainsThrough(month);
        return c + (monthsLeft * Math.Min(0m, worst)) - (retrainsLeft * approach.RetrainCost) >= 0m;
    }

    /// <summary>
    /// With D &gt; 0 constant and no retraining, month <paramref name="from"/> + k pays back for the smallest k with
    /// C + (k + 1) * D &gt;= 0; the balance at its start is C + k * D, exactly what k more steps of the walk would reach.
    /// </summary>
    private static PaybackPoint Jump(decimal c, decimal d, decimal requests, decimal v, int from)
    {
        if (-c > (MaxMonths - from) * d)
        {
            // Not even the walk's last month would pay back; this also keeps -c / d small below.
            return new(null, null);
        }

        decimal k = Math.Max(0m, Math.Ceiling(-c / d) - 1m);
        while (c + (k + 1m) * d < 0m)
        {
            k++;
        }

        while (k > 0m && c + k * d >= 0m)
        {
            k--;
        }

        if (from + k >= MaxMonths)
        {
            return new(null, null);
        }

        decimal balance = c + k * d;
        decimal f = -balance / d;
        return new(from + k + f, CeilingOfCount(requests + k * v + ShareOfMonth(-balance, v, d)));
    }

    /// <summary>
    /// The whole number of requests by which a break-even of <paramref name="count"/> requests is reached: its ceiling, except
    /// that a count within decimal's rounding of a whole number (one part in 10^18, at least 10^-18) is that number. Volumes
    /// that grew over rounded months carry 28 digits, and a break-even landing exactly on a request can come out as
    /// 3553750.0000000000000000000001 from the last digit's rounding; its ceiling would push it one request up.
    /// </summary>
    internal static decimal CeilingOfCount(decimal count)
    {
        decimal whole = Math.Round(count, MidpointRounding.ToEven);
        decimal tolerance = Math.Max(Math.Abs(count) * 1e-18m, 1e-18m);
        return Math.Abs(count - whole) <= tolerance ? whole : Math.Ceiling(count);
    }

    /// <summary>
    /// f * V(m) with f = shortfall / D, taken as shortfall * V / D where that product fits: one rounding instead of two, so
    /// that a break-even landing exactly on a whole request (the textbook ceil(oneTimeDelta / savingsPerRequest)) is not
    /// pushed one request up by the rounding of f.
    /// </summary>
    private static decimal ShareOfMonth(decimal shortfall, decimal volume, decimal d) =>
        volume <= 1m || (double)shortfall * (double)volume < 1e27 || shortfall < decimal.MaxValue / volume
            ? shortfall * volume / d
            : shortfall / d * volume;

    /// <summary>
    /// The smallest and the largest D = V * savings - fixedMonthlyDelta of any month of the walk: V(m) grows or shrinks
    /// monotonically and then stays at its last value, so the extremes are at the first and the last month of the horizon.
    /// </summary>
    private static (decimal Worst, decimal Best) MonthExtremes(
        decimal savingsPerRequest, decimal fixedMonthlyDelta, ReadOnlySpan<decimal> horizonVolumes)
    {
        decimal first = horizonVolumes[0] * savingsPerRequest - fixedMonthlyDelta;
        decimal last = horizonVolumes[^1] * savingsPerRequest - fixedMonthlyDelta;
        return (Math.Min(first, last), Math.Max(first, last));
    }

    /// <summary>All the baseline's retraining after month <paramref name="month"/> within the walk, dollars.</summary>
    private static decimal FutureRetraining(FixedFigures baseline, int month) =>
        baseline.RetrainEveryMonths is int every
            ? ((MaxMonths - 1) / every - month / every) * baseline.RetrainCost
            : 0m;
}
