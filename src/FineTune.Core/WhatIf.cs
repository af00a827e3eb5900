using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core;

/// <summary>
/// What would change the answer (economics.md section 7): the scenario with one input moved, every other held.
/// <para>
/// Net value depends on the monthly volume and the growth rate only through the horizon's total requests T, and linearly on
/// T, so both are solved as lines in T (growth then found by bisection on T(g) to 1e-9); it is linear in every other studied
/// input but the horizon, so those are solved as lines through today's value and a second evaluation at the far end of the
/// range (for an accuracy, its slope in closed form). The horizon is evaluated whole month by whole month.
/// </para>
/// <para>
/// Eligibility (requiredAccuracy) makes the answer piecewise: every crossing of two lines and the eligibility threshold split
/// the range, and the recommendation is read between them, so a reported boundary is always one where the answer really
/// changes. Where nothing but another approach overtaking the recommendation (or its own eligibility) can change it, the
/// first overtaking is the boundary without reading any piece. Token counts report the real crossing, but only a whole
/// count past it decides what the recommendation becomes.
/// </para>
/// <para>
/// Choices where section 7 is silent: an input's valid range is section 1's (input tokens start at the cached input
/// tokens; the workload inputs stop where the last month would project more than 1e15 requests); a boundary at today's
/// value itself (a tie today, or an accuracy exactly at requiredAccuracy) is reported at distance 0.
/// </para>
/// </summary>
internal sealed class WhatIf
{
    /// <summary>Growth boundaries are found to this width.</summary>
    public const decimal GrowthTolerance = 0.000000001m;

    /// <summary>The x0.8 and x1.2 of the tornado.</summary>
    public const decimal LowFactor = 0.8m, HighFactor = 1.2m;

    /// <summary>Relative distances are taken against at least this much, so an input at 0 still orders.</summary>
    private const decimal DistanceFloor = 0.000000001m;

    private readonly Scenario scenario;
    private readonly ScenarioTerms terms;
    private readonly PerRequestFigures[] perRequest;
    private readonly FixedFigures[] fixedFigures;
    private readonly bool[] eligible;
    private readonly decimal[] netValue;
    private readonly decimal[] horizonCost;
    private readonly decimal totalRequests;
    private readonly decimal lastMonthRequests;
    private readonly int? recommended;
    private List<StudiedInput>? inputs;

    /// <param name="horizon">Today's horizon figures of every approach.</param>
    /// <param name="lastMonthRequests">V(horizonMonths - 1), today's last planned month.</param>
    /// <param name="recommended">Today's recommendation; null when no approach is eligible.</param>
    public WhatIf(
        Scenario scenario, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures, bool[] eligible,
        HorizonResult[] horizon, decimal lastMonthRequests, int? recommended)
    {
        this.scenario = scenario;
        this.terms = terms;
        this.perRequest = perRequest;
        this.fixedFigures = fixedFigures;
        this.eligible = eligible;
        this.lastMonthRequests = lastMonthRequests;
        this.recommended = recommended;
        netValue = new decimal[horizon.Length];
        horizonCost = new decimal[horizon.Length];
        for (int i = 0; i < horizon.Length; i++)
        {
            netValue[i] = horizon[i].NetValue;
            horizonCost[i] = horizon[i].HorizonCost;
        }

        totalRequests = horizon[0].TotalRequests;
    }

    private int Count => netValue.Length;

    private decimal RequestsPerMonth => scenario.Workload.RequestsPerMonth;

    /// <summary>Section 7's inputs for this scenario, in its order.</summary>
    public IReadOnlyList<StudiedInput> Inputs => inputs ??= StudiedInputs();

