using FineTune.Core;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The analysis (api.md, "Analysis"; economics.md sections 2 to 6). Every figure is a JSON number rounded once to 8
/// decimal places, half to even; a figure that does not exist for the scenario is null, never 0.
/// </summary>
internal static class AnalysisSchemas
{
    /// <summary>Adds the analysis definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["Analysis"] = Analysis();
        definitions["ApproachAnalysis"] = ApproachAnalysis();
        definitions["PerRequestCosts"] = PerRequestCosts();
        definitions["MonthlyCosts"] = MonthlyCosts();
        definitions["TrainingCosts"] = TrainingCosts();
        definitions["HorizonFigures"] = HorizonFigures();
        definitions["BreakEven"] = BreakEven();
        definitions["BreakEvenView"] = BreakEvenView();
        definitions["Recommendation"] = Recommendation();
        definitions["ScaleCheck"] = ScaleCheck();
        definitions["ScaleApproach"] = ScaleApproach();
        definitions["BenchmarkComparison"] = BenchmarkComparison();
        definitions["AnalysisReference"] = AnalysisReference();
    }

    private static OpenApiSchema Analysis() => Object("Analysis",
        "Everything computed for one scenario: per-approach costs, break-even against the baseline, the recommendation, "
        + "a scale check and benchmark tiers.",
        new()
        {
            ["scenarioName"] = Text("Scenario name", "The scenario's name.", Visibility.Important),
            ["segment"] = Enum<Segment>("Segment", "The segment whose benchmark bands applied.", Visibility.Advanced),
            ["horizonMonths"] = Integer("Horizon (months)", "Months planned.", Visibility.Advanced),
            ["totalRequests"] = Number("Total requests", "Requests over the whole horizon, growth included.", Visibility.Advanced),
            ["baselineId"] = Text("Baseline approach", "Id of the approach the others are compared with.", Visibility.Advanced),
            ["approaches"] = ArrayOf(Ref("ApproachAnalysis"), "Approaches", "The figures of each approach, in the scenario's order.",
                Visibility.Important),
            ["breakEven"] = ArrayOf(Ref("BreakEven"), "Break-even", "Each approach other than the baseline against the baseline.",
                Visibility.Important),
            ["recommendation"] = Ref("Recommendation"),
            ["scale"] = ArrayOf(Ref("ScaleCheck"), "Scale check", "The analysis repeated at 1, 10 and 100 times the monthly volume.",
                Visibility.Advanced),
            ["benchmarks"] = ArrayOf(Ref("BenchmarkComparison"), "Benchmarks",
                "The recommended (else baseline) approach's metrics placed in their benchmark bands.", Visibility.Advanced),
            ["notes"] = ArrayOf(Text("Note", "A note.", Visibility.Advanced), "Notes",
                "Why a figure is null or a default was applied.", Visibility.Advanced),
            ["reference"] = Ref("AnalysisReference"),
        },
        "scenarioName", "segment", "horizonMonths", "totalRequests", "baselineId", "approaches", "breakEven", "recommendation",
        "scale", "benchmarks", "notes");

    private static OpenApiSchema AnalysisReference() => Object("Reference data",
        "The versions of the benchmark bands and prices the analysis used (1 is the shipped seed of each).",
        new()
        {
            ["benchmarkVersion"] = Long("Benchmark version", "The benchmark bands' version.", Visibility.Advanced),
            ["priceVersion"] = Long("Price version", "The price catalog's version.", Visibility.Advanced),
        },
        "benchmarkVersion", "priceVersion");

    private static OpenApiSchema ApproachAnalysis() => Object("Approach analysis",
        "The figures of one approach (economics.md sections 2 and 3).",
        new()
        {
            ["id"] = Text("Approach id", "The approach's id.", Visibility.Important),
            ["kind"] = Enum<ApproachKind>("Kind", "How the approach gets its answers.", Visibility.Advanced),
            ["accuracy"] = Number("Accuracy", "Blended accuracy, routing included, a fraction.", Visibility.Advanced),
            ["eligible"] = Boolean("Eligible", "Whether the approach reaches the required accuracy.", Visibility.Advanced),
            ["perRequest"] = Ref("PerRequestCosts"),
            ["monthly"] = Ref("MonthlyCosts"),
            ["training"] = Ref("TrainingCosts"),
            ["horizon"] = Ref("HorizonFigures"),
            ["marginCollapseRequestsPerUser"] = Number("Margin collapse point",
                "Monthly requests at which one subscriber's inference cost equals the subscription; null without perUserPerMonth "
                + "or when inference is free.", Visibility.Advanced).OrNull(),
        },
        "id", "kind", "accuracy", "eligible", "perRequest", "monthly", "training", "horizon", "marginCollapseRequestsPerUser");

    private static OpenApiSchema PerRequestCosts() => Object("Per-request costs",
        "Dollars per request.",
        new()
        {
            ["modelTokenCost"] = Number("Model token cost", "Model tokens, routing blended in, dollars per request.", Visibility.Advanced),
            ["retrievalCost"] = Number("Retrieval cost", "Embedding and vector search, dollars per request.", Visibility.Advanced),
            ["inferenceCost"] = Number("Inference cost",
                "Tokens and retrieval after caching and batch discounts, dollars per request.", Visibility.Important),
            ["verificationCost"] = Number("Verification cost", "Human review, dollars per request.", Visibility.Advanced),
            ["errorCost"] = Number("Error cost", "Errors that reach users, dollars per request.", Visibility.Advanced),
            ["economicCost"] = Number("Economic cost", "Inference, verification and error costs, dollars per request.", Visibility.Advanced),
            ["fullyLoadedCost"] = Number("Fully loaded cost",
                "Horizon cost (training and fixed costs included) over total requests, dollars per request.", Visibility.Important),
            ["costOfPredictivity"] = Number("Cost of predictivity",
                "Dollars per accurate output, failed attempts included.", Visibility.Advanced),
        },
        "modelTokenCost", "retrievalCost", "inferenceCost", "verificationCost", "errorCost", "economicCost", "fullyLoadedCost",
        "costOfPredictivity");

    private static OpenApiSchema MonthlyCosts() => Object("Monthly costs",
        "Dollars per month.",
        new()
        {
            ["fixedCost"] = Number("Fixed monthly cost", "Fixed monthly cost plus hosting for 730 hours, dollars.", Visibility.Advanced),
            ["runRate"] = Number("Monthly run rate", "Month 0: requests times inference cost plus the fixed cost, training excluded, dollars.",
                Visibility.Important),
        },
        "fixedCost", "runRate");

    private static OpenApiSchema TrainingCosts() => Object("Training costs",
        "Training dollars; all zero for an approach without training.",
        new()
        {
            ["initialCost"] = Number("Initial training cost", "Compute, data preparation and evaluation, charged in month 0, dollars.",
                Visibility.Advanced),
            ["retrainCost"] = Number("Retraining cost", "Compute and evaluation of each later run, dollars.", Visibility.Advanced),
            ["runs"] = Integer("Training runs", "Training runs inside the horizon.", Visibility.Advanced),
        },
        "initialCost", "retrainCost", "runs");

    private static OpenApiSchema HorizonFigures() => Object("Horizon figures",
        "Dollars over the whole horizon. Revenue figures are null without revenue; the rates also when revenue is 0.",
        new()
        {
            ["totalCost"] = Number("Total cost", "Training, inference and fixed costs over the horizon, dollars.", Visibility.Important),
            ["qualityCost"] = Number("Quality cost", "Verification and error costs over the horizon, dollars.", Visibility.Advanced),
            ["revenue"] = Number("Revenue", "Revenue over the horizon, dollars.", Visibility.Advanced).OrNull(),
            ["grossMargin"] = Number("Gross margin", "Revenue minus total cost, dollars.", Visibility.Advanced).OrNull(),
            ["grossMarginRate"] = Number("Gross margin rate", "Gross margin over revenue, a fraction.", Visibility.Advanced).OrNull(),
            ["aiCogsToRevenue"] = Number("AI COGS to revenue", "Total cost over revenue, a fraction.", Visibility.Advanced).OrNull(),
            ["netValue"] = Number("Net value",
                "Value of the correct outputs minus total and quality costs, dollars.", Visibility.Important),
        },
        "totalCost", "qualityCost", "revenue", "grossMargin", "grossMarginRate", "aiCogsToRevenue", "netValue");

    private static OpenApiSchema BreakEven() => Object("Break-even",
        "Break-even of one approach against the baseline, on cost alone and quality-adjusted.",
        new()
        {
            ["approachId"] = Text("Approach id", "The approach compared.", Visibility.Important),
            ["baselineId"] = Text("Baseline id", "The baseline it is compared with.", Visibility.Advanced),
            ["cost"] = Ref("BreakEvenView"),
            ["qualityAdjusted"] = Ref("BreakEvenView"),
        },
        "approachId", "baselineId", "cost", "qualityAdjusted");

    private static OpenApiSchema BreakEvenView() => Object("Break-even view",
        "One view of a break-even: per-request figure inference cost (cost) or economic cost (qualityAdjusted).",
        new()
        {
            ["savingsPerRequest"] = Number("Savings per request", "Baseline per-request figure minus the approach's, dollars.",
                Visibility.Important),
            ["fixedMonthlyDelta"] = Number("Fixed monthly delta", "Approach's fixed monthly cost minus the baseline's, dollars.",
                Visibility.Advanced),
            ["oneTimeDelta"] = Number("One-time delta", "Approach's initial training minus the baseline's, dollars.", Visibility.Advanced),
            ["minimumMonthlyRequests"] = Number("Minimum monthly requests",
                "Monthly requests whose savings cover the fixed delta; null when nothing is saved per request.", Visibility.Advanced)
                .OrNull(),
            ["paybackMonths"] = Number("Payback (months)",
                "Months, fractional, until the cumulative difference turns non-negative; null when never.", Visibility.Important).OrNull(),
            ["breakEvenRequests"] = Number("Break-even requests", "Requests served by then; null when never.", Visibility.Advanced).OrNull(),
            ["verdict"] = Enum<Verdict>("Verdict", "When the approach pays back against the baseline.", Visibility.Important),
        },
        "savingsPerRequest", "fixedMonthlyDelta", "oneTimeDelta", "minimumMonthlyRequests", "paybackMonths", "breakEvenRequests",
        "verdict");

    private static OpenApiSchema Recommendation() => Object("Recommendation",
        "The eligible approach with the highest net value, with reasons a person can act on.",
        new()
        {
            ["approachId"] = Text("Recommended approach", "Id of the recommended approach; null when no approach is eligible.",
                Visibility.Important).OrNull(),
            ["reasons"] = ArrayOf(Text("Reason", "A reason.", Visibility.Important), "Reasons", "Why this approach, or why none.",
                Visibility.Important),
        },
        "approachId", "reasons");

    private static OpenApiSchema ScaleCheck() => Object("Scale check",
        "The horizon figures repeated at a multiple of the monthly volume.",
        new()
        {
            ["multiplier"] = Integer("Multiplier", "1, 10 or 100.", Visibility.Advanced),
            ["requestsPerMonth"] = Number("Requests per month", "Month-0 requests at this scale.", Visibility.Advanced),
            ["recommendedApproachId"] = Text("Recommended approach", "The recommendation at this scale; null when none is eligible.",
                Visibility.Advanced).OrNull(),
            ["approaches"] = ArrayOf(Ref("ScaleApproach"), "Approaches", "Each approach at this scale.", Visibility.Advanced),
        },
        "multiplier", "requestsPerMonth", "recommendedApproachId", "approaches");

    private static OpenApiSchema ScaleApproach() => Object("Scale approach",
        "One approach at one scale.",
        new()
        {
            ["id"] = Text("Approach id", "The approach's id.", Visibility.Advanced),
            ["fullyLoadedCost"] = Number("Fully loaded cost", "Dollars per request.", Visibility.Advanced),
            ["monthlyRunRate"] = Number("Monthly run rate", "Dollars in month 0.", Visibility.Advanced),
            ["aiCogsToRevenue"] = Number("AI COGS to revenue", "Total cost over revenue, a fraction.", Visibility.Advanced).OrNull(),
            ["grossMarginRate"] = Number("Gross margin rate", "Gross margin over revenue, a fraction.", Visibility.Advanced).OrNull(),
            ["viable"] = Boolean("Viable", "Gross margin rate at least the target; null without revenue.", Visibility.Advanced).OrNull(),
        },
        "id", "fullyLoadedCost", "monthlyRunRate", "aiCogsToRevenue", "grossMarginRate", "viable");

    private static OpenApiSchema BenchmarkComparison() => Object("Benchmark comparison",
        "One metric of the scenario placed in its benchmark band.",
        new()
        {
            ["metric"] = Enum<Metric>("Metric", "The benchmarked metric.", Visibility.Advanced),
            ["value"] = Number("Value", "The scenario's value, a fraction or dollars per request.", Visibility.Advanced),
            ["tier"] = Enum<Tier>("Tier", "Where the value falls within the band.", Visibility.Advanced),
            ["band"] = Ref("BenchmarkBand"),
        },
        "metric", "value", "tier", "band");
}
