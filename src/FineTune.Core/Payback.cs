namespace FineTune.Core;

/// <summary>When an approach's cumulative difference against the baseline turns non-negative.</summary>
/// <param name="Months">Fractional months from the start; null when never.</param>
/// <param name="Requests">Requests served by then; null when never.</param>
public readonly record struct PaybackPoint(decimal? Months, decimal? Requests);

/// <summary>Break-even of economics.md section 4: the minimum monthly volume and the month-by-month payback walk.</summary>
public static class Payback
{
    /// <summary>The walk looks this many months ahead at most; later is "never".</summary>
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
        decimal? minimumMonthlyRequests = savingsPerRequest > 0m
            ? Economics.Ratio(Math.Max(0m, fixedMonthlyDelta), savingsPerRequest)
            : null;
        PaybackPoint point = Walk(savingsPerRequest, fixedMonthlyDelta, oneTimeDelta, approach, baseline, horizonVolumes);
        return new(savingsPerRequest, fixedMonthlyDelta, oneTimeDelta, minimumMonthlyRequests, point.Months, point.Requests,
            VerdictOf(point.Months, horizonVolumes.Length));
    }

    /// <summary>immediate at month 0, within-horizon up to the horizon's last day, after-horizon later, never without payback.</summary>
    public static Verdict VerdictOf(decimal? paybackMonths, int horizonMonths) => paybackMonths switch
    {
        null => Verdict.Never,
        0m => Verdict.Immediate,
        decimal months when months <= horizonMonths => Verdict.WithinHorizon,
        _ => Verdict.AfterHorizon,
    };

    /// <summary>
    /// The payback walk exactly as section 4 writes it. Past the horizon the volume stays at the last month's, so the
    /// monthly difference D is constant; the walk then stops as soon as the answer is known: "never" when D cannot lift
    /// the balance any more, or the paying month in one step when no retraining is left to interleave.
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

        decimal c = -oneTimeDelta;
        decimal requests = 0m;
        if (c >= 0m)
        {
            return new(0m, 0m);
        }

        int horizon = horizonVolumes.Length;
        if (BestMonth(savingsPerRequest, fixedMonthlyDelta, horizonVolumes) <= 0m && c + FutureRetraining(baseline, 0) < 0m)
        {
            // No month can gain anything, and all the baseline's retraining would not close the gap.
            return new(null, null);
        }

        bool retrains = approach.RetrainEveryMonths is not null || baseline.RetrainEveryMonths is not null;
        for (int m = 0; m < MaxMonths; m++)
        {
            decimal v = m < horizon ? horizonVolumes[m] : horizonVolumes[horizon - 1];
            if (m > 0)
            {
                c -= approach.RetrainingAt(m) - baseline.RetrainingAt(m);
                if (c >= 0m)
                {
                    return new(m, requests);
                }
            }

            decimal d = v * savingsPerRequest - fixedMonthlyDelta;
            if (d > 0m && c + d >= 0m)
            {
                decimal f = -c / d;
                return new(m + f, Math.Ceiling(requests + ShareOfMonth(-c, v, d)));
            }

            c += d;
            requests += v;

            if (m >= horizon - 1)
            {
                // From month m + 1 on, V and so D stay as they are now.
                if (!retrains)
                {
                    return d <= 0m ? new(null, null) : Jump(c, d, requests, v, m + 1);
                }

                if (d <= 0m && c + FutureRetraining(baseline, m) < 0m)
                {
                    // Only the baseline's retraining can still lift the balance, and all of it would not be enough.
                    return new(null, null);
                }
            }
        }

        return new(null, null);
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
        return new(from + k + f, Math.Ceiling(requests + k * v + ShareOfMonth(-balance, v, d)));
    }

    /// <summary>
    /// f * V(m) with f = shortfall / D, taken as shortfall * V / D where that product fits: one rounding instead of two, so
    /// that a break-even landing exactly on a whole request (the textbook ceil(oneTimeDelta / savingsPerRequest)) is not
    /// pushed one request up by the rounding of f.
    /// </summary>
    private static decimal ShareOfMonth(decimal shortfall, decimal volume, decimal d) =>
        volume <= 1m || shortfall < decimal.MaxValue / volume
            ? shortfall * volume / d
            : shortfall / d * volume;

    /// <summary>
    /// The largest D = V * savings - fixedMonthlyDelta of any month: V(m) grows or shrinks monotonically and then stays at
    /// its last value, so the extremes are the first and the last month of the horizon.
    /// </summary>
    private static decimal BestMonth(decimal savingsPerRequest, decimal fixedMonthlyDelta, ReadOnlySpan<decimal> horizonVolumes)
    {
        decimal first = horizonVolumes[0], last = horizonVolumes[^1];
        decimal volume = savingsPerRequest > 0m ? Math.Max(first, last) : Math.Min(first, last);
        return volume * savingsPerRequest - fixedMonthlyDelta;
    }

    /// <summary>All the baseline's retraining after month <paramref name="month"/> within the walk, dollars.</summary>
    private static decimal FutureRetraining(FixedFigures baseline, int month) =>
        baseline.RetrainEveryMonths is int every
            ? ((MaxMonths - 1) / every - month / every) * baseline.RetrainCost
            : 0m;
}
