using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// Everything computed for one scenario (api.md, "Analysis"). Money in dollars, unrounded here: the JSON
/// writer rounds every decimal once, to 8 places, half to even. A <c>null</c> figure does not exist for this
/// scenario; <see cref="Notes"/> says why.
/// </summary>
/// <param name="Prices">The catalog entries whose rates filled prices the scenario left out, one per approach or routing
/// that names a model (economics.md section 8); empty when none does.</param>
/// <param name="Reference">The versions of the benchmark bands and prices the analysis used; set by the API, null in Core alone.</param>
/// <param name="TotalRequests">Requests over the horizon, exact (a fraction of a request when the volume grows).</param>
/// <param name="Decision">What would change the recommendation (economics.md section 7); only when asked for, else left out of the JSON.</param>
/// <param name="Sensitivity">The tornado, largest swing first; only when asked for, else left out of the JSON.</param>
/// <param name="Timeline">Cumulative costs month by month; only when asked for, else left out of the JSON.</param>
public sealed record Analysis(
    string ScenarioName,
    Segment Segment,
    int HorizonMonths,
    decimal TotalRequests,
    string BaselineId,
    IReadOnlyList<ApproachAnalysis> Approaches,
    IReadOnlyList<BreakEven> BreakEven,
    Recommendation Recommendation,
    IReadOnlyList<ScaleCheck> Scale,
    IReadOnlyList<BenchmarkComparison> Benchmarks,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PriceUsed> Prices,
    AnalysisReference? Reference = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Decision? Decision = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SensitivityLine>? Sensitivity = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Timeline? Timeline = null);

/// <summary>The reference data an analysis used: the versions of the benchmark bands and of the price catalog.</summary>
/// <param name="BenchmarkVersion">The bands' version (1 is the shipped seed).</param>
/// <param name="PriceVersion">The price catalog's version (1 is the shipped seed).</param>
public sealed record AnalysisReference(long BenchmarkVersion, long PriceVersion);

/// <summary>
/// The optional sections of an analysis (economics.md section 7), computed only when asked for. Their names in a request
/// (<c>include=decision,timeline</c>) are those of the JSON properties; <see cref="AnalysisSectionNames"/> reads them.
/// </summary>
[Flags]
public enum AnalysisSections
{
    /// <summary>The plain analysis.</summary>
    None = 0,
    /// <summary><see cref="Analysis.Decision"/>: the boundaries at which the recommendation changes.</summary>
    Decision = 1,
    /// <summary><see cref="Analysis.Sensitivity"/>: each input at x0.8 and x1.2.</summary>
    Sensitivity = 2,
    /// <summary><see cref="Analysis.Timeline"/>: cumulative costs and advantage month by month.</summary>
    Timeline = 4,
}

/// <summary>The names of the optional sections, as a request's <c>include</c> lists them.</summary>
public static class AnalysisSectionNames
{
    // The bit of each name is 1 << its index.
    private static readonly string[] Names = ["decision", "sensitivity", "timeline"];

