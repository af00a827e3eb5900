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
        definitions["Decision"] = Decision();
        definitions["DecisionBoundary"] = DecisionBoundary();
        definitions["SensitivityLine"] = SensitivityLine();
        definitions["SensitivityPoint"] = SensitivityPoint();
        definitions["Timeline"] = Timeline();
        definitions["TimelineApproach"] = TimelineApproach();
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
            // Written only when asked for (include=), and then never null: left out of required.
            ["decision"] = Ref("Decision"),
            ["sensitivity"] = ArrayOf(Ref("SensitivityLine"), "Sensitivity",
                "Each studied input at 0.8 and 1.2 times its value, largest swing first; only when asked for.", Visibility.Advanced)
                .OrNull(),
            ["timeline"] = Ref("Timeline"),
        },
        "scenarioName", "segment", "horizonMonths", "totalRequests", "baselineId", "approaches", "breakEven", "recommendation",
        "scale", "benchmarks", "notes");

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
            ["perUser"] = PerUser(),
        },
        "id", "kind", "accuracy", "eligible", "perRequest", "monthly", "training", "horizon", "marginCollapseRequestsPerUser",
        "perUser");

    // Inline rather than a definition: Swagger 2.0 ignores x-nullable beside a $ref, and the app writes null here.
    private static OpenApiSchema PerUser() => Object("Per user",
        "One subscriber's month, dollars; null unless the revenue gives both perUserPerMonth and requestsPerUserPerMonth.",
        new()
        {
            ["aiCost"] = Number("AI cost per user", "What one subscriber's requests cost in a month, training and hosting included.",
                Visibility.Advanced),
            ["revenue"] = Number("Revenue per user", "What one subscriber pays in a month.", Visibility.Advanced),
            ["margin"] = Number("Margin per user", "What one subscriber pays minus what their requests cost.", Visibility.Advanced),
        },
        "aiCost", "revenue", "margin").Shown(Visibility.Advanced).OrNull();

    private static OpenApiSchema PerRequestCosts() => Object("Per-request costs",
        "Dollars per request.",
        new()
        {
            ["modelTokenCost"] = Number("Model token cost",
                "What the model's tokens for one request cost, routing blended in, before caching and batch discounts.", Visibility.Advanced),
            ["retrievalCost"] = Number("Retrieval cost", "What embedding the query and searching the vectors cost for one request.",
                Visibility.Advanced),
            ["inferenceCost"] = Number("Inference cost",
                "What serving one request costs: model tokens and retrieval after caching and batch discounts.", Visibility.Important),
            ["verificationCost"] = Number("Verification cost", "What human review costs, spread over every request.", Visibility.Advanced),
            ["errorCost"] = Number("Error cost", "What wrong answers that reach users are expected to cost, per request.",
                Visibility.Advanced),
            ["economicCost"] = Number("Economic cost",
                "Inference, review and error costs of one request, without training, hosting or fixed costs.", Visibility.Advanced),
            ["fullyLoadedCost"] = Number("Fully loaded cost",
                "Everything the approach itself costs over the horizon (inference, training, hosting, fixed costs), per request.",
                Visibility.Important),
            ["costOfPredictivity"] = Number("Cost of predictivity",
                "What one correct output costs: the fully loaded cost and review, paid for every attempt, wrong ones included.",
                Visibility.Advanced),
            ["allInCost"] = Number("All-in cost",
                "Everything per request: the fully loaded cost plus review and error costs.", Visibility.Important),
        },
        "modelTokenCost", "retrievalCost", "inferenceCost", "verificationCost", "errorCost", "economicCost", "fullyLoadedCost",
        "costOfPredictivity", "allInCost");

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
            ["recurringDelta"] = Number("Recurring delta",
                "Approach's extra running cost a month: the fixed monthly delta plus each side's retraining spread over its cadence, "
                + "dollars.", Visibility.Advanced),
            ["minimumMonthlyRequests"] = Number("Minimum monthly requests",
                "Steady monthly requests below which the savings never cover the recurring delta; null when nothing is saved per "
                + "request.", Visibility.Advanced).OrNull(),
            ["paybackMonths"] = Number("Payback (months)",
                "Months, fractional, from which the approach stays ahead of the baseline through the end of the horizon (after it: "
                + "from which it is first ahead); null when not within 600 months.", Visibility.Important).OrNull(),
            ["breakEvenRequests"] = Number("Break-even requests", "Requests served by then, rounded up; null when never.",
                Visibility.Advanced).OrNull(),
            ["verdict"] = Enum<Verdict>("Verdict", "When the approach pays back against the baseline.", Visibility.Important),
        },
        "savingsPerRequest", "fixedMonthlyDelta", "oneTimeDelta", "recurringDelta", "minimumMonthlyRequests", "paybackMonths",
        "breakEvenRequests", "verdict");

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

    private static OpenApiSchema Decision() => Object("Decision",
        "What would change the recommendation: for each studied input, the nearest values below and above at which it changes.",
        new()
        {
            ["recommendedId"] = Text("Recommended approach", "Today's recommendation; null when no approach is eligible.",
                Visibility.Important).OrNull(),
            ["boundaries"] = ArrayOf(Ref("DecisionBoundary"), "Boundaries",
                "One line per input with a boundary in its valid range, nearest first (relative distance).", Visibility.Important),
            ["robustTo"] = ArrayOf(Text("Path", "An input's JSON path.", Visibility.Advanced), "Robust to",
                "Inputs at no valid value of which the recommendation changes.", Visibility.Advanced),
        },
        "recommendedId", "boundaries", "robustTo");

    private static OpenApiSchema DecisionBoundary() => Object("Decision boundary",
        "The nearest values of one input, every other held, at which the recommendation changes.",
        new()
        {
            ["path"] = Text("Input", "The input's JSON path in the scenario, such as approaches[1].pricing.inputPerMillion.",
                Visibility.Important),
            ["current"] = Number("Current value", "The input's value today, or its default when the scenario leaves it out.",
                Visibility.Important),
            ["below"] = Crossing("Below", "The nearest boundary below the current value; null when none is in the valid range."),
            ["above"] = Crossing("Above", "The nearest boundary above the current value; null when none is in the valid range."),
        },
        "path", "current", "below", "above");

    // Inline rather than a definition: Swagger 2.0 ignores x-nullable beside a $ref, and the app writes null here.
    private static OpenApiSchema Crossing(string summary, string description) => Object(summary, description,
        new()
        {
            ["value"] = Number("Boundary", "The value at which the recommendation changes: exact, within 1e-9 for the growth rate, "
                + "a whole month for the horizon.", Visibility.Important),
            ["recommendedId"] = Text("Recommended past it", "The recommendation just past the boundary; null when none is eligible.",
                Visibility.Important).OrNull(),
        },
        "value", "recommendedId").Shown(Visibility.Important).OrNull();

    private static OpenApiSchema SensitivityLine() => Object("Sensitivity line",
        "One input of the tornado, at 0.8 and 1.2 times its value (clamped to its valid range).",
        new()
        {
            ["path"] = Text("Input", "The input's JSON path in the scenario.", Visibility.Important),
            ["low"] = Ref("SensitivityPoint"),
            ["high"] = Ref("SensitivityPoint"),
            ["swing"] = Number("Swing", "The difference between the two margins, dollars; null when a margin is.", Visibility.Important)
                .OrNull(),
        },
        "path", "low", "high", "swing");

    private static OpenApiSchema SensitivityPoint() => Object("Sensitivity point",
        "The scenario evaluated with one input moved.",
        new()
        {
            ["value"] = Number("Value", "The input's value there; whole for token counts and months.", Visibility.Important),
            ["recommendedId"] = Text("Recommended there", "The recommendation there; null when no approach is eligible.",
                Visibility.Important).OrNull(),
            ["margin"] = Number("Margin", "Net value of today's recommendation there minus the best other eligible approach's, "
                + "dollars; negative where another would win on net value, null without either.", Visibility.Important).OrNull(),
        },
        "value", "recommendedId", "margin");

    private static OpenApiSchema Timeline() => Object("Timeline",
        "Cumulative costs month by month: the data behind a break-even chart.",
        new()
        {
            ["approaches"] = ArrayOf(Ref("TimelineApproach"), "Approaches", "Each approach, in the scenario's order.",
                Visibility.Important),
        },
        "approaches");

    private static OpenApiSchema TimelineApproach() => Object("Timeline approach",
        "One approach's cumulative dollars at the end of each month of the horizon.",
        new()
        {
            ["id"] = Text("Approach id", "The approach's id.", Visibility.Important),
            ["cumulativeCost"] = ArrayOf(Number("Cumulative cost", "Dollars so far.", Visibility.Advanced), "Cumulative cost",
                "Training, inference and fixed costs so far, one per month; the last equals horizon.totalCost.", Visibility.Important),
            ["cumulativeAllInCost"] = ArrayOf(Number("Cumulative all-in cost", "Dollars so far.", Visibility.Advanced),
                "Cumulative all-in cost", "The same plus review and error costs, one per month.", Visibility.Advanced),
            ["advantage"] = Advantage(),
        },
        "id", "cumulativeCost", "cumulativeAllInCost", "advantage");

    // Inline rather than a definition: Swagger 2.0 ignores x-nullable beside a $ref, and the app writes null for the baseline.
    private static OpenApiSchema Advantage() => Object("Advantage",
        "The baseline's cumulative costs minus this approach's at each month's end, dollars; null for the baseline.",
        new()
        {
            ["cost"] = ArrayOf(Number("Advantage", "Dollars.", Visibility.Advanced), "Cost view",
                "On cumulative cost, one per month.", Visibility.Advanced),
            ["qualityAdjusted"] = ArrayOf(Number("Advantage", "Dollars.", Visibility.Advanced), "Quality-adjusted view",
                "On cumulative all-in cost, one per month.", Visibility.Advanced),
        },
        "cost", "qualityAdjusted").Shown(Visibility.Advanced).OrNull();
}