    private List<StudiedInput> StudiedInputs()
    {
        decimal requests = RequestsPerMonth, growth = terms.MonthlyGrowthRate;
        int horizon = terms.HorizonMonths;
        var list = new List<StudiedInput>(6 + (9 * Count))
        {
            Volume(),
            new(StudiedInputKind.MonthlyGrowthRate, -1, growth, MinGrowthRate, LargestGrowth(requests, horizon)),
            new(StudiedInputKind.HorizonMonths, -1, horizon, 1m, LongestHorizon(requests, growth)),
            new(StudiedInputKind.ValuePerCorrectOutput, -1, terms.ValuePerCorrectOutput, 0m, MaxMoney),
            new(StudiedInputKind.CostPerError, -1, terms.CostPerError, 0m, MaxMoney),
            new(StudiedInputKind.ReviewRate, -1, terms.ReviewRate, 0m, 1m),
        };

        for (int i = 0; i < Count; i++)
        {
            Approach a = scenario.Approaches[i];
            list.Add(Accuracy(i));
            list.Add(new(StudiedInputKind.InputTokens, i, a.InputTokens, a.CachedInputTokens ?? 0, MaxRequestTokens));
            list.Add(new(StudiedInputKind.OutputTokens, i, a.OutputTokens, 0m, MaxRequestTokens));
            // The scenario is priced (ScenarioPrices.Resolve): a price named through a model is studied from the catalog's value.
            list.Add(new(StudiedInputKind.InputPerMillion, i, a.Pricing!.InputPerMillion!.Value, 0m, MaxPricePerMillion));
            list.Add(new(StudiedInputKind.OutputPerMillion, i, a.Pricing.OutputPerMillion!.Value, 0m, MaxPricePerMillion));
            list.Add(new(StudiedInputKind.HostingPerHour, i, a.HostingPerHour ?? 0m, 0m, MaxMoney));
            list.Add(new(StudiedInputKind.FixedMonthlyCost, i, a.FixedMonthlyCost ?? 0m, 0m, MaxMoney));
            if (a.Kind == ApproachKind.FineTune && a.Training is { } training)
            {
                list.Add(new(StudiedInputKind.TrainingPerMillion, i, training.TrainingPerMillion ?? 0m, 0m, MaxPricePerMillion));
                list.Add(new(StudiedInputKind.DataPreparationCost, i, training.DataPreparationCost ?? 0m, 0m, MaxMoney));
            }
        }

        return list;
    }

    /// <summary>workload.requestsPerMonth, valid up to 1e12 and as far as the last month's volume stays within 1e15.</summary>
    public StudiedInput Volume()
    {
        // The last month's volume is V(0) x (1 + g)^(horizon - 1): a volume v projects v x lastMonth / V(0).
        decimal max = lastMonthRequests <= RequestsPerMonth
            ? MaxRequestsPerMonth
            : Math.Min(MaxRequestsPerMonth, MaxProjectedMonthlyRequests / (lastMonthRequests / RequestsPerMonth));
        return new(StudiedInputKind.RequestsPerMonth, -1, RequestsPerMonth, MinRequestsPerMonth, max);
    }

    /// <summary>approaches[i].accuracy.</summary>
    public StudiedInput Accuracy(int approach) =>
        new(StudiedInputKind.Accuracy, approach, scenario.Approaches[approach].Accuracy, MinAccuracy, 1m);

    /// <summary>The decision section: every input's nearest boundaries, nearest first, and the inputs without any.</summary>
    public Decision Decision()
    {
        var lines = new List<(DecisionBoundary Line, decimal Distance)>();
        var robust = new List<string>();
        foreach (StudiedInput input in Inputs)
        {
            DecisionBoundary line = Boundary(input);
            if (line.Below is null && line.Above is null)
            {
                robust.Add(line.Path);
                continue;
            }

            decimal scale = Math.Max(Math.Abs(input.Current), DistanceFloor);
            decimal distance = Math.Min(
                line.Below is { } below ? Math.Abs(below.Value - input.Current) / scale : decimal.MaxValue,
                line.Above is { } above ? Math.Abs(above.Value - input.Current) / scale : decimal.MaxValue);
            lines.Add((line, distance));
        }

        // OrderBy is stable: inputs at the same distance keep section 7's order.
        return new Decision(Id(recommended), [.. lines.OrderBy(l => l.Distance).Select(l => l.Line)], robust);
    }

    /// <summary>The tornado: every input at x0.8 and x1.2, largest swing first (lines without a swing last).</summary>
    public List<SensitivityLine> Sensitivity()
    {
        var lines = new List<SensitivityLine>(Inputs.Count);
        foreach (StudiedInput input in Inputs)
        {
            SensitivityPoint low = Point(input, LowFactor);
            SensitivityPoint high = Point(input, HighFactor);
            decimal? swing = high.Margin - low.Margin is decimal difference ? Math.Abs(difference) : null;
            lines.Add(new SensitivityLine(input.Path, low, high, swing));
        }

        return [.. lines.OrderByDescending(l => l.Swing ?? -1m)];
    }

