using System.Globalization;

namespace FineTune.Core;

/// <summary>The sentences of an analysis: why an approach is recommended, and why a figure is null.</summary>
internal static class Explanations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>10^0 .. 10^28.</summary>
    private static readonly decimal[] Powers = [.. Enumerable.Range(0, 29).Select(e => Enumerable.Repeat(10m, e).Aggregate(1m, (p, t) => p * t))];

    /// <summary>10^0 .. 10^-28.</summary>
    private static readonly decimal[] Fractions = [.. Enumerable.Range(0, 29).Select(e => Enumerable.Repeat(0.1m, e).Aggregate(1m, (p, t) => p * t))];

    /// <summary>
    /// The reasons of the recommendation: what decided it (net value, or cost when no value per correct output was given),
    /// the nearest monthly volume and accuracy at which it would change (section 7), and how it pays back against the
    /// baseline in both views (said once when the views agree). Thresholds are rounded to 4 significant digits towards the
    /// current value, so the sentence stays true; request counts are rounded to whole requests.
    /// </summary>
    public static Recommendation Recommendation(
        IReadOnlyList<Approach> approaches,
        HorizonResult[] horizon,
        PerRequestFigures[] perRequest,
        bool[] eligible,
        int? recommended,
        int baseline,
        IReadOnlyList<BreakEven> breakEven,
        ScenarioTerms terms,
        WhatIf whatIf)
    {
        var reasons = new List<string>(5);
        if (recommended is not int winner)
        {
            int best = 0;
            for (int i = 1; i < approaches.Count; i++)
            {
                best = perRequest[i].Accuracy > perRequest[best].Accuracy ? i : best;
            }

            reasons.Add($"No approach reaches the required accuracy of {Number(terms.RequiredAccuracy!.Value)}; the most accurate, "
                + $"{approaches[best].Id}, reaches {Number(perRequest[best].Accuracy)}. Improve an approach or lower requiredAccuracy.");
            return new(null, reasons);
        }

        int? runnerUp = null;
        for (int i = 0; i < approaches.Count; i++)
        {
            if (i != winner && eligible[i] && (runnerUp is not int r || Recommends(horizon[i], horizon[r])))
            {
                runnerUp = i;
            }
        }

        string id = approaches[winner].Id;
        reasons.Add(Lead(approaches, horizon, winner, runnerUp, terms));
        if (Threshold(whatIf, winner, approaches) is { } threshold)
        {
            reasons.Add(threshold);
        }

        string baselineId = approaches[baseline].Id;
        if (winner != baseline)
        {
            AgainstBaseline(reasons, breakEven.First(b => b.ApproachId == id), terms.HorizonMonths);
        }
        else if (runnerUp is int alternative)
        {
            reasons.Add(Alternative(breakEven.First(b => b.ApproachId == approaches[alternative].Id), terms.HorizonMonths));
        }

        for (int i = 0; i < approaches.Count; i++)
        {
            if (!eligible[i])
            {
                reasons.Add($"{approaches[i].Id} is excluded: its accuracy {Number(perRequest[i].Accuracy)} is below the required "
                    + $"{Number(terms.RequiredAccuracy!.Value)}.");
            }
        }

        return new(id, reasons);
    }

    /// <summary>Whether <paramref name="a"/> is recommended over <paramref name="b"/>: more net value, else less horizon cost.</summary>
    private static bool Recommends(HorizonResult a, HorizonResult b) =>
        a.NetValue > b.NetValue || (a.NetValue == b.NetValue && a.HorizonCost < b.HorizonCost);

    /// <summary>
    /// What decided: net value, or with no value per correct output (net value is then minus every cost) the lowest all-in
    /// cost over the horizon.
    /// </summary>
    private static string Lead(IReadOnlyList<Approach> approaches, HorizonResult[] horizon, int winner, int? runnerUp, ScenarioTerms terms)
    {
        string id = approaches[winner].Id;
        HorizonResult w = horizon[winner];
        bool costOnly = terms.ValuePerCorrectOutput == 0m;
        bool quality = false;
        foreach (HorizonResult h in horizon)
        {
            quality |= h.QualityCost != 0m;
        }

        if (approaches.Count == 1)
        {
            return costOnly
                ? $"{id} is the only approach: it costs {Money(-w.NetValue)} over the {terms.HorizonMonths}-month horizon"
                    + (quality ? " with review and error costs." : ".")
                : $"{id} is the only approach: it creates {Money(w.NetValue)} of net value over the {terms.HorizonMonths}-month horizon.";
        }

        string lead = costOnly
            ? $"{id} costs least over the {terms.HorizonMonths}-month horizon: {Money(-w.NetValue)}"
                + (quality ? " with review and error costs" : "")
            : $"{id} creates the most net value over the {terms.HorizonMonths}-month horizon: {Money(w.NetValue)}";
        if (runnerUp is not int second)
        {
            return lead + ".";
        }

        HorizonResult r = horizon[second];
        string other = approaches[second].Id;
        if (r.NetValue != w.NetValue)
        {
            return costOnly
                ? $"{lead}, {Money(w.NetValue - r.NetValue)} less than {other} ({Money(-r.NetValue)})."
                : $"{lead}, {Money(w.NetValue - r.NetValue)} more than {other} ({Money(r.NetValue)}).";
        }

        string tie = costOnly ? $"as little as {other}" : $"as much as {other}";
        return r.HorizonCost == w.HorizonCost
            ? $"{lead}, {tie} at the same cost; it comes first in the list."
            : $"{lead}, {tie}, and less before review and error costs ({Money(w.HorizonCost)} against {Money(r.HorizonCost)}).";
    }

    /// <summary>
    /// The nearest boundaries of section 7 a person asks for first: the monthly volume, and the recommendation's own accuracy.
    /// </summary>
    private static string? Threshold(WhatIf whatIf, int winner, IReadOnlyList<Approach> approaches)
    {
        StudiedInput volumeInput = whatIf.Volume(), accuracyInput = whatIf.Accuracy(winner);
        (BoundaryCrossing? volumeBelow, BoundaryCrossing? volumeAbove) = whatIf.Crossings(volumeInput);
        (BoundaryCrossing? accuracyBelow, BoundaryCrossing? accuracyAbove) = whatIf.Crossings(accuracyInput);

        // The studied input is the approach's own accuracy; with routing, the analysis shows it blended with the routed model's.
        string its = approaches[winner].Routing is null ? "its accuracy" : "its own model's accuracy";
        string?[] clauses =
        [
            Clause(volumeInput, volumeBelow, "monthly requests fall below", below: true),
            Clause(volumeInput, volumeAbove, "monthly requests rise above", below: false),
            Clause(accuracyInput, accuracyBelow, $"{its} falls below", below: true),
            Clause(accuracyInput, accuracyAbove, $"{its} rises above", below: false),
        ];

        string id = approaches[winner].Id;
        int named = 0;
        foreach (string? clause in clauses)
        {
            if (clause is not null)
            {
                clauses[named++] = clause;
            }
        }

        return named switch
        {
            // With a single approach there is no choice to keep.
            0 when approaches.Count == 1 => null,
            0 => $"{id} stays the best choice at any monthly volume and at any accuracy of its own.",
            1 => $"{id} stays the best choice unless {clauses[0]}.",
            _ => $"{id} stays the best choice unless {string.Join(", ", clauses, 0, named - 1)} or {clauses[named - 1]}.",
        };

        string? Clause(StudiedInput input, BoundaryCrossing? crossing, string change, bool below)
        {
            if (crossing is not { } c)
            {
                return null;
            }

            decimal threshold = Significant(c.Value, roundUp: below);
            if (threshold == c.Value && !whatIf.Keeps(input, threshold))
            {
                // On the boundary itself the tie goes the other way: say the next value that keeps today's answer.
                threshold = Significant(c.Value, roundUp: below, step: true);
            }

            string value = input.Kind == StudiedInputKind.RequestsPerMonth ? Requests(threshold) : Number(threshold);
            return $"{change} {value} (then {c.RecommendedId ?? "no approach is eligible"})";
        }
    }

    /// <summary>How the recommendation pays back against the baseline, in one sentence when both views agree.</summary>
    private static void AgainstBaseline(List<string> reasons, BreakEven b, int horizonMonths)
    {
        BreakEvenView quality = b.QualityAdjusted, cost = b.Cost;
        bool agree = Agree(b);
        if (agree)
        {
            reasons.Add($"Against the baseline {b.BaselineId}, {b.ApproachId} {Saving(cost.SavingsPerRequest)} and "
                + $"{Describe(cost, horizonMonths)}. Without review or error costs, both views agree.");
        }
        else
        {
            reasons.Add($"Against the baseline {b.BaselineId}, once review and error costs count, {b.ApproachId} "
                + $"{Saving(quality.SavingsPerRequest)} and {Describe(quality, horizonMonths)}; on inference cost alone it "
                + $"{Saving(cost.SavingsPerRequest)} and {Describe(cost, horizonMonths)}.");
        }

        if (cost.RecurringDelta > 0m && quality.MinimumMonthlyRequests is decimal minimum)
        {
            string alone = agree ? ""
                : cost.MinimumMonthlyRequests is decimal inference ? $" ({Count(Math.Ceiling(inference))} on inference cost alone)"
                : " (never on inference cost alone)";
            string retraining = cost.RecurringDelta != cost.FixedMonthlyDelta ? " with retraining spread over its cadence" : "";
            reasons.Add($"Its extra running costs, {Money(cost.RecurringDelta)} a month{retraining}, "
                + $"are covered from {Count(Math.Ceiling(minimum))} requests a month{alone}.");
        }
    }

    /// <summary>Why the best alternative to a recommended baseline does not win, in the quality-adjusted view.</summary>
    private static string Alternative(BreakEven challenger, int horizonMonths)
    {
        BreakEvenView view = challenger.QualityAdjusted;
        string counted = Agree(challenger) ? "" : ", review and error costs counted";
        string running = view.RecurringDelta <= 0m
            ? ""
            : view.MinimumMonthlyRequests is decimal minimum
                ? $" but costs {Money(view.RecurringDelta)} a month more to run, covered from {Count(Math.Ceiling(minimum))} requests a month,"
                : $" but costs {Money(view.RecurringDelta)} a month more to run,";
        string saving = view.SavingsPerRequest switch
        {
            > 0m => $"saves {PerRequest(view.SavingsPerRequest)} a request over {challenger.BaselineId}",
            < 0m => $"costs {PerRequest(-view.SavingsPerRequest)} more a request than {challenger.BaselineId}",
            _ => $"costs the same per request as {challenger.BaselineId}",
        };
        return $"The best alternative, {challenger.ApproachId}, {saving}{counted}{running} and {Describe(view, horizonMonths)}.";
    }

    /// <summary>Whether the two views of a break-even say the same (no review or error cost tells the approaches apart).</summary>
    private static bool Agree(BreakEven b) => b.Cost == b.QualityAdjusted;

    private static string Saving(decimal savingsPerRequest) => savingsPerRequest switch
    {
        > 0m => $"saves {PerRequest(savingsPerRequest)} a request",
        < 0m => $"costs {PerRequest(-savingsPerRequest)} more a request",
        _ => "costs the same per request",
    };

    public static void AddNotes(
        List<string> notes, Scenario scenario, ScenarioTerms terms, ApproachAnalysis[] approaches, IReadOnlyList<BreakEven> breakEven)
    {
        if (terms.RevenuePerRequest is null)
        {
            notes.Add("No revenue was given, so revenue, gross margin, gross margin rate, AI COGS to revenue and viability are null, "
                + "and the ai-cogs-to-revenue benchmark is left out.");
        }
        else if (terms.RevenuePerRequest == 0m)
        {
            notes.Add("Revenue per request is 0, so gross margin rate and AI COGS to revenue are null and no approach is viable.");
        }
        else
        {
            foreach (ApproachAnalysis a in approaches.Where(a => a.Horizon.GrossMarginRate is null || a.Horizon.AiCogsToRevenue is null))
            {
                notes.Add($"{a.Id}: revenue is too small next to its costs for gross margin rate or AI COGS to revenue to be expressed; they are null.");
            }
        }

        if (scenario.Revenue?.PerUserPerMonth is null)
        {
            notes.Add("perUserPerMonth was not given, so marginCollapseRequestsPerUser and perUser are null.");
        }
        else
        {
            foreach (ApproachAnalysis a in approaches.Where(a => a.MarginCollapseRequestsPerUser is null))
            {
                notes.Add($"{a.Id}: its inference cost per request is {(a.PerRequest.InferenceCost == 0m ? "0" : "too small")}, "
                    + "so no request count collapses the margin; marginCollapseRequestsPerUser is null.");
            }

            if (scenario.Revenue.RequestsPerUserPerMonth is null)
            {
                notes.Add("requestsPerUserPerMonth was not given, so perUser is null.");
            }
            else
            {
                foreach (ApproachAnalysis a in approaches.Where(a => a.PerUser is null))
                {
                    notes.Add($"{a.Id}: one user's monthly AI cost is too large to express, so perUser is null.");
                }
            }
        }

        foreach (BreakEven b in breakEven)
        {
            Note(b, b.Cost, "cost");
            Note(b, b.QualityAdjusted, "quality-adjusted");
        }

        void Note(BreakEven b, BreakEvenView view, string name)
        {
            if (view.MinimumMonthlyRequests is null)
            {
                notes.Add(view.SavingsPerRequest > 0m
                    ? $"{b.ApproachId} against {b.BaselineId} ({name} view): the volume needed to cover the fixed cost difference is too large to express; minimumMonthlyRequests is null."
                    : $"{b.ApproachId} against {b.BaselineId} ({name} view): it saves nothing per request, so minimumMonthlyRequests is null.");
            }

            if (view.Verdict == Verdict.Never)
            {
                notes.Add($"{b.ApproachId} against {b.BaselineId} ({name} view): it does not stay ahead within {Payback.MaxMonths / 12} years, "
                    + "even with volume held at its last planned month, so paybackMonths and breakEvenRequests are null.");
            }
        }
    }

    public static string MetricName(Metric metric) => EnumText.Of(metric);

    /// <summary>The payback of one view, as a clause: "pays back within the first month (after 451,647 requests)".</summary>
    private static string Describe(BreakEvenView view, int horizonMonths) => view.Verdict switch
    {
        Verdict.Immediate => "stays ahead from the start",
        Verdict.WithinHorizon when view.PaybackMonths < 1m =>
            $"pays back within the first month (after {Count(view.BreakEvenRequests!.Value)} requests)",
        Verdict.WithinHorizon =>
            $"pays back after {Months(view.PaybackMonths!.Value)} months ({Count(view.BreakEvenRequests!.Value)} requests)",
        Verdict.AfterHorizon =>
            $"pays back only after {Months(view.PaybackMonths!.Value)} months, beyond the {horizonMonths}-month horizon, with volume held at its last planned month",
        _ => view.OneTimeDelta <= 0m
            ? $"falls behind, not to catch up within {Payback.MaxMonths / 12} years even with volume held at its last planned month"
            : $"does not pay back within {Payback.MaxMonths / 12} years, even with volume held at its last planned month",
    };

    private static string Money(decimal amount) => MoneyText.Format(amount);

    /// <summary>Dollars per request to 4 significant digits ($0.02138): the exact figure is in the JSON.</summary>
    private static string PerRequest(decimal amount) => amount >= 1m ? Money(amount) : "$" + Number(Significant(amount, roundUp: null));

    private static string Months(decimal months) => months.ToString("0.##", Invariant);

    /// <summary>A count of requests, whole: the JSON keeps the exact (fractional) value.</summary>
    private static string Count(decimal count) => Math.Round(count, MidpointRounding.ToEven).ToString("N0", Invariant);

    /// <summary>A threshold volume already rounded to 4 significant digits: 156,700, or 0.1234 below one request.</summary>
    private static string Requests(decimal count) =>
        count == decimal.Truncate(count) ? count.ToString("N0", Invariant) : count.ToString("#,##0.####", Invariant);

    private static string Number(decimal value) => value.ToString("0.#########", Invariant);

    /// <summary>
    /// <paramref name="value"/> (positive) to 4 significant digits: up, down, or to the nearest (half to even) when
    /// <paramref name="roundUp"/> is null. A threshold is rounded towards today's value, away from the boundary, so "unless
    /// requests fall below 156,700" is true at 156,700 itself and every value it rounds over; with <paramref name="step"/>
    /// a value that has no more than 4 digits moves one step on, for a boundary whose tie already goes the other way.
    /// </summary>
    private static decimal Significant(decimal value, bool? roundUp, bool step = false)
    {
        if (value <= 0m)
        {
            return value;
        }

        // The number of integer digits: 6 for 327,436.4; 0 or fewer below 1 (-1 for 0.0123, whose first digit is the second).
        // The logarithm's estimate is checked against the exact powers of ten, which it can miss by one at a power itself.
        int digits = Math.Clamp((int)Math.Floor(Math.Log10((double)value)) + 1, -27, Powers.Length);
        while (digits < Powers.Length && value >= PowerOfTen(digits))
        {
            digits++;
        }

        while (digits > -27 && value < PowerOfTen(digits - 1))
        {
            digits--;
        }

        MidpointRounding mode = roundUp switch
        {
            true => MidpointRounding.ToPositiveInfinity,
            false => MidpointRounding.ToNegativeInfinity,
            null => MidpointRounding.ToEven,
        };
        decimal rounded, unit;
        if (digits <= 4)
        {
            int places = Math.Min(28, 4 - digits);
            rounded = Math.Round(value, places, mode);
            unit = Fractions[places];
        }
        else
        {
            unit = Powers[digits - 4];
            rounded = Math.Round(value / unit, 0, mode) * unit;
        }

        return rounded == value && step ? (roundUp == true ? rounded + unit : rounded - unit) : rounded;
    }

    /// <summary>10^<paramref name="exponent"/>, for exponents from -28 to 28.</summary>
    private static decimal PowerOfTen(int exponent) => exponent >= 0 ? Powers[exponent] : Fractions[-exponent];
}
