using System.Globalization;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core;

/// <summary>One input of economics.md section 7, with its value today and its valid range.</summary>
/// <param name="Approach">The approach it belongs to; -1 for a workload or quality input.</param>
/// <param name="Current">Its value today, or its default when the scenario leaves it out.</param>
/// <param name="Min">The smallest valid value (<see cref="ScenarioLimits"/>, and for input tokens the cached input tokens).</param>
/// <param name="Max">The largest valid value (for the workload inputs, also the largest the 1e15 projection allows).</param>
internal readonly record struct StudiedInput(StudiedInputKind Kind, int Approach, decimal Current, decimal Min, decimal Max)
{
    /// <summary>Whether the input takes whole values only (token counts and months).</summary>
    public bool IsWhole => Kind is StudiedInputKind.InputTokens or StudiedInputKind.OutputTokens or StudiedInputKind.HorizonMonths;

    /// <summary>The input's JSON path in the scenario.</summary>
    public string Path => Kind switch
    {
        StudiedInputKind.RequestsPerMonth => "workload.requestsPerMonth",
        StudiedInputKind.MonthlyGrowthRate => "workload.monthlyGrowthRate",
        StudiedInputKind.HorizonMonths => "workload.horizonMonths",
        StudiedInputKind.ValuePerCorrectOutput => "quality.valuePerCorrectOutput",
        StudiedInputKind.CostPerError => "quality.costPerError",
        StudiedInputKind.ReviewRate => "quality.reviewRate",
        _ => string.Create(CultureInfo.InvariantCulture, $"approaches[{Approach}].{Kind switch
        {
            StudiedInputKind.Accuracy => "accuracy",
            StudiedInputKind.InputTokens => "inputTokens",
            StudiedInputKind.OutputTokens => "outputTokens",
            StudiedInputKind.InputPerMillion => "pricing.inputPerMillion",
            StudiedInputKind.OutputPerMillion => "pricing.outputPerMillion",
            StudiedInputKind.HostingPerHour => "hostingPerHour",
            StudiedInputKind.FixedMonthlyCost => "fixedMonthlyCost",
            StudiedInputKind.TrainingPerMillion => "training.trainingPerMillion",
            StudiedInputKind.DataPreparationCost => "training.dataPreparationCost",
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not an approach input."),
        }}"),
    };
}

/// <summary>The inputs section 7 studies, in its order.</summary>
internal enum StudiedInputKind
{
    RequestsPerMonth,
    MonthlyGrowthRate,
    HorizonMonths,
    ValuePerCorrectOutput,
    CostPerError,
    ReviewRate,
    Accuracy,
    InputTokens,
    OutputTokens,
    InputPerMillion,
    OutputPerMillion,
    HostingPerHour,
    FixedMonthlyCost,
    TrainingPerMillion,
    DataPreparationCost,
}