    /// <summary>The scenario evaluated with <paramref name="input"/> at <paramref name="factor"/> times its value.</summary>
    public SensitivityPoint Point(StudiedInput input, decimal factor)
    {
        decimal value = input.Current * factor;
        if (input.IsWhole)
        {
            value = Math.Round(value, MidpointRounding.ToEven);
        }

        value = Math.Clamp(value, input.Min, input.Max);
        Span<decimal> nv = stackalloc decimal[Count];
        Span<decimal> cost = stackalloc decimal[Count];
        Span<bool> ok = stackalloc bool[Count];
        Evaluate(input, value, nv, cost, ok);
        return new SensitivityPoint(value, Id(Analyzer.Recommend(nv, cost, ok)), Margin(nv, ok));
    }

    /// <summary>Whether the recommendation is still today's with <paramref name="input"/> at <paramref name="value"/>.</summary>
    public bool Keeps(StudiedInput input, decimal value)
    {
        Span<decimal> nv = stackalloc decimal[Count];
        Span<decimal> cost = stackalloc decimal[Count];
        Span<bool> ok = stackalloc bool[Count];
        Evaluate(input, value, nv, cost, ok);
        return Analyzer.Recommend(nv, cost, ok) == recommended;
    }

    /// <summary>Net value of today's recommendation minus the best other eligible approach's; null without either.</summary>
    private decimal? Margin(ReadOnlySpan<decimal> nv, ReadOnlySpan<bool> ok)
    {
        if (recommended is not int r)
        {
            return null;
        }

        decimal? best = null;
        for (int i = 0; i < nv.Length; i++)
        {
            if (i != r && ok[i] && (best is not decimal b || nv[i] > b))
            {
                best = nv[i];
            }
        }

        return nv[r] - best;
    }

    /// <summary>The nearest boundary of <paramref name="input"/> on each side of its current value.</summary>
    /// <param name="byPieces">Walk every piece even where the overtaking shortcut applies (the tests compare both).</param>
    public DecisionBoundary Boundary(StudiedInput input, bool byPieces = false)
    {
        (BoundaryCrossing? below, BoundaryCrossing? above) = Crossings(input, byPieces);
        return new DecisionBoundary(input.Path, input.Current, below, above);
    }

    /// <summary>The nearest boundary of <paramref name="input"/> below and above its current value.</summary>
    public (BoundaryCrossing? Below, BoundaryCrossing? Above) Crossings(StudiedInput input, bool byPieces = false) => input.Kind switch
    {
        StudiedInputKind.RequestsPerMonth or StudiedInputKind.MonthlyGrowthRate => InTotalRequests(input, byPieces),
        StudiedInputKind.HorizonMonths => (Horizon(input, -1), Horizon(input, +1)),
        _ => Linear(input, byPieces),
    };

    /// <summary>
    /// The volume and the growth rate move net value only through the total requests T, on the lines
    /// NV(T) = NV(T0) + (T - T0) * (accuracy * valuePerCorrectOutput - economicCost); the boundaries are found in T and
    /// mapped back: T = requestsPerMonth * sum of (1 + g)^m for the volume, by bisection on g for the growth.
    /// </summary>
    private (BoundaryCrossing? Below, BoundaryCrossing? Above) InTotalRequests(StudiedInput input, bool byPieces)
    {
        int n = Count;
        Span<decimal> slope = stackalloc decimal[n];
        Span<decimal> costSlope = stackalloc decimal[n];
        for (int i = 0; i < n; i++)
        {
            PerRequestFigures p = perRequest[i];
            slope[i] = p.Accuracy * terms.ValuePerCorrectOutput - p.EconomicCost;
            costSlope[i] = p.InferenceCost;
        }

        var lines = new Lines(totalRequests, netValue, slope, horizonCost, costSlope, eligible, threshold: null);
        bool volume = input.Kind == StudiedInputKind.RequestsPerMonth;
        decimal growth = terms.MonthlyGrowthRate;
        int horizon = terms.HorizonMonths;
        // T is linear in the volume: T(v) = v x T0 / V(0).
        decimal sumOfPowers = totalRequests / RequestsPerMonth;
        decimal lowest = volume ? input.Min * sumOfPowers : TotalRequests(RequestsPerMonth, input.Min, horizon);
        decimal highest = volume ? input.Max * sumOfPowers : TotalRequests(RequestsPerMonth, input.Max, horizon);

        ((decimal, int?)? below, (decimal, int?)? above) = Nearest(lines, lowest, highest, whole: false, byPieces);
        return (Map(below), Map(above));

        BoundaryCrossing? Map((decimal At, int? Recommended)? found) => found is not { } f
            ? null
            : new BoundaryCrossing(
                f.At == totalRequests ? input.Current
                    : volume ? f.At / sumOfPowers
                    : GrowthFor(f.At, f.At > totalRequests, input.Min, input.Max),
                Id(f.Recommended));
    }