    /// <summary>Every section name, in the order the analysis writes them.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>
    /// Reads a comma-separated list of section names (case-sensitive, blanks around names ignored, repeats allowed; empty or
    /// null is the plain analysis). False, with every unknown name in <paramref name="unknown"/>, when a name is not one of
    /// <see cref="All"/>.
    /// </summary>
    public static bool TryParse(string? include, out AnalysisSections sections, out IReadOnlyList<string> unknown)
    {
        sections = AnalysisSections.None;
        var wrong = new List<string>();
        foreach (string part in (include ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int index = Array.IndexOf(Names, part);
            if (index < 0)
            {
                wrong.Add(part);
                continue;
            }

            sections |= (AnalysisSections)(1 << index);
        }

        unknown = wrong;
        return wrong.Count == 0;
    }
}

/// <summary>The figures of one approach (economics.md sections 2 and 3).</summary>
/// <param name="Accuracy">Blended accuracy, routing included.</param>
/// <param name="Eligible">Whether the approach reaches the required accuracy.</param>
/// <param name="MarginCollapseRequestsPerUser">Monthly requests at which one subscriber's inference cost equals the subscription.</param>
/// <param name="PerUser">One subscriber's month; null unless the revenue gives both perUserPerMonth and requestsPerUserPerMonth.</param>
public sealed record ApproachAnalysis(
    string Id,
    ApproachKind Kind,
    decimal Accuracy,
    bool Eligible,
    PerRequestCosts PerRequest,
    MonthlyCosts Monthly,
    TrainingCosts Training,
    HorizonFigures Horizon,
    decimal? MarginCollapseRequestsPerUser,
    PerUserFigures? PerUser);

/// <summary>Dollars per request (economics.md section 2, and the per-request figures of section 3).</summary>
/// <param name="ModelTokenCost">Model tokens of one request, routing blended in, before caching and batch discounts.</param>
/// <param name="RetrievalCost">Embedding and vector search of one request.</param>
/// <param name="InferenceCost">What serving one request costs: tokens and retrieval after caching and batch discounts.</param>
/// <param name="VerificationCost">Human review of one request, spread over all requests.</param>
/// <param name="ErrorCost">The expected cost of a wrong answer reaching a user, per request.</param>
/// <param name="EconomicCost">Inference, verification and error costs of one request; training and fixed costs excluded.</param>
/// <param name="FullyLoadedCost">Horizon cost over total requests: inference plus training, hosting and fixed costs; quality excluded.</param>
/// <param name="CostOfPredictivity">Fully loaded cost plus verification, per correct output (wrong attempts paid for).</param>
/// <param name="AllInCost">Everything per request: horizon cost plus review and error costs, over total requests.</param>
public sealed record PerRequestCosts(
    decimal ModelTokenCost,
    decimal RetrievalCost,
    decimal InferenceCost,
    decimal VerificationCost,
    decimal ErrorCost,
    decimal EconomicCost,
    decimal FullyLoadedCost,
    decimal CostOfPredictivity,
    decimal AllInCost);

/// <summary>One subscriber's month (economics.md section 3), dollars.</summary>
/// <param name="AiCost">requestsPerUserPerMonth x fully loaded cost.</param>
/// <param name="Revenue">perUserPerMonth.</param>
/// <param name="Margin">Revenue minus AI cost; negative when the subscriber costs more than they pay.</param>
public sealed record PerUserFigures(decimal AiCost, decimal Revenue, decimal Margin);

/// <summary>Dollars per month.</summary>
/// <param name="FixedCost">Fixed monthly cost plus hosting for 730 hours.</param>
/// <param name="RunRate">Month 0: requests times inference cost plus the fixed cost, training excluded.</param>
public sealed record MonthlyCosts(decimal FixedCost, decimal RunRate);

/// <summary>Training dollars; all zero for an approach without training.</summary>
/// <param name="InitialCost">Compute, data preparation and evaluation, charged in month 0.</param>
/// <param name="RetrainCost">Compute and evaluation of each later run.</param>
/// <param name="Runs">Training runs inside the horizon.</param>
public sealed record TrainingCosts(decimal InitialCost, decimal RetrainCost, int Runs);

/// <summary>Dollars over the whole horizon. Revenue figures are <c>null</c> without revenue; the rates also when revenue is 0.</summary>
public sealed record HorizonFigures(
    decimal TotalCost,
    decimal QualityCost,
    decimal? Revenue,
    decimal? GrossMargin,
    decimal? GrossMarginRate,
    decimal? AiCogsToRevenue,
    decimal NetValue);

/// <summary>Break-even of one approach against the baseline, in both views (economics.md section 4).</summary>
public sealed record BreakEven(string ApproachId, string BaselineId, BreakEvenView Cost, BreakEvenView QualityAdjusted);

/// <summary>One view of a break-even.</summary>
/// <param name="SavingsPerRequest">Baseline per-request figure minus the approach's, dollars.</param>
/// <param name="FixedMonthlyDelta">Approach's fixed monthly cost minus the baseline's, dollars.</param>
/// <param name="OneTimeDelta">Approach's initial training minus the baseline's, dollars.</param>
/// <param name="RecurringDelta">
/// Approach's extra running cost a month, dollars: the fixed monthly delta plus each side's retraining spread over its
/// cadence (retrainCost / retrainEveryMonths).
/// </param>
/// <param name="MinimumMonthlyRequests">
/// Steady monthly requests below which the savings never cover the recurring delta; null when nothing is saved per request.
/// </param>
/// <param name="PaybackMonths">
/// Months, fractional, from which the approach stays ahead of the baseline through the end of the horizon (past the horizon:
/// from which it is first ahead); null when never within 600 months.
/// </param>
/// <param name="BreakEvenRequests">Requests served by then, rounded up to a whole request; null when never.</param>
public sealed record BreakEvenView(
    decimal SavingsPerRequest,
    decimal FixedMonthlyDelta,
    decimal OneTimeDelta,
    decimal RecurringDelta,
    decimal? MinimumMonthlyRequests,
    decimal? PaybackMonths,
    decimal? BreakEvenRequests,
    Verdict Verdict);

/// <summary>When an approach pays back against the baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>At month 0.</summary>
    [JsonStringEnumMemberName("immediate")] Immediate,
    /// <summary>Within the planning horizon.</summary>
    [JsonStringEnumMemberName("within-horizon")] WithinHorizon,
    /// <summary>After the horizon, within 600 months.</summary>
    [JsonStringEnumMemberName("after-horizon")] AfterHorizon,
    /// <summary>Not within 600 months.</summary>
    [JsonStringEnumMemberName("never")] Never,
}