/// <summary>
/// What would change the answer (economics.md section 7): the scenario with one input moved, every other held. Net value
/// depends on the monthly volume and the growth rate only through the horizon's total requests T, and linearly on T, so
/// both are solved as lines in T (growth then found by bisection on T(g)); it is linear in every other studied input but
/// the horizon, so those are solved as lines through today's value and a second evaluation at the far end of the range.
/// Eligibility (requiredAccuracy) makes the answer piecewise: every crossing and eligibility threshold splits the range,
/// and the recommendation is read between them, so a reported boundary is always one where the answer really changes.
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
    private readonly int? recommended;
    private List<StudiedInput>? inputs;

    public WhatIf(
        Scenario scenario, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures, bool[] eligible,
        HorizonResult[] horizon, int? recommended)
    {
        this.scenario = scenario;
        this.terms = terms;
        this.perRequest = perRequest;
        this.fixedFigures = fixedFigures;
        this.eligible = eligible;
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
            list.Add(new(StudiedInputKind.InputPerMillion, i, a.Pricing.InputPerMillion, 0m, MaxPricePerMillion));
            list.Add(new(StudiedInputKind.OutputPerMillion, i, a.Pricing.OutputPerMillion, 0m, MaxPricePerMillion));
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
        decimal growth = Power(1m + terms.MonthlyGrowthRate, terms.HorizonMonths - 1);
        decimal max = growth <= 1m ? MaxRequestsPerMonth : Math.Min(MaxRequestsPerMonth, MaxProjectedMonthlyRequests / growth);
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
    public DecisionBoundary Boundary(StudiedInput input)
    {
        (BoundaryCrossing? below, BoundaryCrossing? above) = input.Kind switch
        {
            StudiedInputKind.RequestsPerMonth or StudiedInputKind.MonthlyGrowthRate => InTotalRequests(input),
            StudiedInputKind.HorizonMonths => (Horizon(input, -1), Horizon(input, +1)),
            _ => Linear(input),
        };
        return new DecisionBoundary(input.Path, input.Current, below, above);
    }

    /// <summary>
    /// The volume and the growth rate move net value only through the total requests T, on the lines
    /// NV(T) = NV(T0) + (T - T0) * (accuracy * valuePerCorrectOutput - economicCost); the boundaries are found in T and
    /// mapped back: T = requestsPerMonth * sum of (1 + g)^m for the volume, by bisection on g for the growth.
    /// </summary>
    private (BoundaryCrossing? Below, BoundaryCrossing? Above) InTotalRequests(StudiedInput input)
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
        decimal sumOfPowers = TotalRequests(1m, growth, horizon);
        decimal lowest = volume ? input.Min * sumOfPowers : TotalRequests(RequestsPerMonth, input.Min, horizon);
        decimal highest = volume ? input.Max * sumOfPowers : TotalRequests(RequestsPerMonth, input.Max, horizon);

        return (Map(Nearest(lines, -1, lowest, whole: false)), Map(Nearest(lines, +1, highest, whole: false)));

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
    /// range, with the recommendation's eligibility threshold for an accuracy.
    /// </summary>
    private (BoundaryCrossing? Below, BoundaryCrossing? Above) Linear(StudiedInput input)
    {
        decimal x0 = input.Current;
        if (input.Min == input.Max)
        {
            return (null, null);
        }

        decimal x1 = x0 - input.Min >= input.Max - x0 ? input.Min : input.Max;
        int n = Count;
        Span<decimal> far = stackalloc decimal[n];
        Span<decimal> farCost = stackalloc decimal[n];
        Span<bool> farOk = stackalloc bool[n];
        Evaluate(input, x1, far, farCost, farOk);

        Span<decimal> slope = stackalloc decimal[n];
        Span<decimal> costSlope = stackalloc decimal[n];
        decimal run = x1 - x0;
        for (int i = 0; i < n; i++)
        {
            slope[i] = (far[i] - netValue[i]) / run;
            costSlope[i] = (farCost[i] - horizonCost[i]) / run;
        }

        var lines = new Lines(x0, netValue, slope, horizonCost, costSlope, eligible, AccuracyThreshold(input));
        return (Cross(Nearest(lines, -1, input.Min, input.IsWhole)), Cross(Nearest(lines, +1, input.Max, input.IsWhole)));

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
        decimal factor = 1m + terms.MonthlyGrowthRate, power = 1m, total = 0m;
        for (int m = 0; m < longest; m++)
        {
            total += RequestsPerMonth * power;
            power *= factor;
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

        /// <summary>The recommendation at coordinate <paramref name="x"/>, ties broken as the analysis breaks them.</summary>
        public int? RecommendAt(decimal x)
        {
            decimal offset = x - Origin;
            Span<decimal> nv = stackalloc decimal[Value.Length];
            Span<decimal> hc = stackalloc decimal[Value.Length];
            Span<bool> ok = stackalloc bool[Value.Length];
            for (int i = 0; i < nv.Length; i++)
            {
                nv[i] = Value[i] + (Slope[i] * offset);
                hc[i] = cost[i] + (costSlope[i] * offset);
                ok[i] = x != Origin && Threshold is { } t && t.Approach == i ? x >= t.At : eligible[i];
            }

            return Analyzer.Recommend(nv, hc, ok);
        }
    }

    /// <summary>An approach that is eligible exactly from <paramref name="At"/> up (an accuracy against requiredAccuracy).</summary>
    private readonly record struct EligibilityThreshold(int Approach, decimal At);

    /// <summary>
    /// Walks from the origin towards <paramref name="end"/> (inclusive) in <paramref name="direction"/>: every crossing of two
    /// lines and the eligibility threshold split the way into pieces on which the recommendation cannot change, and the first
    /// piece whose recommendation differs from today's starts at the boundary. With <paramref name="whole"/> only whole
    /// coordinates are evaluated, so a piece without one is passed over.
    /// </summary>
    private (decimal At, int? Recommended)? Nearest(in Lines lines, int direction, decimal end, bool whole)
    {
        decimal origin = lines.Origin;
        if ((end - origin) * direction <= 0m)
        {
            return null;
        }

        int n = lines.Value.Length;
        Span<decimal> points = stackalloc decimal[2 + (n * (n - 1) / 2)];
        int count = 0;
        points[count++] = origin;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                // Lines i and j meet where value_i + slope_i * d = value_j + slope_j * d.
                if (Economics.Ratio(lines.Value[j] - lines.Value[i], lines.Slope[i] - lines.Slope[j]) is decimal d
                    && d * direction > 0m && (origin + d - end) * direction < 0m)
                {
                    points[count++] = origin + d;
                }
            }
        }

        if (lines.Threshold is { } threshold && (threshold.At - origin) * direction > 0m && (threshold.At - end) * direction < 0m)
        {
            points[count++] = threshold.At;
        }

        Span<decimal> sorted = points[..count];
        sorted.Sort();
        if (direction < 0)
        {
            sorted.Reverse();
        }

        for (int k = 0; k < sorted.Length; k++)
        {
            decimal start = sorted[k];
            bool last = k + 1 == sorted.Length;
            decimal next = last ? end : sorted[k + 1];
            if (next == start || Probe(start, next, last, direction, whole) is not decimal probe)
            {
                continue;
            }

            int? answer = lines.RecommendAt(probe);
            if (answer != recommended)
            {
                return (start, answer);
            }
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
        StudiedInputKind.InputPerMillion => approach with { Pricing = approach.Pricing with { InputPerMillion = value } },
        StudiedInputKind.OutputPerMillion => approach with { Pricing = approach.Pricing with { OutputPerMillion = value } },
        StudiedInputKind.HostingPerHour => approach with { HostingPerHour = value },
        StudiedInputKind.FixedMonthlyCost => approach with { FixedMonthlyCost = value },
        StudiedInputKind.TrainingPerMillion => approach with { Training = approach.Training! with { TrainingPerMillion = value } },
        StudiedInputKind.DataPreparationCost => approach with { Training = approach.Training! with { DataPreparationCost = value } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an approach input."),
    };

    /// <summary>totalRequests of section 3 for a workload, the volumes taken exactly as <see cref="Economics.Volumes"/> takes them.</summary>
    public static decimal TotalRequests(decimal requestsPerMonth, decimal growth, int months)
    {
        decimal factor = 1m + growth, power = 1m, total = 0m;
        for (int m = 0; m < months; m++)
        {
            total += requestsPerMonth * power;
            power *= factor;
        }

        return total;
    }

    private static decimal Power(decimal factor, int exponent)
    {
        decimal power = 1m;
        for (int i = 0; i < exponent; i++)
        {
            power *= factor;
        }

        return power;
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