    /// <summary>
    /// The growth rate whose total requests reach <paramref name="target"/>, by bisection to <see cref="GrowthTolerance"/>:
    /// the end of the last interval that lies past the crossing (above it when <paramref name="rising"/>), so the answer has
    /// changed at the value reported and not yet 1e-9 before it.
    /// </summary>
    private decimal GrowthFor(decimal target, bool rising, decimal min, decimal max)
    {
        decimal low = min, high = max;
        while (high - low > GrowthTolerance)
        {
            decimal middle = (low + high) / 2m;
            if (TotalRequests(RequestsPerMonth, middle, terms.HorizonMonths) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return rising ? high : low;
    }

    /// <summary>
    /// An input on which every net value is linear: the lines through today's net values and those at the far end of the
    /// range (for an accuracy, the slope in closed form), with the approach's eligibility threshold for an accuracy.
    /// </summary>
    private (BoundaryCrossing? Below, BoundaryCrossing? Above) Linear(StudiedInput input, bool byPieces)
    {
        decimal x0 = input.Current;
        if (input.Min == input.Max)
        {
            return (null, null);
        }

        int n = Count;
        Span<decimal> slope = stackalloc decimal[n];
        Span<decimal> costSlope = stackalloc decimal[n];
        if (input.Kind == StudiedInputKind.Accuracy)
        {
            // Only this approach moves, and only its net value: with blended accuracy (1 - s) x a + s x routing.accuracy,
            // d netValue / d a = T x (1 - s) x (valuePerCorrectOutput + (1 - reviewRate) x costPerError).
            decimal share = scenario.Approaches[input.Approach].Routing?.Share ?? 0m;
            slope[input.Approach] = totalRequests * (1m - share) * (terms.ValuePerCorrectOutput + ((1m - terms.ReviewRate) * terms.CostPerError));
        }
        else
        {
            decimal x1 = x0 - input.Min >= input.Max - x0 ? input.Min : input.Max;
            Span<decimal> far = stackalloc decimal[n];
            Span<decimal> farCost = stackalloc decimal[n];
            Span<bool> farOk = stackalloc bool[n];
            Evaluate(input, x1, far, farCost, farOk);
            decimal run = x1 - x0;
            for (int i = 0; i < n; i++)
            {
                slope[i] = (far[i] - netValue[i]) / run;
                costSlope[i] = (farCost[i] - horizonCost[i]) / run;
            }
        }

        var lines = new Lines(x0, netValue, slope, horizonCost, costSlope, eligible, AccuracyThreshold(input));
        ((decimal, int?)? below, (decimal, int?)? above) = Nearest(lines, input.Min, input.Max, input.IsWhole, byPieces);
        return (Cross(below), Cross(above));

        BoundaryCrossing? Cross((decimal At, int? Recommended)? found) =>
            found is { } f ? new BoundaryCrossing(f.At, Id(f.Recommended)) : null;
    }

    /// <summary>
    /// For an approach's accuracy under requiredAccuracy: the accuracy at which its blended accuracy
    /// (1 - s) * accuracy + s * routing.accuracy reaches the requirement; null when eligibility cannot change.
    /// </summary>
    private EligibilityThreshold? AccuracyThreshold(StudiedInput input)
    {
        if (input.Kind != StudiedInputKind.Accuracy || terms.RequiredAccuracy is not decimal required)
        {
            return null;
        }

        Routing? routing = scenario.Approaches[input.Approach].Routing;
        decimal share = routing?.Share ?? 0m;
        return share >= 1m
            ? null
            : new EligibilityThreshold(input.Approach, (required - (share * (routing?.Accuracy ?? 0m))) / (1m - share));
    }

    /// <summary>The nearest whole horizon on one side at which the recommendation differs, evaluated month by month.</summary>
    private BoundaryCrossing? Horizon(StudiedInput input, int direction)
    {
        int n = Count;
        int longest = (int)input.Max;
        Span<decimal> nv = stackalloc decimal[n];
        Span<decimal> cost = stackalloc decimal[n];

        // totals[h - 1] = total requests of an h-month horizon, summed as Economics.TotalRequests sums them.
        Span<decimal> totals = stackalloc decimal[longest];
        decimal factor = 1m + terms.MonthlyGrowthRate, volume = RequestsPerMonth, total = 0m;
        for (int m = 0; m < longest; m++)
        {
            total += volume;
            volume *= factor;
            totals[m] = total;
        }

        for (int months = (int)input.Current + direction; months >= input.Min && months <= longest; months += direction)
        {
            Totals(totals[months - 1], months, terms, perRequest, nv, cost);
            int? answer = Analyzer.Recommend(nv, cost, eligible);
            if (answer != recommended)
            {
                return new BoundaryCrossing(months, Id(answer));
            }
        }

        return null;
    }

    /// <summary>
    /// Net values and horizon costs on lines in one coordinate (value + slope * (x - origin)), each approach's eligibility, and
    /// where the one eligibility that can switch does.
    /// </summary>
    private readonly ref struct Lines
    {
        private readonly ReadOnlySpan<decimal> cost;
        private readonly ReadOnlySpan<decimal> costSlope;
        private readonly ReadOnlySpan<bool> eligible;

        public Lines(
            decimal origin,
            ReadOnlySpan<decimal> value,
            ReadOnlySpan<decimal> slope,
            ReadOnlySpan<decimal> cost,
            ReadOnlySpan<decimal> costSlope,
            ReadOnlySpan<bool> eligible,
            EligibilityThreshold? threshold)
        {
            Origin = origin;
            Value = value;
            Slope = slope;
            this.cost = cost;
            this.costSlope = costSlope;
            this.eligible = eligible;
            Threshold = threshold;
        }

        public decimal Origin { get; }

        public ReadOnlySpan<decimal> Value { get; }

        public ReadOnlySpan<decimal> Slope { get; }

        public EligibilityThreshold? Threshold { get; }

        /// <summary>Whether approach <paramref name="i"/> is eligible at the origin.</summary>
        public bool IsEligible(int i) => eligible[i];

        /// <summary>The recommendation at <paramref name="x"/> among the eligible approaches other than <paramref name="excluded"/>.</summary>
        public int? RecommendWithout(int excluded, decimal x)
        {
            decimal offset = x - Origin;
            int? best = null;
            decimal bestValue = 0m;
            for (int i = 0; i < Value.Length; i++)
            {
                if (i == excluded || !eligible[i])
                {
                    continue;
                }

                decimal value = Value[i] + (Slope[i] * offset);
                if (best is not int b || value > bestValue
                    || (value == bestValue && cost[i] + (costSlope[i] * offset) < cost[b] + (costSlope[b] * offset)))
                {
                    best = i;
                    bestValue = value;
                }
            }

            return best;
        }

        /// <summary>
        /// The recommendation at coordinate <paramref name="x"/>, ties broken as <see cref="Analyzer.Recommend(ReadOnlySpan{decimal}, ReadOnlySpan{decimal}, ReadOnlySpan{bool})"/>
        /// breaks them (the horizon cost is only worked out for a tie).
        /// </summary>
        public int? RecommendAt(decimal x)
        {
            decimal offset = x - Origin;
            int? best = null;
            decimal bestValue = 0m;
            for (int i = 0; i < Value.Length; i++)
            {
                bool ok = x != Origin && Threshold is { } t && t.Approach == i ? x >= t.At : eligible[i];
                if (!ok)
                {
                    continue;
                }

                decimal value = Slope[i] == 0m ? Value[i] : Value[i] + (Slope[i] * offset);
                if (best is not int b || value > bestValue
                    || (value == bestValue && cost[i] + (costSlope[i] * offset) < cost[b] + (costSlope[b] * offset)))
                {
                    best = i;
                    bestValue = value;
                }
            }

            return best;
        }
    }

    /// <summary>An approach that is eligible exactly from <paramref name="At"/> up (an accuracy against requiredAccuracy).</summary>
    private readonly record struct EligibilityThreshold(int Approach, decimal At);

    /// <summary>
    /// The nearest boundary on each side of the origin, up to <paramref name="lowest"/> and <paramref name="highest"/>
    /// (inclusive): every crossing of two lines and the eligibility threshold split the way into pieces on which the
    /// recommendation cannot change, and the first piece whose recommendation differs from today's starts at the boundary.
    /// With <paramref name="whole"/> only whole coordinates are evaluated, so a piece without one is passed over.
    /// </summary>
    private ((decimal At, int? Recommended)? Below, (decimal At, int? Recommended)? Above) Nearest(
        in Lines lines, decimal lowest, decimal highest, bool whole, bool byPieces)
    {
        if (!whole && !byPieces && recommended is int winner && OvertakingOnly(lines, winner))
        {
            return (Overtaking(lines, winner, -1, lowest), Overtaking(lines, winner, +1, highest));
        }

        decimal origin = lines.Origin;
        int n = lines.Value.Length;
        Span<decimal> points = stackalloc decimal[1 + (n * (n - 1) / 2)];
        int count = 0;

        // Whether the recommendation right next to the origin can differ from today's: a tie there, or an eligibility that
        // the threshold and today's figures do not agree on. Without either, the first piece on each side is today's.
        bool edge = false;
        double reach = Math.Max((double)(highest - origin), (double)(origin - lowest));
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                // Lines i and j meet where value_i + slope_i * d = value_j + slope_j * d.
                decimal gap = lines.Value[j] - lines.Value[i], closing = lines.Slope[i] - lines.Slope[j];
                if (gap == 0m)
                {
                    edge = true;
                    continue;
                }

                // A meeting beyond the range is passed over without its (costly, possibly overflowing) decimal quotient.
                if (closing == 0m || Math.Abs((double)gap / (double)closing) > 2 * reach)
                {
                    continue;
                }

                decimal at = origin + (gap / closing);
                if (at > lowest && at < highest && at != origin)
                {
                    points[count++] = at;
                }
            }
        }

        if (lines.Threshold is { } threshold)
        {
            edge |= threshold.At == origin || (origin >= threshold.At) != lines.IsEligible(threshold.Approach);
            if (threshold.At != origin && threshold.At > lowest && threshold.At < highest)
            {
                points[count++] = threshold.At;
            }
        }

        Span<decimal> sorted = points[..count];
        sorted.Sort();
        int split = sorted.BinarySearch(origin);
        split = split < 0 ? ~split : split;
        Span<decimal> below = sorted[..split];
        below.Reverse();
        return (Side(lines, below, -1, lowest, whole, edge), Side(lines, sorted[split..], +1, highest, whole, edge));
    }

