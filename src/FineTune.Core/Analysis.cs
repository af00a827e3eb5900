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
    AnalysisReference? Reference = null);

/// <summary>The reference data an analysis used: the versions of the benchmark bands and of the price catalog.</summary>
/// <param name="BenchmarkVersion">The bands' version (1 is the shipped seed).</param>
/// <param name="PriceVersion">The price catalog's version (1 is the shipped seed).</param>
public sealed record AnalysisReference(long BenchmarkVersion, long PriceVersion);

/// <summary>The figures of one approach (economics.md sections 2 and 3).</summary>
/// <param name="Accuracy">Blended accuracy, routing included.</param>
/// <param name="Eligible">Whether the approach reaches the required accuracy.</param>
/// <param name="MarginCollapseRequestsPerUser">Monthly requests at which one subscriber's inference cost equals the subscription.</param>
public sealed record ApproachAnalysis(
    string Id,
    ApproachKind Kind,
    decimal Accuracy,
    bool Eligible,
    PerRequestCosts PerRequest,
    MonthlyCosts Monthly,
    TrainingCosts Training,
    HorizonFigures Horizon,
    decimal? MarginCollapseRequestsPerUser);

/// <summary>Dollars per request (economics.md section 2, and the per-request figures of section 3).</summary>
public sealed record PerRequestCosts(
    decimal ModelTokenCost,
    decimal RetrievalCost,
    decimal InferenceCost,
    decimal VerificationCost,
    decimal ErrorCost,
    decimal EconomicCost,
    decimal FullyLoadedCost,
    decimal CostOfPredictivity);

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
/// <param name="MinimumMonthlyRequests">Monthly requests whose savings cover the fixed delta; null when nothing is saved per request.</param>
/// <param name="PaybackMonths">Months, fractional, until the cumulative difference turns non-negative; null when never.</param>
/// <param name="BreakEvenRequests">Requests served by then; null when never.</param>
public sealed record BreakEvenView(
    decimal SavingsPerRequest,
    decimal FixedMonthlyDelta,
    decimal OneTimeDelta,
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
