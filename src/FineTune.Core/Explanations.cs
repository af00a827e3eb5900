using System.Globalization;

namespace FineTune.Core;

/// <summary>The sentences of an analysis: why an approach is recommended, and why a figure is null.</summary>
internal static class Explanations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Recommendation Recommendation(
        IReadOnlyList<Approach> approaches,
        HorizonResult[] horizon,
        PerRequestFigures[] perRequest,
        bool[] eligible,
        int? recommended,
        int baseline,
        IReadOnlyList<BreakEven> breakEven,
        ScenarioTerms terms)
    {
        var reasons = new List<string>();
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
            if (i != winner && eligible[i] && (runnerUp is not int r || horizon[i].NetValue > horizon[r].NetValue))
            {
                runnerUp = i;
            }
        }

        string id = approaches[winner].Id;
        string lead = $"{id} creates the most net value over the {terms.HorizonMonths}-month horizon: {Money(horizon[winner].NetValue)}";
        if (runnerUp is not int second)
        {
            reasons.Add(lead + ".");
        }
        else if (horizon[second].NetValue == horizon[winner].NetValue)
        {
            reasons.Add(horizon[second].HorizonCost == horizon[winner].HorizonCost
                ? $"{lead}, as much as {approaches[second].Id} at the same cost; it comes first in the list."
                : $"{lead}, as much as {approaches[second].Id}, and costs less over the horizon ({Money(horizon[winner].HorizonCost)} against {Money(horizon[second].HorizonCost)}).");
        }
        else
        {
            reasons.Add($"{lead}, {Money(horizon[winner].NetValue - horizon[second].NetValue)} more than {approaches[second].Id} ({Money(horizon[second].NetValue)}).");
        }

        string baselineId = approaches[baseline].Id;
        if (winner != baseline)
        {
            BreakEven decisive = breakEven.First(b => b.ApproachId == id);
            reasons.Add($"Against the baseline {baselineId}, once review and error costs count, {id} pays back "
                + $"{Describe(decisive.QualityAdjusted, terms.HorizonMonths)}; on inference cost alone, "
                + $"{Describe(decisive.Cost, terms.HorizonMonths)}.");
            if (decisive.Cost.MinimumMonthlyRequests is decimal minimum && minimum > 0m)
            {
                reasons.Add($"Its higher fixed costs ({Money(decisive.Cost.FixedMonthlyDelta)} a month) need at least "
                    + $"{Count(minimum)} requests a month to be covered by its inference savings.");
            }
        }
        else if (runnerUp is int alternative)
        {
            BreakEven challenger = breakEven.First(b => b.ApproachId == approaches[alternative].Id);
            reasons.Add($"The best alternative, {challenger.ApproachId}, would pay back against {baselineId} "
                + $"{Describe(challenger.QualityAdjusted, terms.HorizonMonths)} once review and error costs count"
                + (challenger.QualityAdjusted.SavingsPerRequest <= 0m
                    ? $", but it costs {Money(-challenger.QualityAdjusted.SavingsPerRequest)} more per request."
                    : "."));
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
            notes.Add("perUserPerMonth was not given, so marginCollapseRequestsPerUser is null.");
        }
        else
        {
            foreach (ApproachAnalysis a in approaches.Where(a => a.MarginCollapseRequestsPerUser is null))
            {
                notes.Add($"{a.Id}: its inference cost per request is {(a.PerRequest.InferenceCost == 0m ? "0" : "too small")}, "
                    + "so no request count collapses the margin; marginCollapseRequestsPerUser is null.");
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
                notes.Add($"{b.ApproachId} against {b.BaselineId} ({name} view): it does not pay back within {Payback.MaxMonths} months, "
                    + "so paybackMonths and breakEvenRequests are null.");
            }
        }
    }

    public static string MetricName(Metric metric) => EnumText.Of(metric);

    private static string Describe(BreakEvenView view, int horizonMonths) => view.Verdict switch
    {
        Verdict.Immediate => "immediately (it needs no extra one-time cost)",
        Verdict.WithinHorizon => $"in month {Months(view.PaybackMonths!.Value)} (after {Count(view.BreakEvenRequests!.Value)} requests)",
        Verdict.AfterHorizon => $"only in month {Months(view.PaybackMonths!.Value)}, after the {horizonMonths}-month horizon",
        _ => $"never within {Payback.MaxMonths} months",
    };

    private static string Money(decimal amount) => MoneyText.Format(amount);

    private static string Months(decimal months) => months.ToString("0.##", Invariant);

    private static string Count(decimal count) => decimal.Ceiling(count).ToString("#,##0", Invariant);

    private static string Number(decimal value) => value.ToString("0.####", Invariant);
}