    /// <summary>
    /// Whether the answer can only change where another eligible approach's line overtakes the recommendation's, or where the
    /// recommendation itself loses eligibility: no other approach's eligibility moves, and none ties with the recommendation
    /// today. Then the first such point on each side is the boundary, and the approach that overtakes there is the new
    /// recommendation (every other was below the recommendation there, so below it too): the same answer as the piece by
    /// piece walk, without evaluating any piece.
    /// </summary>
    private static bool OvertakingOnly(in Lines lines, int winner)
    {
        // A threshold of another approach, or one today's eligibility does not agree with, takes the walk.
        if (lines.Threshold is { } threshold
            && (threshold.Approach != winner || threshold.At > lines.Origin || !lines.IsEligible(winner)))
        {
            return false;
        }

        for (int j = 0; j < lines.Value.Length; j++)
        {
            if (j != winner && lines.IsEligible(j) && lines.Value[j] == lines.Value[winner])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The nearest point towards <paramref name="end"/> at which another approach overtakes <paramref name="winner"/>, or it loses eligibility.</summary>
    private static (decimal At, int? Recommended)? Overtaking(in Lines lines, int winner, int direction, decimal end)
    {
        decimal origin = lines.Origin;
        if (direction > 0 ? end <= origin : end >= origin)
        {
            return null;
        }

        double reach = Math.Abs((double)(end - origin));
        decimal? nearest = null;
        int? next = null;
        bool up = direction > 0;
        for (int j = 0; j < lines.Value.Length; j++)
        {
            // Only an eligible approach that gains on the recommendation in this direction can overtake it.
            if (j == winner || !lines.IsEligible(j) || (up ? lines.Slope[j] <= lines.Slope[winner] : lines.Slope[j] >= lines.Slope[winner]))
            {
                continue;
            }

            // The meeting point as the piece by piece walk computes it, from the lower index to the higher.
            (int a, int b) = j < winner ? (j, winner) : (winner, j);
            decimal gap = lines.Value[b] - lines.Value[a], closing = lines.Slope[a] - lines.Slope[b];
            if (Math.Abs((double)gap / (double)closing) > 2 * reach)
            {
                continue;
            }

            decimal at = origin + (gap / closing);
            if ((up ? at >= end : at <= end) || (nearest is decimal n && (up ? at > n : at < n)))
            {
                continue;
            }

            // At the same point, the approach that gains faster comes out ahead.
            if (nearest == at && next is int k && (up ? lines.Slope[k] >= lines.Slope[j] : lines.Slope[k] <= lines.Slope[j]))
            {
                continue;
            }

            nearest = at;
            next = j;
        }

        if (direction < 0 && lines.Threshold is { } t && t.At <= origin && t.At > end && (nearest is not decimal m || t.At >= m))
        {
            // Below its threshold the recommendation is excluded: the best of the others there takes over.
            return (t.At, lines.RecommendWithout(winner, t.At));
        }

        return nearest is decimal found ? (found, next) : null;
    }

    /// <summary>The first piece on one side, from the origin through <paramref name="points"/> (nearest first) to <paramref name="end"/>, whose recommendation differs.</summary>
    private (decimal At, int? Recommended)? Side(
        in Lines lines, ReadOnlySpan<decimal> points, int direction, decimal end, bool whole, bool edge)
    {
        decimal start = lines.Origin;
        if ((end - start) * direction <= 0m)
        {
            return null;
        }

        for (int k = 0; k <= points.Length; k++)
        {
            bool last = k == points.Length;
            decimal next = last ? end : points[k];
            if ((k > 0 || edge) && next != start && Probe(start, next, last, direction, whole) is decimal probe
                && lines.RecommendAt(probe) is var answer && answer != recommended)
            {
                return (start, answer);
            }

            start = next;
        }

        return null;
    }

    /// <summary>A coordinate strictly inside (start, next), or at next when it is the range's end; whole when asked.</summary>
    private static decimal? Probe(decimal start, decimal next, bool last, int direction, bool whole)
    {
        if (!whole)
        {
            return start + ((next - start) / 2m);
        }

        decimal candidate = direction > 0 ? Math.Floor(start) + 1m : Math.Ceiling(start) - 1m;
        decimal beyond = (candidate - next) * direction;
        return beyond < 0m || (last && beyond == 0m) ? candidate : null;
    }

    /// <summary>Net value, horizon cost and eligibility of every approach with <paramref name="input"/> set to <paramref name="value"/>.</summary>
    private void Evaluate(StudiedInput input, decimal value, Span<decimal> nv, Span<decimal> cost, Span<bool> ok)
    {
        netValue.CopyTo(nv);
        horizonCost.CopyTo(cost);
        eligible.CopyTo(ok);
        int horizon = terms.HorizonMonths;
        switch (input.Kind)
        {
            case StudiedInputKind.RequestsPerMonth:
                Totals(TotalRequests(value, terms.MonthlyGrowthRate, horizon), horizon, terms, perRequest, nv, cost);
                return;
            case StudiedInputKind.MonthlyGrowthRate:
                Totals(TotalRequests(RequestsPerMonth, value, horizon), horizon, terms, perRequest, nv, cost);
                return;
            case StudiedInputKind.HorizonMonths:
                int months = (int)value;
                Totals(TotalRequests(RequestsPerMonth, terms.MonthlyGrowthRate, months), months, terms, perRequest, nv, cost);
                return;
            case StudiedInputKind.ValuePerCorrectOutput:
                Requote(terms with { ValuePerCorrectOutput = value }, nv, cost);
                return;
            case StudiedInputKind.CostPerError:
                Requote(terms with { CostPerError = value }, nv, cost);
                return;
            case StudiedInputKind.ReviewRate:
                Requote(terms with { ReviewRate = value }, nv, cost);
                return;
        }

        int i = input.Approach;
        Approach approach = With(scenario.Approaches[i], input.Kind, value);
        PerRequestFigures p = Economics.PerRequest(approach, terms);
        FixedFigures f = Economics.Fixed(approach);
        int runs = f.RunsWithin(horizon, approach.Training is not null);
        cost[i] = Economics.HorizonCost(p, f, runs, horizon, totalRequests);
        nv[i] = Economics.NetValue(p, terms.ValuePerCorrectOutput, totalRequests, cost[i], Economics.QualityCost(p, totalRequests));
        ok[i] = terms.RequiredAccuracy is not decimal required || p.Accuracy >= required;
    }

    /// <summary>Every approach priced again under other quality terms (their fixed and training costs do not move).</summary>
    private void Requote(ScenarioTerms changed, Span<decimal> nv, Span<decimal> cost)
    {
        int horizon = changed.HorizonMonths;
        for (int i = 0; i < nv.Length; i++)
        {
            PerRequestFigures p = Economics.PerRequest(scenario.Approaches[i], changed);
            int runs = fixedFigures[i].RunsWithin(horizon, scenario.Approaches[i].Training is not null);
            cost[i] = Economics.HorizonCost(p, fixedFigures[i], runs, horizon, totalRequests);
            nv[i] = Economics.NetValue(p, changed.ValuePerCorrectOutput, totalRequests, cost[i], Economics.QualityCost(p, totalRequests));
        }
    }

    /// <summary>Every approach's horizon cost and net value over <paramref name="months"/> months holding <paramref name="requests"/> requests.</summary>
    private void Totals(
        decimal requests, int months, ScenarioTerms at, PerRequestFigures[] figures, Span<decimal> nv, Span<decimal> cost)
    {
        for (int i = 0; i < nv.Length; i++)
        {
            PerRequestFigures p = figures[i];
            int runs = fixedFigures[i].RunsWithin(months, scenario.Approaches[i].Training is not null);
            cost[i] = Economics.HorizonCost(p, fixedFigures[i], runs, months, requests);
            nv[i] = Economics.NetValue(p, at.ValuePerCorrectOutput, requests, cost[i], Economics.QualityCost(p, requests));
        }
    }

    private static Approach With(Approach approach, StudiedInputKind kind, decimal value) => kind switch
    {
        StudiedInputKind.Accuracy => approach with { Accuracy = value },
        StudiedInputKind.InputTokens => approach with { InputTokens = (long)value },
        StudiedInputKind.OutputTokens => approach with { OutputTokens = (long)value },
        StudiedInputKind.InputPerMillion => approach with { Pricing = approach.Pricing! with { InputPerMillion = value } },
        StudiedInputKind.OutputPerMillion => approach with { Pricing = approach.Pricing! with { OutputPerMillion = value } },
        StudiedInputKind.HostingPerHour => approach with { HostingPerHour = value },
        StudiedInputKind.FixedMonthlyCost => approach with { FixedMonthlyCost = value },
        StudiedInputKind.TrainingPerMillion => approach with { Training = approach.Training! with { TrainingPerMillion = value } },
        StudiedInputKind.DataPreparationCost => approach with { Training = approach.Training! with { DataPreparationCost = value } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an approach input."),
    };

    /// <summary>totalRequests of section 3 for a workload, the volumes taken exactly as <see cref="Economics.Volumes"/> takes them.</summary>
    public static decimal TotalRequests(decimal requestsPerMonth, decimal growth, int months)
    {
        decimal factor = 1m + growth, volume = requestsPerMonth, total = 0m;
        for (int m = 0; m < months; m++)
        {
            total += volume;
            volume *= factor;
        }

        return total;
    }

    /// <summary>Whether the last month's volume stays within 1e15, checked as the scenario's validation checks it.</summary>
    private static bool Fits(decimal requestsPerMonth, decimal growth, int months)
    {
        decimal volume = requestsPerMonth, factor = 1m + growth;
        for (int m = 1; m < months; m++)
        {
            volume *= factor;
            if (volume > MaxProjectedMonthlyRequests)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The largest valid growth rate for this volume and horizon: 1, or less where the 1e15 projection limits it.</summary>
    private static decimal LargestGrowth(decimal requestsPerMonth, int months)
    {
        if (Fits(requestsPerMonth, MaxGrowthRate, months))
        {
            return MaxGrowthRate;
        }

        decimal low = MinGrowthRate, high = MaxGrowthRate;
        while (high - low > GrowthTolerance)
        {
            decimal middle = (low + high) / 2m;
            if (Fits(requestsPerMonth, middle, months))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The longest valid horizon for this volume and growth: 120 months, or less where the 1e15 projection limits it.</summary>
    private static int LongestHorizon(decimal requestsPerMonth, decimal growth)
    {
        int months = ScenarioLimits.MaxMonths;
        while (months > 1 && !Fits(requestsPerMonth, growth, months))
        {
            months--;
        }

        return months;
    }

    private string? Id(int? index) => index is int i ? scenario.Approaches[i].Id : null;
}