/// <summary>The recommended approach, or <c>null</c> when none is eligible, with reasons a person can act on.</summary>
public sealed record Recommendation(string? ApproachId, IReadOnlyList<string> Reasons);

/// <summary>Section 3 repeated at a multiple of the monthly volume (economics.md section 5).</summary>
public sealed record ScaleCheck(int Multiplier, decimal RequestsPerMonth, string? RecommendedApproachId, IReadOnlyList<ScaleApproach> Approaches);

/// <summary>One approach at one scale.</summary>
/// <param name="Viable">Gross margin rate at least the target; null without revenue.</param>
public sealed record ScaleApproach(
    string Id,
    decimal FullyLoadedCost,
    decimal MonthlyRunRate,
    decimal? AiCogsToRevenue,
    decimal? GrossMarginRate,
    bool? Viable);

/// <summary>What would change the recommendation: one line per studied input that has a boundary in its valid range.</summary>
/// <param name="RecommendedId">Today's recommendation; null when no approach is eligible.</param>
/// <param name="Boundaries">Nearest first, by relative distance |value - current| / max(|current|, 1e-9) of the nearer side.</param>
/// <param name="RobustTo">Paths of the studied inputs with no boundary anywhere in their valid range.</param>
public sealed record Decision(string? RecommendedId, IReadOnlyList<DecisionBoundary> Boundaries, IReadOnlyList<string> RobustTo);

/// <summary>The nearest values of one input, on each side of its current value, at which the recommendation changes.</summary>
/// <param name="Path">The input's JSON path in the scenario, <c>approaches[1].pricing.inputPerMillion</c>.</param>
/// <param name="Current">Its value today (its default when the scenario leaves it out).</param>
/// <param name="Below">The nearest boundary below the current value; null when none lies in the valid range.</param>
/// <param name="Above">The nearest boundary above it; null likewise.</param>
public sealed record DecisionBoundary(string Path, decimal Current, BoundaryCrossing? Below, BoundaryCrossing? Above);

/// <summary>A value at which the recommendation changes.</summary>
/// <param name="Value">
/// The boundary, in the input's unit: exact for inputs on which net value is linear (token counts give the real crossing),
/// within 1e-9 for the growth rate (the first value found past the crossing), a whole month for the horizon.
/// </param>
/// <param name="RecommendedId">The recommendation just past the boundary; null when no approach is eligible there.</param>
public sealed record BoundaryCrossing(decimal Value, string? RecommendedId);

/// <summary>One input of the tornado, at x0.8 and x1.2 of its current value.</summary>
/// <param name="Swing">|high.margin - low.margin|, dollars; null when a margin is.</param>
public sealed record SensitivityLine(string Path, SensitivityPoint Low, SensitivityPoint High, decimal? Swing);

/// <summary>The scenario evaluated with one input moved.</summary>
/// <param name="Value">The input's value there: clamped to its valid range; whole for token counts and months.</param>
/// <param name="RecommendedId">The recommendation there; null when no approach is eligible.</param>
/// <param name="Margin">
/// Net value of today's recommendation there minus the best net value among the other approaches eligible there, dollars;
/// null without a recommendation today or without another eligible approach. It compares net values only, as section 7
/// writes it: where today's recommendation falls below requiredAccuracy, <see cref="RecommendedId"/> changes even though
/// the margin may stay positive.
/// </param>
public sealed record SensitivityPoint(decimal Value, string? RecommendedId, decimal? Margin);

/// <summary>Month by month, the data behind a break-even chart (economics.md section 7).</summary>
public sealed record Timeline(IReadOnlyList<TimelineApproach> Approaches);

/// <summary>One approach's cumulative dollars at the end of each month of the horizon.</summary>
/// <param name="CumulativeCost">Training, retraining, inference and fixed costs so far; the last equals horizon.totalCost.</param>
/// <param name="CumulativeAllInCost">The same plus review and error costs; the last equals totalCost + qualityCost.</param>
/// <param name="Advantage">The baseline's cumulative costs minus this approach's; null for the baseline.</param>
public sealed record TimelineApproach(
    string Id,
    IReadOnlyList<decimal> CumulativeCost,
    IReadOnlyList<decimal> CumulativeAllInCost,
    TimelineAdvantage? Advantage);

/// <summary>The cumulative advantage over the baseline at each month's end, dollars: the C of the payback walk.</summary>
/// <param name="Cost">In the cost view (cumulative cost).</param>
/// <param name="QualityAdjusted">In the quality-adjusted view (cumulative all-in cost).</param>
public sealed record TimelineAdvantage(IReadOnlyList<decimal> Cost, IReadOnlyList<decimal> QualityAdjusted);
