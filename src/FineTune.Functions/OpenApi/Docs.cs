using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Functions.Http;
using FineTune.Functions.Prices;
using FineTune.Functions.Recompute;
using FineTune.Storage;
using Microsoft.OpenApi.Any;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Functions.OpenApi;

/// <summary>What a person reads about one property: its title in Power Automate, one plain sentence, how prominent.</summary>
/// <param name="Default">The value the API uses when the property is absent, for the document's <c>default</c>.</param>
/// <param name="Shape">For JSON a converter of its own writes: the record whose definition describes it.</param>
/// <param name="Item">For an array of texts or numbers: the title and sentence of one item.</param>
/// <param name="NotificationUrl">The property Power Automate fills with its callback URL (<c>x-ms-notification-url</c>).</param>
/// <param name="Values">The operation whose response lists the values a person picks from (<c>x-ms-dynamic-values</c>).</param>
internal sealed record PropertyDoc(
    string Summary, string Description, Visibility Visibility = Visibility.Advanced, object? Default = null, Type? Shape = null,
    (string Summary, string Description)? Item = null, bool NotificationUrl = false, DynamicValues? Values = null);

/// <summary>
/// The values Power Automate offers for a property, read from an operation of this API when a person fills it in
/// (<c>x-ms-dynamic-values</c>, and its newer form <c>x-ms-dynamic-list</c>); a value not in the list can still be typed.
/// </summary>
/// <param name="OperationId">The operation that lists the values.</param>
/// <param name="Collection">The property of its response that holds the array of items.</param>
/// <param name="ValuePath">The property of an item that is the value.</param>
/// <param name="TitlePath">The property of an item shown for it.</param>
/// <param name="Parameters">Fixed query parameters of the call, by name.</param>
internal sealed record DynamicValues(
    string OperationId, string Collection, string ValuePath, string TitlePath, IReadOnlyDictionary<string, int> Parameters);

/// <summary>What a person reads about one record of the contract and each of its properties, by record property name.</summary>
/// <param name="definition">The definition's name in the document; the record's name unless it says otherwise.</param>
internal sealed class TypeDoc(string summary, string description, string? definition = null)
{
    private readonly Dictionary<string, PropertyDoc> properties = new(StringComparer.Ordinal);

    public string Summary { get; } = summary;

    public string Description { get; } = description;

    public string? Definition { get; } = definition;

    /// <summary>An example value of the whole object.</summary>
    public IOpenApiAny? Example { get; init; }

    public IReadOnlyDictionary<string, PropertyDoc> Properties => properties;

    /// <summary>The words of the record property <paramref name="clrName"/>; each may be given once.</summary>
    public PropertyDoc this[string clrName]
    {
        get => Property(clrName);
        init => properties.Add(clrName, value);
    }

    /// <summary>The doc of a property; a property without one is a mistake the document tests catch at once.</summary>
    public PropertyDoc Property(string clrName) => properties.TryGetValue(clrName, out PropertyDoc? doc)
        ? doc
        : throw new InvalidOperationException($"'{Summary}' documents no property {clrName}: add it to Docs.");
}

/// <summary>
/// The human words of the API document, the only part of it written by hand: a title, one plain sentence and a
/// visibility for every record and property of the contract (names, types, ranges and the rest come from the records).
/// All money is US dollars; token prices are dollars per million tokens; rates and shares are fractions.
/// </summary>
internal static class Docs
{
    private const string ExampleResource = "FineTune.Functions.OpenApi.support-triage.json";

    /// <summary>The catalog's ids in effect today, as ListModels lists them: its largest page, by id.</summary>
    private static readonly DynamicValues CatalogIds = new(nameof(ListModels), "items", "id", "id",
        new Dictionary<string, int>(StringComparer.Ordinal) { ["pageSize"] = ApiRequest.MaxPageSize });

    private static readonly Dictionary<Type, TypeDoc> Types = new()
    {
        // The scenario (economics.md section 1).
        [typeof(Scenario)] = new TypeDoc("Scenario",
            "What to analyse: the workload, what a request earns and costs in quality, and 1 to 10 ways of serving it. "
            + "Unknown properties are refused; null counts as absent.")
        {
            Example = SampleScenario(),
            [nameof(Scenario.Name)] = new("Name", "A name for the scenario, 1 to 200 characters.", Visibility.Important),
            [nameof(Scenario.Segment)] = new("Segment", "The industry segment whose benchmark bands apply.", Default: "all-sectors"),
            [nameof(Scenario.BaselineId)] = new("Baseline approach",
                "Id of the approach the others are compared with; default: the first prompt approach, else the first approach."),
            [nameof(Scenario.Workload)] = new("Workload", "Request volume over the planning horizon."),
            [nameof(Scenario.Revenue)] = new("Revenue", "What a request earns."),
            [nameof(Scenario.Quality)] = new("Quality", "Quality economics."),
            [nameof(Scenario.Optimizations)] = new("Optimizations", "Caching and batch pricing."),
            [nameof(Scenario.Approaches)] = new("Approaches",
                "1 to 10 ways of serving the requests (prompt, RAG, fine-tune), ids unique.", Visibility.Important),
            [nameof(Scenario.Monitoring)] = new("Monitoring", "How actual usage is compared with the plan."),
            [nameof(Scenario.PricesAsOf)] = new("Prices as of",
                "The day, YYYY-MM-DD, whose catalog prices a named model takes; default: the day of the analysis (UTC)."),
        },
        [typeof(Monitoring)] = new TypeDoc("Monitoring",
            "How a stored scenario's actual usage is compared with its plan (economics.md section 9); every field optional.")
        {
            [nameof(Monitoring.ApproachId)] = new("Approach in production",
                "The approach whose plan actual usage is compared with; default the recommendation, else the baseline."),
            [nameof(Monitoring.StartDate)] = new("Start date",
                "The day plan month 0 begins, from 2000-01-01 to 2099-12-31; default the day the scenario was created (UTC)."),
            [nameof(Monitoring.WarnAbove)] = new("Warn above",
                "A day above its plan by more than this fraction (0.25 is 25 %) is a warning.", Default: DefaultWarnAbove),
            [nameof(Monitoring.AlertAbove)] = new("Alert above",
                "A day above its plan by more than this fraction is an alert; at least warnAbove.", Default: DefaultAlertAbove),
            [nameof(Monitoring.MinimumDollars)] = new("Minimum dollars",
                "No day is over plan, nor a spike, by fewer dollars than this.", Default: DefaultMinimumDollars),
        },
        [typeof(Workload)] = new TypeDoc("Workload",
            "Request volume over the planning horizon. The projected volume of the last month, "
            + "requestsPerMonth * (1 + monthlyGrowthRate)^(horizonMonths - 1), must be at most 1e15 requests.")
        {
            [nameof(Workload.RequestsPerMonth)] = new("Requests per month", "Requests in month 0, before growth.", Visibility.Important),
            [nameof(Workload.HorizonMonths)] = new("Horizon (months)", "Months planned.", Default: DefaultHorizonMonths),
            [nameof(Workload.MonthlyGrowthRate)] = new("Monthly growth rate",
                "Compounding monthly growth of the volume, a fraction (0.05 is 5 % a month).", Default: 0m),
        },
        [typeof(Revenue)] = new TypeDoc("Revenue",
            "What a request earns; without it every margin figure is null. Needs perRequest, or both perUserPerMonth and "
            + "requestsPerUserPerMonth.")
        {
            [nameof(Revenue.PerRequest)] = new("Revenue per request",
                "Dollars earned per request; default perUserPerMonth / requestsPerUserPerMonth.", Visibility.Important),
            [nameof(Revenue.PerUserPerMonth)] = new("Revenue per user per month",
                "Subscription price in dollars per user per month; with requestsPerUserPerMonth it gives the margin collapse point."),
            [nameof(Revenue.RequestsPerUserPerMonth)] = new("Requests per user per month", "Requests one user makes in a month."),
            [nameof(Revenue.TargetGrossMargin)] = new("Target gross margin",
                "Gross margin rate, a fraction, that counts as viable in the scale check.", Default: DefaultTargetGrossMargin),
        },
        [typeof(Quality)] = new TypeDoc("Quality",
            "Quality economics: the value of a correct output, the cost of a wrong one, and human review. Every figure defaults to 0.")
        {
            [nameof(Quality.ValuePerCorrectOutput)] = new("Value per correct output", "Dollars created by one correct output.", Default: 0m),
            [nameof(Quality.CostPerError)] = new("Cost per error",
                "Dollars lost when a wrong output reaches a user (the hallucination cost).", Default: 0m),
            [nameof(Quality.ReviewRate)] = new("Review rate",
                "Share of outputs a person reviews, a fraction; review catches every error it sees.", Default: 0m),
            [nameof(Quality.ReviewMinutes)] = new("Review minutes", "Minutes one review takes, 0 to 60.", Default: 0m),
            [nameof(Quality.ReviewerHourlyRate)] = new("Reviewer hourly rate", "Dollars per reviewer hour.", Default: 0m),
            [nameof(Quality.RequiredAccuracy)] = new("Required accuracy",
                "Approaches below this accuracy (a fraction) are not eligible for the recommendation; absent, all are."),
        },
        [typeof(Optimizations)] = new TypeDoc("Optimizations", "Response caching and batch pricing, applied to every approach.")
        {
            [nameof(Optimizations.CacheHitRate)] = new("Cache hit rate", "Share of requests answered from a response cache, a fraction.",
                Default: 0m),
            [nameof(Optimizations.CacheLookupCost)] = new("Cache lookup cost", "Dollars per cache hit.", Default: 0m),
            [nameof(Optimizations.BatchShare)] = new("Batch share", "Share of requests sent through a batch API, a fraction.", Default: 0m),
            [nameof(Optimizations.BatchDiscount)] = new("Batch discount", "Discount on model tokens for batched requests, a fraction.",
                Default: DefaultBatchDiscount),
        },
        [typeof(Approach)] = new TypeDoc("Approach",
            "One way of serving the requests: prompting a general model, retrieval-augmented generation or a fine-tuned model.")
        {
            [nameof(Approach.Id)] = new("Id",
                "Unique within the scenario: 1 to 40 lowercase letters, digits or hyphens, not starting with a hyphen.", Visibility.Important),
            [nameof(Approach.Kind)] = new("Kind", "How the approach gets its answers.", Visibility.Important),
            [nameof(Approach.Pricing)] = new("Pricing",
                "Model token prices; required unless model is given, and a price given here wins over the catalog's."),
            [nameof(Approach.InputTokens)] = new("Input tokens",
                "Input tokens per request, cached ones included. A whole number from 0 to 10,000,000.", Visibility.Important),
            [nameof(Approach.CachedInputTokens)] = new("Cached input tokens",
                "Input tokens per request billed at the cached price; at most inputTokens. A whole number from 0 to 10,000,000.", Default: 0m),
            [nameof(Approach.OutputTokens)] = new("Output tokens",
                "Output tokens per request. A whole number from 0 to 10,000,000.", Visibility.Important),
            [nameof(Approach.Accuracy)] = new("Accuracy", "Share of outputs that are correct, a fraction from 0.001 to 1.", Visibility.Important),
            [nameof(Approach.Retrieval)] = new("Retrieval", "Retrieval costs."),
            [nameof(Approach.Routing)] = new("Routing", "Model routing."),
            [nameof(Approach.FixedMonthlyCost)] = new("Fixed monthly cost",
                "Dollars per month regardless of volume, e.g. a vector database's base fee.", Default: 0m),
            [nameof(Approach.HostingPerHour)] = new("Hosting per hour",
                "Dollars per hour of hosting, e.g. a deployed fine-tuned model; billed 730 hours a month.", Default: 0m),
            [nameof(Approach.Training)] = new("Training", "Training costs."),
            [nameof(Approach.Model)] = new("Model",
                "A price catalog id, e.g. openai/gpt-4.1-mini-2025-04-14: its prices fill those the approach leaves out (for a "
                + "fine-tune its fine-tuned token prices, hosting and training price).", Visibility.Important, Values: CatalogIds),
        },
        [typeof(Pricing)] = new TypeDoc("Pricing",
            "Model token prices in dollars per million tokens, 0 to 10,000. Input and output are required unless the approach "
            + "(or routing) names a model.")
        {
            [nameof(Pricing.InputPerMillion)] = new("Input price",
                "Dollars per million input tokens; required unless a model is named.", Visibility.Important),
            [nameof(Pricing.OutputPerMillion)] = new("Output price",
                "Dollars per million output tokens; required unless a model is named.", Visibility.Important),
            [nameof(Pricing.CachedInputPerMillion)] = new("Cached input price",
                "Dollars per million cached input tokens; default the input price."),
        },
        [typeof(Retrieval)] = new TypeDoc("Retrieval",
            "Retrieval costs per request; any kind of approach may have them (fine-tune with retrieval is a hybrid). Every figure defaults to 0.")
        {
            [nameof(Retrieval.ContextTokens)] = new("Context tokens",
                "Retrieved tokens added to the prompt, billed at the input price. A whole number from 0 to 10,000,000.", Default: 0m),
            [nameof(Retrieval.EmbeddingTokens)] = new("Embedding tokens",
                "Tokens embedded for the query. A whole number from 0 to 10,000,000.", Default: 0m),
            [nameof(Retrieval.EmbeddingPerMillion)] = new("Embedding price", "Dollars per million embedded tokens.", Default: 0m),
            [nameof(Retrieval.CostPerQuery)] = new("Cost per query", "Dollars per vector search.", Default: 0m),
        },
        [typeof(Routing)] = new TypeDoc("Routing", "Model routing: a share of the requests goes to another, usually cheaper, model.")
        {
            [nameof(Routing.Share)] = new("Routed share", "Share of requests sent to the routed model, a fraction."),
            [nameof(Routing.Pricing)] = new("Routed pricing", "The routed model's token prices; required unless model is given."),
            [nameof(Routing.Accuracy)] = new("Routed accuracy", "Share of the routed model's outputs that are correct, a fraction from 0.001 to 1."),
            [nameof(Routing.Model)] = new("Routed model",
                "A price catalog id whose input, output and cached input prices fill those the routing leaves out.", Values: CatalogIds),
        },
        [typeof(Training)] = new TypeDoc("Training",
            "Training costs of a fine-tuned model: required for kind fine-tune, refused for the other kinds. Every cost defaults to 0 "
            + "(a hosted fine-tune has no GPU hours, a self-hosted run no per-token price).")
        {
            [nameof(Training.TrainingTokens)] = new("Training tokens", "Tokens in the training set, 0 to 1e13.", Default: 0m),
            [nameof(Training.Epochs)] = new("Epochs", "Passes over the training set, 1 to 100.", Default: DefaultEpochs),
            [nameof(Training.TrainingPerMillion)] = new("Training price",
                "Dollars per million trained tokens; each epoch trains every token once.", Default: 0m),
            [nameof(Training.GpuHours)] = new("GPU hours", "GPU hours per training run, 0 to 1e7.", Default: 0m),
            [nameof(Training.GpuHourlyRate)] = new("GPU hourly rate", "Dollars per GPU hour.", Default: 0m),
            [nameof(Training.DataPreparationCost)] = new("Data preparation cost", "One-time dollars, charged with the first run only.", Default: 0m),
            [nameof(Training.EvaluationCost)] = new("Evaluation cost", "Dollars per training run.", Default: 0m),
            [nameof(Training.RetrainEveryMonths)] = new("Retrain every (months)", "Retraining cadence in months, 1 to 120; absent, trained once."),
        },

        // The analysis (api.md, "Analysis"; economics.md sections 2 to 6).
        [typeof(Analysis)] = new TypeDoc("Analysis",
            "Everything computed for one scenario: per-approach costs, break-even against the baseline, the recommendation, "
            + "a scale check and benchmark tiers. Every figure is a JSON number rounded once to 8 decimal places, half to even; "
            + "a figure that does not exist for the scenario is null, never 0.")
        {
            [nameof(Analysis.ScenarioName)] = new("Scenario name", "The scenario's name.", Visibility.Important),
            [nameof(Analysis.Segment)] = new("Segment", "The segment whose benchmark bands applied."),
            [nameof(Analysis.HorizonMonths)] = new("Horizon (months)", "Months planned."),
            [nameof(Analysis.TotalRequests)] = new("Total requests", "Requests over the whole horizon, growth included."),
            [nameof(Analysis.BaselineId)] = new("Baseline approach", "Id of the approach the others are compared with."),
            [nameof(Analysis.Approaches)] = new("Approaches", "The figures of each approach, in the scenario's order.", Visibility.Important),
            [nameof(Analysis.BreakEven)] = new("Break-even", "Each approach other than the baseline against the baseline.", Visibility.Important),
            [nameof(Analysis.Recommendation)] = new("Recommendation", "The recommended approach and why."),
            [nameof(Analysis.Scale)] = new("Scale check", "The analysis repeated at 1, 10 and 100 times the monthly volume."),
            [nameof(Analysis.Benchmarks)] = new("Benchmarks", "The recommended (else baseline) approach's metrics placed in their benchmark bands."),
            [nameof(Analysis.Notes)] = new("Notes", "Why a figure is null or a default was applied.", Item: ("Note", "A note.")),
            [nameof(Analysis.Prices)] = new("Catalog prices",
                "The price catalog entries that filled prices the scenario left out, one per approach or routing naming a model; "
                + "empty when none does."),
            [nameof(Analysis.Reference)] = new("Reference data", "The versions of the benchmark bands and prices the analysis used."),
            [nameof(Analysis.Decision)] = new("Decision",
                "What would change the recommendation; only when asked for (include=decision)."),
            [nameof(Analysis.Sensitivity)] = new("Sensitivity",
                "Each studied input at 0.8 and 1.2 times its value, largest swing first; only when asked for (include=sensitivity)."),
            [nameof(Analysis.Timeline)] = new("Timeline", "Cumulative costs month by month; only when asked for (include=timeline)."),
        },
        [typeof(ApproachAnalysis)] = new TypeDoc("Approach analysis", "The figures of one approach (economics.md sections 2 and 3).")
        {
            [nameof(ApproachAnalysis.Id)] = new("Approach id", "The approach's id.", Visibility.Important),
            [nameof(ApproachAnalysis.Kind)] = new("Kind", "How the approach gets its answers."),
            [nameof(ApproachAnalysis.Accuracy)] = new("Accuracy", "Blended accuracy, routing included, a fraction."),
            [nameof(ApproachAnalysis.Eligible)] = new("Eligible", "Whether the approach reaches the required accuracy."),
            [nameof(ApproachAnalysis.PerRequest)] = new("Per request", "Dollars per request."),
            [nameof(ApproachAnalysis.Monthly)] = new("Monthly", "Dollars per month."),
            [nameof(ApproachAnalysis.Training)] = new("Training", "Training dollars."),
            [nameof(ApproachAnalysis.Horizon)] = new("Horizon", "Dollars over the horizon."),
            [nameof(ApproachAnalysis.MarginCollapseRequestsPerUser)] = new("Margin collapse point",
                "Monthly requests at which one subscriber's inference cost equals the subscription; null without perUserPerMonth "
                + "or when inference is free."),
            [nameof(ApproachAnalysis.PerUser)] = new("Per user",
                "One subscriber's month, dollars; null unless the revenue gives both perUserPerMonth and requestsPerUserPerMonth."),
        },
        [typeof(PerUserFigures)] = new TypeDoc("Per user",
            "One subscriber's month, dollars; only with both perUserPerMonth and requestsPerUserPerMonth.")
        {
            [nameof(PerUserFigures.AiCost)] = new("AI cost per user",
                "What one subscriber's requests cost in a month, training and hosting included."),
            [nameof(PerUserFigures.Revenue)] = new("Revenue per user", "What one subscriber pays in a month."),
            [nameof(PerUserFigures.Margin)] = new("Margin per user", "What one subscriber pays minus what their requests cost."),
        },
        [typeof(PerRequestCosts)] = new TypeDoc("Per-request costs", "Dollars per request.")
        {
            [nameof(PerRequestCosts.ModelTokenCost)] = new("Model token cost",
                "What the model's tokens for one request cost, routing blended in, before caching and batch discounts."),
            [nameof(PerRequestCosts.RetrievalCost)] = new("Retrieval cost", "What embedding the query and searching the vectors cost for one request."),
            [nameof(PerRequestCosts.InferenceCost)] = new("Inference cost",
                "What serving one request costs: model tokens and retrieval after caching and batch discounts.", Visibility.Important),
            [nameof(PerRequestCosts.VerificationCost)] = new("Verification cost", "What human review costs, spread over every request."),
            [nameof(PerRequestCosts.ErrorCost)] = new("Error cost", "What wrong answers that reach users are expected to cost, per request."),
            [nameof(PerRequestCosts.EconomicCost)] = new("Economic cost",
                "Inference, review and error costs of one request, without training, hosting or fixed costs."),
            [nameof(PerRequestCosts.FullyLoadedCost)] = new("Fully loaded cost",
                "Everything the approach itself costs over the horizon (inference, training, hosting, fixed costs), per request.",
                Visibility.Important),
            [nameof(PerRequestCosts.CostOfPredictivity)] = new("Cost of predictivity",
                "What one correct output costs: the fully loaded cost and review, paid for every attempt, wrong ones included."),
            [nameof(PerRequestCosts.AllInCost)] = new("All-in cost",
                "Everything per request: the fully loaded cost plus review and error costs.", Visibility.Important),
        },
        [typeof(MonthlyCosts)] = new TypeDoc("Monthly costs", "Dollars per month.")
        {
            [nameof(MonthlyCosts.FixedCost)] = new("Fixed monthly cost", "Fixed monthly cost plus hosting for 730 hours, dollars."),
            [nameof(MonthlyCosts.RunRate)] = new("Monthly run rate",
                "Month 0: requests times inference cost plus the fixed cost, training excluded, dollars.", Visibility.Important),
        },
        [typeof(TrainingCosts)] = new TypeDoc("Training costs", "Training dollars; all zero for an approach without training.")
        {
            [nameof(TrainingCosts.InitialCost)] = new("Initial training cost", "Compute, data preparation and evaluation, charged in month 0, dollars."),
            [nameof(TrainingCosts.RetrainCost)] = new("Retraining cost", "Compute and evaluation of each later run, dollars."),
            [nameof(TrainingCosts.Runs)] = new("Training runs", "Training runs inside the horizon."),
        },
        [typeof(HorizonFigures)] = new TypeDoc("Horizon figures",
            "Dollars over the whole horizon. Revenue figures are null without revenue; the rates also when revenue is 0.")
        {
            [nameof(HorizonFigures.TotalCost)] = new("Total cost", "Training, inference and fixed costs over the horizon, dollars.", Visibility.Important),
            [nameof(HorizonFigures.QualityCost)] = new("Quality cost", "Verification and error costs over the horizon, dollars."),
            [nameof(HorizonFigures.Revenue)] = new("Revenue", "Revenue over the horizon, dollars."),
            [nameof(HorizonFigures.GrossMargin)] = new("Gross margin", "Revenue minus total cost, dollars."),
            [nameof(HorizonFigures.GrossMarginRate)] = new("Gross margin rate", "Gross margin over revenue, a fraction."),
            [nameof(HorizonFigures.AiCogsToRevenue)] = new("AI COGS to revenue", "Total cost over revenue, a fraction."),
            [nameof(HorizonFigures.NetValue)] = new("Net value", "Value of the correct outputs minus total and quality costs, dollars.", Visibility.Important),
        },
        [typeof(BreakEven)] = new TypeDoc("Break-even", "Break-even of one approach against the baseline, on cost alone and quality-adjusted.")
        {
            [nameof(BreakEven.ApproachId)] = new("Approach id", "The approach compared.", Visibility.Important),
            [nameof(BreakEven.BaselineId)] = new("Baseline id", "The baseline it is compared with."),
            [nameof(BreakEven.Cost)] = new("Cost view", "Per-request figure: inference cost."),
            [nameof(BreakEven.QualityAdjusted)] = new("Quality-adjusted view", "Per-request figure: economic cost."),
        },
        [typeof(BreakEvenView)] = new TypeDoc("Break-even view",
            "One view of a break-even: per-request figure inference cost (cost) or economic cost (qualityAdjusted).")
        {
            [nameof(BreakEvenView.SavingsPerRequest)] = new("Savings per request", "Baseline per-request figure minus the approach's, dollars.",
                Visibility.Important),
            [nameof(BreakEvenView.FixedMonthlyDelta)] = new("Fixed monthly delta", "Approach's fixed monthly cost minus the baseline's, dollars."),
            [nameof(BreakEvenView.OneTimeDelta)] = new("One-time delta", "Approach's initial training minus the baseline's, dollars."),
            [nameof(BreakEvenView.RecurringDelta)] = new("Recurring delta",
                "Approach's extra running cost a month: the fixed monthly delta plus each side's retraining spread over its cadence, dollars."),
            [nameof(BreakEvenView.MinimumMonthlyRequests)] = new("Minimum monthly requests",
                "Steady monthly requests below which the savings never cover the recurring delta; null when nothing is saved per request."),
            [nameof(BreakEvenView.PaybackMonths)] = new("Payback (months)",
                "Months, fractional, from which the approach stays ahead of the baseline through the end of the horizon (after it: "
                + "from which it is first ahead); null when not within 600 months.", Visibility.Important),
            [nameof(BreakEvenView.BreakEvenRequests)] = new("Break-even requests", "Requests served by then, rounded up; null when never."),
            [nameof(BreakEvenView.Verdict)] = new("Verdict", "When the approach pays back against the baseline.", Visibility.Important),
        },
        [typeof(Recommendation)] = new TypeDoc("Recommendation", "The eligible approach with the highest net value, with reasons a person can act on.")
        {
            [nameof(Recommendation.ApproachId)] = new("Recommended approach",
                "Id of the recommended approach; null when no approach is eligible.", Visibility.Important),
            [nameof(Recommendation.Reasons)] = new("Reasons", "Why this approach, or why none.", Visibility.Important,
                Item: ("Reason", "A reason.")),
        },
        [typeof(ScaleCheck)] = new TypeDoc("Scale check", "The horizon figures repeated at a multiple of the monthly volume.")
        {
            [nameof(ScaleCheck.Multiplier)] = new("Multiplier", "1, 10 or 100."),
            [nameof(ScaleCheck.RequestsPerMonth)] = new("Requests per month", "Month-0 requests at this scale."),
            [nameof(ScaleCheck.RecommendedApproachId)] = new("Recommended approach", "The recommendation at this scale; null when none is eligible."),
            [nameof(ScaleCheck.Approaches)] = new("Approaches", "Each approach at this scale."),
        },
        [typeof(ScaleApproach)] = new TypeDoc("Scale approach", "One approach at one scale.")
        {
            [nameof(ScaleApproach.Id)] = new("Approach id", "The approach's id."),
            [nameof(ScaleApproach.FullyLoadedCost)] = new("Fully loaded cost", "Dollars per request."),
            [nameof(ScaleApproach.MonthlyRunRate)] = new("Monthly run rate", "Dollars in month 0."),
            [nameof(ScaleApproach.AiCogsToRevenue)] = new("AI COGS to revenue", "Total cost over revenue, a fraction."),
            [nameof(ScaleApproach.GrossMarginRate)] = new("Gross margin rate", "Gross margin over revenue, a fraction."),
            [nameof(ScaleApproach.Viable)] = new("Viable", "Gross margin rate at least the target; null without revenue."),
        },
        [typeof(BenchmarkComparison)] = new TypeDoc("Benchmark comparison", "One metric of the scenario placed in its benchmark band.")
        {
            [nameof(BenchmarkComparison.Metric)] = new("Metric", "The benchmarked metric."),
            [nameof(BenchmarkComparison.Value)] = new("Value", "The scenario's value, a fraction or dollars per request."),
            [nameof(BenchmarkComparison.Tier)] = new("Tier", "Where the value falls within the band."),
            [nameof(BenchmarkComparison.Band)] = new("Band", "The band the value was placed in."),
        },

        // What would change the answer (economics.md section 7), only when asked for.
        [typeof(Decision)] = new TypeDoc("Decision",
            "What would change the recommendation: for each studied input, the nearest values below and above at which it changes.")
        {
            [nameof(Decision.RecommendedId)] = new("Recommended approach", "Today's recommendation; null when no approach is eligible.",
                Visibility.Important),
            [nameof(Decision.Boundaries)] = new("Boundaries",
                "One line per input with a boundary in its valid range, nearest first (relative distance).", Visibility.Important),
            [nameof(Decision.RobustTo)] = new("Robust to", "Inputs at no valid value of which the recommendation changes.",
                Item: ("Path", "An input's JSON path.")),
        },
        [typeof(DecisionBoundary)] = new TypeDoc("Decision boundary",
            "The nearest values of one input, every other held, at which the recommendation changes.")
        {
            [nameof(DecisionBoundary.Path)] = new("Input", "The input's JSON path in the scenario, such as approaches[1].pricing.inputPerMillion.",
                Visibility.Important),
            [nameof(DecisionBoundary.Current)] = new("Current value", "The input's value today, or its default when the scenario leaves it out.",
                Visibility.Important),
            [nameof(DecisionBoundary.Below)] = new("Below", "The nearest boundary below the current value; null when none is in the valid range.",
                Visibility.Important),
            [nameof(DecisionBoundary.Above)] = new("Above", "The nearest boundary above the current value; null when none is in the valid range.",
                Visibility.Important),
        },
        [typeof(BoundaryCrossing)] = new TypeDoc("Boundary", "A value of an input at which the recommendation changes, and what it becomes.")
        {
            [nameof(BoundaryCrossing.Value)] = new("Boundary", "The value at which the recommendation changes: exact, within 1e-9 for the growth "
                + "rate, a whole month for the horizon.", Visibility.Important),
            [nameof(BoundaryCrossing.RecommendedId)] = new("Recommended past it",
                "The recommendation just past the boundary; null when none is eligible.", Visibility.Important),
        },
        [typeof(SensitivityLine)] = new TypeDoc("Sensitivity line", "One input of the tornado, at 0.8 and 1.2 times its value (clamped to its valid range).")
        {
            [nameof(SensitivityLine.Path)] = new("Input", "The input's JSON path in the scenario.", Visibility.Important),
            [nameof(SensitivityLine.Low)] = new("At 0.8 times", "The scenario with the input at 0.8 times its value."),
            [nameof(SensitivityLine.High)] = new("At 1.2 times", "The scenario with the input at 1.2 times its value."),
            [nameof(SensitivityLine.Swing)] = new("Swing", "The difference between the two margins, dollars; null when a margin is.",
                Visibility.Important),
        },
        [typeof(SensitivityPoint)] = new TypeDoc("Sensitivity point", "The scenario evaluated with one input moved.")
        {
            [nameof(SensitivityPoint.Value)] = new("Value", "The input's value there; whole for token counts and months.", Visibility.Important),
            [nameof(SensitivityPoint.RecommendedId)] = new("Recommended there", "The recommendation there; null when no approach is eligible.",
                Visibility.Important),
            [nameof(SensitivityPoint.Margin)] = new("Margin", "Net value of today's recommendation there minus the best other eligible "
                + "approach's, dollars; negative where another would win on net value, null without either.", Visibility.Important),
        },
        [typeof(Timeline)] = new TypeDoc("Timeline", "Cumulative costs month by month: the data behind a break-even chart.")
        {
            [nameof(Timeline.Approaches)] = new("Approaches", "Each approach, in the scenario's order.", Visibility.Important),
        },
        [typeof(TimelineApproach)] = new TypeDoc("Timeline approach", "One approach's cumulative dollars at the end of each month of the horizon.")
        {
            [nameof(TimelineApproach.Id)] = new("Approach id", "The approach's id.", Visibility.Important),
            [nameof(TimelineApproach.CumulativeCost)] = new("Cumulative cost",
                "Training, inference and fixed costs so far, one per month; the last equals horizon.totalCost.", Visibility.Important,
                Item: ("Cumulative cost", "Dollars so far.")),
            [nameof(TimelineApproach.CumulativeAllInCost)] = new("Cumulative all-in cost", "The same plus review and error costs, one per month.",
                Item: ("Cumulative all-in cost", "Dollars so far.")),
            [nameof(TimelineApproach.Advantage)] = new("Advantage",
                "The baseline's cumulative costs minus this approach's at each month's end, dollars; null for the baseline."),
        },
        [typeof(TimelineAdvantage)] = new TypeDoc("Advantage", "The baseline's cumulative costs minus this approach's at each month's end, dollars.")
        {
            [nameof(TimelineAdvantage.Cost)] = new("Cost view", "On cumulative cost, one per month.", Item: ("Advantage", "Dollars.")),
            [nameof(TimelineAdvantage.QualityAdjusted)] = new("Quality-adjusted view", "On cumulative all-in cost, one per month.",
                Item: ("Advantage", "Dollars.")),
        },

        // Benchmark bands, peers and comparisons (economics.md section 6).
        [typeof(BenchmarkBand)] = new TypeDoc("Benchmark band",
            "The tier thresholds of one metric in one segment. For lower-is-better, elite <= medianLow <= medianHigh <= low; "
            + "mirrored for higher-is-better.")
        {
            [nameof(BenchmarkBand.Segment)] = new("Segment", "The segment the band applies to.", Visibility.Important),
            [nameof(BenchmarkBand.Metric)] = new("Metric", "The benchmarked metric.", Visibility.Important),
            [nameof(BenchmarkBand.Direction)] = new("Direction", "Which way is better."),
            [nameof(BenchmarkBand.Low)] = new("Low threshold", "Worse than this is the low tier. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBand.MedianLow)] = new("Median from",
                "The better-side bound of the median range, included. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBand.MedianHigh)] = new("Median to",
                "The worse-side bound of the median range, included. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBand.Elite)] = new("Elite threshold", "Better than this is the elite tier. A fraction, or dollars per request.",
                Visibility.Important),
            [nameof(BenchmarkBand.Source)] = new("Source", "Where the figures come from."),
        },
        [typeof(BenchmarkBandInput)] = new TypeDoc("Benchmark band input",
            "A band's thresholds and source; the segment and metric are in the path. Thresholds must be in order "
            + "(for lower-is-better, elite <= medianLow <= medianHigh <= low; mirrored for higher-is-better).")
        {
            [nameof(BenchmarkBandInput.Direction)] = new("Direction",
                "Which way is better; it must be the metric's own (lower-is-better for costs, higher-is-better for shares).", Visibility.Important),
            [nameof(BenchmarkBandInput.Low)] = new("Low threshold", "Worse than this is the low tier. A fraction, or dollars per request.",
                Visibility.Important),
            [nameof(BenchmarkBandInput.MedianLow)] = new("Median from",
                "The better-side bound of the median range, included. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBandInput.MedianHigh)] = new("Median to",
                "The worse-side bound of the median range, included. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBandInput.Elite)] = new("Elite threshold",
                "Better than this is the elite tier. A fraction, or dollars per request.", Visibility.Important),
            [nameof(BenchmarkBandInput.Source)] = new("Source",
                "Where the figures come from, e.g. a survey or an internal measurement; 1 to 200 characters.", Visibility.Important),
        },
        [typeof(BenchmarkSetResource)] = new TypeDoc("Benchmarks", "The benchmark bands in force and their version.", "BenchmarkSet")
        {
            [nameof(BenchmarkSetResource.Version)] = new("Version", "Goes up by one with every change to a band."),
            [nameof(BenchmarkSetResource.Bands)] = new("Bands", "Every band.", Visibility.Important),
        },
        [typeof(PeerStatisticsResource)] = new TypeDoc("Peer statistics",
            "Published peer statistics across workspaces: only rows with at least 5 scenarios from at least 3 workspaces "
            + "(5 workspaces for ai-feature-profitability).", "PeerStatistics")
        {
            [nameof(PeerStatisticsResource.ComputedAt)] = new("Computed at", "When the last recompute started (UTC); null before any."),
            [nameof(PeerStatisticsResource.Segments)] = new("Rows", "One row per segment and metric that meets the publication rule.",
                Visibility.Important),
        },
        [typeof(PeerStatistic)] = new TypeDoc("Peer statistic", "The distribution of one metric's latest values in one segment.")
        {
            [nameof(PeerStatistic.Segment)] = new("Segment", "The segment.", Visibility.Important),
            [nameof(PeerStatistic.Metric)] = new("Metric", "The metric.", Visibility.Important),
            [nameof(PeerStatistic.Count)] = new("Count", "Values that contributed (scenarios, or workspaces for ai-feature-profitability)."),
            [nameof(PeerStatistic.Workspaces)] = new("Workspaces", "Distinct workspaces among them."),
            [nameof(PeerStatistic.P10)] = new("P10", "The 10th percentile, interpolated linearly."),
            [nameof(PeerStatistic.P25)] = new("P25", "The 25th percentile, interpolated linearly."),
            [nameof(PeerStatistic.P50)] = new("P50", "The 50th percentile, interpolated linearly.", Visibility.Important),
            [nameof(PeerStatistic.P75)] = new("P75", "The 75th percentile, interpolated linearly."),
            [nameof(PeerStatistic.P90)] = new("P90", "The 90th percentile, interpolated linearly."),
        },
        [typeof(ComparisonResource)] = new TypeDoc("Comparison",
            "A stored scenario's metrics placed in their bands and among their peers, as of the last recompute.", "Comparison")
        {
            [nameof(ComparisonResource.ScenarioId)] = new("Scenario id", "The scenario compared."),
            [nameof(ComparisonResource.ComputedAt)] = new("Computed at",
                "When the recompute that wrote it started (UTC); null when computed on the spot, before any recompute covered the scenario."),
            [nameof(ComparisonResource.BenchmarkVersion)] = new("Benchmark version", "The version of the bands used."),
            [nameof(ComparisonResource.PriceVersion)] = new("Price version",
                "The version of the price catalog the scenario was priced from; null for a comparison written before it was recorded."),
            [nameof(ComparisonResource.Stale)] = new("Stale",
                "Whether the scenario, the bands or the price catalog changed after computedAt.", Visibility.Important),
            [nameof(ComparisonResource.Metrics)] = new("Metrics", "One entry per metric of the scenario.", Visibility.Important),
        },
        [typeof(MetricComparison)] = new TypeDoc("Metric comparison", "One metric of the scenario: its tier in the band and its place among peers.")
        {
            [nameof(MetricComparison.Metric)] = new("Metric", "The metric.", Visibility.Important),
            [nameof(MetricComparison.Value)] = new("Value", "The scenario's value, a fraction or dollars per request.", Visibility.Important),
            [nameof(MetricComparison.Tier)] = new("Tier", "Where the value falls within the band.", Visibility.Important),
            [nameof(MetricComparison.Band)] = new("Band", "The band the value was placed in."),
            [nameof(MetricComparison.Peers)] = new("Peer placement",
                "The published peer figures of the metric's segment and where the scenario's value falls among them; null while "
                + "they are not published."),
        },
        [typeof(PeerPlacement)] = new TypeDoc("Peer placement",
            "The published peer figures of the metric's segment and where the scenario's value falls among them.")
        {
            [nameof(PeerPlacement.Count)] = new("Count", "Values that contributed (scenarios, or workspaces for ai-feature-profitability)."),
            [nameof(PeerPlacement.Workspaces)] = new("Workspaces", "Distinct workspaces among them."),
            [nameof(PeerPlacement.P10)] = new("P10", "The 10th percentile, interpolated linearly."),
            [nameof(PeerPlacement.P25)] = new("P25", "The 25th percentile, interpolated linearly."),
            [nameof(PeerPlacement.P50)] = new("P50", "The 50th percentile, interpolated linearly.", Visibility.Important),
            [nameof(PeerPlacement.P75)] = new("P75", "The 75th percentile, interpolated linearly."),
            [nameof(PeerPlacement.P90)] = new("P90", "The 90th percentile, interpolated linearly."),
            [nameof(PeerPlacement.ShareOfPeersBeaten)] = new("Share of peers beaten",
                "The share of the other contributed values that the scenario's value is better than, ties counting half: "
                + "(worse + 0.5 * ties) / (n - 1), a fraction from 0 (beats none) to 1 (beats every peer), whichever way the "
                + "metric is better; 0.5 when it is the only value.", Visibility.Important),
        },
        [typeof(RecomputeSummary)] = new TypeDoc("Recompute summary", "What one recompute request did.")
        {
            [nameof(RecomputeSummary.RunId)] = new("Run id", "The run record: the slot for a timer run, a start time and suffix for a manual one."),
            [nameof(RecomputeSummary.Trigger)] = new("Trigger", "What started the run."),
            [nameof(RecomputeSummary.Status)] = new("Status",
                "completed when this request ran the run to its end; already-completed (it had completed before) or busy "
                + "(another request holds it) when this request did nothing.", Visibility.Important),
            [nameof(RecomputeSummary.Resumed)] = new("Resumed",
                "Whether the run this request completed was an interrupted one it took up, skipping what was already written."),
            [nameof(RecomputeSummary.Attempts)] = new("Attempts", "Requests that took up this run, this one included."),
            [nameof(RecomputeSummary.ComputedAt)] = new("Computed at", "The computedAt of what it wrote (UTC); null when it did nothing."),
            [nameof(RecomputeSummary.BenchmarkVersion)] = new("Benchmark version", "The version of the bands used; null when it did nothing."),
            [nameof(RecomputeSummary.PriceVersion)] = new("Price version",
                "The version of the price catalog scenarios naming a model were priced from; null when it did nothing."),
            [nameof(RecomputeSummary.Scenarios)] = new("Scenarios", "Stored scenarios read.", Visibility.Important),
            [nameof(RecomputeSummary.InvalidScenarios)] = new("Invalid scenarios",
                "Stored rows that today's rules refuse (written when they were looser, or by hand), or that name a model the price "
                + "catalog cannot price; skipped, and each logged."),
            [nameof(RecomputeSummary.Workspaces)] = new("Workspaces", "Workspaces with at least one scenario."),
            [nameof(RecomputeSummary.PeerRowsPublished)] = new("Peer rows published", "Segment and metric rows that met the publication rule."),
            [nameof(RecomputeSummary.ComparisonsWritten)] = new("Comparisons written", "Scenario comparisons written by this request.",
                Visibility.Important),
            [nameof(RecomputeSummary.ComparisonsAlreadyWritten)] = new("Comparisons already written",
                "Skipped because an interrupted attempt of the same run had written them."),
            [nameof(RecomputeSummary.DurationMilliseconds)] = new("Duration (ms)", "This request's time, start to end, in milliseconds."),
            [nameof(RecomputeSummary.ScenariosPerSecond)] = new("Scenarios per second", "Scenarios scanned per second over that time."),
        },

        // The model price catalog (economics.md section 8): token rates in dollars per million tokens, hosting in dollars
        // per hour; a rate no source gives is null, never 0.
        [typeof(ModelPriceResource)] = new TypeDoc("Model price",
            "One version of a catalog entry: its rates from effectiveFrom until effectiveTo (exclusive), and where they come from.",
            "ModelPrice")
        {
            [nameof(ModelPriceResource.Id)] = new("Model id", "provider/model or provider/model/deployment, lower case.", Visibility.Important),
            [nameof(ModelPriceResource.Provider)] = new("Provider", "openai, azure-openai, or another by its plain name."),
            [nameof(ModelPriceResource.Model)] = new("Model", "The model as the provider names it.", Visibility.Important),
            [nameof(ModelPriceResource.Deployment)] = new("Deployment",
                "The deployment type where the provider prices them differently (global, data-zone, regional); null otherwise."),
            [nameof(ModelPriceResource.EffectiveFrom)] = new("Effective from", "The first day (UTC) these rates apply."),
            [nameof(ModelPriceResource.EffectiveTo)] = new("Effective to", "The day the next version starts, exclusive; null while none exists."),
            [nameof(ModelPriceResource.InputPerMillion)] = new("Input price", "Input tokens. Dollars per million tokens; null when unknown."),
            [nameof(ModelPriceResource.CachedInputPerMillion)] = new("Cached input price",
                "Cached input tokens. Dollars per million tokens; null when unknown."),
            [nameof(ModelPriceResource.OutputPerMillion)] = new("Output price", "Output tokens. Dollars per million tokens; null when unknown."),
            [nameof(ModelPriceResource.BatchInputPerMillion)] = new("Batch input price",
                "Input tokens sent through the batch API. Dollars per million tokens; null when unknown."),
            [nameof(ModelPriceResource.BatchOutputPerMillion)] = new("Batch output price",
                "Output tokens of the batch API. Dollars per million tokens; null when unknown."),
            [nameof(ModelPriceResource.FineTune)] = new("Fine-tuning prices", "What a fine-tuned model of this base costs; null when nothing is known."),
            [nameof(ModelPriceResource.Source)] = new("Source", "Where the rates come from: a URL and its date, or the price API and region."),
            [nameof(ModelPriceResource.RetrievedAt)] = new("Retrieved at", "When the rates were read from their source (UTC)."),
        },
        [typeof(FineTunePrices)] = new TypeDoc("Fine-tuning prices", "What a fine-tuned model of this base costs; null when nothing is known.")
        {
            [nameof(FineTunePrices.TrainingPerMillion)] = new("Training price",
                "Dollars per million trained tokens (tokens times epochs); null when unknown."),
            [nameof(FineTunePrices.InputPerMillion)] = new("Fine-tuned input price",
                "Input tokens of the fine-tuned model. Dollars per million tokens; null when unknown."),
            [nameof(FineTunePrices.CachedInputPerMillion)] = new("Fine-tuned cached input price",
                "Cached input tokens of the fine-tuned model. Dollars per million tokens; null when unknown."),
            [nameof(FineTunePrices.OutputPerMillion)] = new("Fine-tuned output price",
                "Output tokens of the fine-tuned model. Dollars per million tokens; null when unknown."),
            [nameof(FineTunePrices.HostingPerHour)] = new("Hosting price",
                "Dollars per hour the fine-tuned deployment exists, used or not; null when unknown."),
        },
        [typeof(ModelPricePageResource)] = new TypeDoc("Model prices",
            "One page of the catalog's entries in effect on the day asked for, by provider, model and deployment.", "ModelPricePage")
        {
            [nameof(ModelPricePageResource.Items)] = new("Items", "The version of each entry in effect that day.", Visibility.Important),
            [nameof(ModelPricePageResource.ContinuationToken)] = new("Continuation token", "Pass it to get the next page; null on the last page."),
        },
        [typeof(ModelResource)] = new TypeDoc("Model", "One catalog entry: the version in effect today and every version.", "Model")
        {
            [nameof(ModelResource.Current)] = new("Current price", "The version in effect today (UTC); null when none is."),
            [nameof(ModelResource.History)] = new("History", "Every version, newest first."),
        },
        [typeof(ModelPriceInput)] = new TypeDoc("Model price input",
            "A new version of a catalog entry; the id is in the path. A rate left out or null is unknown (never 0); give at least one. "
            + "effectiveFrom must not be before the latest version's; on that same day the new version replaces it.")
        {
            [nameof(ModelPriceInput.InputPerMillion)] = new("Input price", "Input tokens. Dollars per million tokens; leave out or null when unknown."),
            [nameof(ModelPriceInput.CachedInputPerMillion)] = new("Cached input price",
                "Cached input tokens. Dollars per million tokens; leave out or null when unknown."),
            [nameof(ModelPriceInput.OutputPerMillion)] = new("Output price", "Output tokens. Dollars per million tokens; leave out or null when unknown."),
            [nameof(ModelPriceInput.BatchInputPerMillion)] = new("Batch input price",
                "Input tokens of the batch API. Dollars per million tokens; leave out or null when unknown."),
            [nameof(ModelPriceInput.BatchOutputPerMillion)] = new("Batch output price",
                "Output tokens of the batch API. Dollars per million tokens; leave out or null when unknown."),
            [nameof(ModelPriceInput.FineTune)] = new("Fine-tuning prices", "What a fine-tuned model of this base costs."),
            [nameof(ModelPriceInput.EffectiveFrom)] = new("Effective from", "The first day (UTC) the rates apply.", Visibility.Important),
            [nameof(ModelPriceInput.Source)] = new("Source", "Where the rates come from: a URL and its date.", Visibility.Important),
        },
        [typeof(FineTunePriceInput)] = new TypeDoc("Fine-tuning prices input",
            "What a fine-tuned model of this base costs; each rate optional.", "FineTunePricesInput")
        {
            [nameof(FineTunePriceInput.TrainingPerMillion)] = new("Training price",
                "Dollars per million trained tokens (tokens times epochs); leave out or null when unknown."),
            [nameof(FineTunePriceInput.InputPerMillion)] = new("Fine-tuned input price",
                "Input tokens of the fine-tuned model. Dollars per million tokens; leave out or null when unknown."),
            [nameof(FineTunePriceInput.CachedInputPerMillion)] = new("Fine-tuned cached input price",
                "Cached input tokens of the fine-tuned model. Dollars per million tokens; leave out or null when unknown."),
            [nameof(FineTunePriceInput.OutputPerMillion)] = new("Fine-tuned output price",
                "Output tokens of the fine-tuned model. Dollars per million tokens; leave out or null when unknown."),
            [nameof(FineTunePriceInput.HostingPerHour)] = new("Hosting price",
                "Dollars per hour the fine-tuned deployment exists, used or not; leave out or null when unknown."),
        },
        [typeof(PriceRefreshSummary)] = new TypeDoc("Price refresh summary",
            "What one price refresh did: pages and prices read from the Azure Retail Prices API, how they mapped, and what changed.")
        {
            [nameof(PriceRefreshSummary.RunId)] = new("Run id", "The schedule slot of a timer run, or the start and a suffix of a manual one."),
            [nameof(PriceRefreshSummary.Status)] = new("Status",
                "completed when the catalog was brought up to date; already-completed or busy when a timer run did nothing.", Visibility.Important),
            [nameof(PriceRefreshSummary.PagesRead)] = new("Pages read", "Pages of the Retail Prices API read whole."),
            [nameof(PriceRefreshSummary.ItemsRead)] = new("Prices read", "Prices on them."),
            [nameof(PriceRefreshSummary.Skipped)] = new("Skipped",
                "Prices left out by rule: reservations, dev/test, tiers beyond the first, other currencies."),
            [nameof(PriceRefreshSummary.Mapped)] = new("Mapped", "Prices mapped to a catalog rate.", Visibility.Important),
            [nameof(PriceRefreshSummary.Unmapped)] = new("Unmapped", "Prices whose meter, unit or size is not read; never guessed.", Visibility.Important),
            [nameof(PriceRefreshSummary.Changed)] = new("Changed", "Catalog entries given a new version.", Visibility.Important),
            [nameof(PriceRefreshSummary.Unchanged)] = new("Unchanged", "Catalog entries whose rates the API confirmed."),
            [nameof(PriceRefreshSummary.PriceVersion)] = new("Catalog version", "The catalog's version after the run; null when it did nothing."),
            [nameof(PriceRefreshSummary.UnmappedMeters)] = new("Unmapped meters", "Some unmapped meters, at most 50, by name.",
                Item: ("Meter", "Product, meter name and why it is not read.")),
            [nameof(PriceRefreshSummary.DurationMilliseconds)] = new("Duration (ms)", "The run's time, start to end, in milliseconds."),
            [nameof(PriceRefreshSummary.Error)] = new("Error", "Why the run failed; null otherwise."),
        },
        [typeof(PriceUsed)] = new TypeDoc("Catalog price used",
            "A price catalog entry that filled prices a scenario left out (economics.md section 8).")
        {
            [nameof(PriceUsed.Path)] = new("Path", "The approach or routing that names the model, e.g. approaches[1].routing.", Visibility.Important),
            [nameof(PriceUsed.Model)] = new("Model", "The catalog id.", Visibility.Important),
            [nameof(PriceUsed.EffectiveFrom)] = new("Effective from", "The first day of the version used."),
            [nameof(PriceUsed.Source)] = new("Source", "Where the version's rates come from: a URL and its date, or the price API and region."),
            [nameof(PriceUsed.Filled)] = new("Filled", "The fields taken from it, relative to path; empty when the scenario gave them all.",
                Visibility.Important, Item: ("Field", "A field, e.g. pricing.inputPerMillion or hostingPerHour.")),
        },
        [typeof(AnalysisReference)] = new TypeDoc("Reference data",
            "The versions of the benchmark bands and prices the analysis used (1 is the shipped seed of each).")
        {
            [nameof(AnalysisReference.BenchmarkVersion)] = new("Benchmark version", "The benchmark bands' version."),
            [nameof(AnalysisReference.PriceVersion)] = new("Price version", "The price catalog's version."),
        },

        // Usage against the plan, alerts and the portfolio (economics.md section 9). A figure not known is null, never 0.
        [typeof(UsageBatch)] = new TypeDoc("Usage batch",
            "Daily usage of a stored scenario. A record replaces the stored one of the same approach and day; posting the same batch "
            + "again changes nothing.")
        {
            [nameof(UsageBatch.Records)] = new("Records", "1 to 366 daily records, at most one per approach and day.", Visibility.Important),
        },
        [typeof(UsageRecord)] = new TypeDoc("Usage record",
            "One day's actual usage of one approach; token counts are the day's totals. Without spend, the day is priced from its token "
            + "counts at the approach's own prices; without either, its cost is unknown (null), never 0.")
        {
            [nameof(UsageRecord.Date)] = new("Date", "The UTC day: not in the future, not before the monitoring start.", Visibility.Important),
            [nameof(UsageRecord.ApproachId)] = new("Approach", "Id of the approach that served the requests; default the approach in production."),
            [nameof(UsageRecord.Requests)] = new("Requests", "Requests served that day.", Visibility.Important),
            [nameof(UsageRecord.InputTokens)] = new("Input tokens", "Input tokens of the day, cached ones included."),
            [nameof(UsageRecord.CachedInputTokens)] = new("Cached input tokens", "Input tokens billed at the cached price; at most inputTokens."),
            [nameof(UsageRecord.OutputTokens)] = new("Output tokens", "Output tokens of the day."),
            [nameof(UsageRecord.Spend)] = new("Spend", "Dollars actually spent that day, everything included; when given it is the day's cost.",
                Visibility.Important),
            [nameof(UsageRecord.Errors)] = new("Errors",
                "Wrong outputs among the requests; at most requests. Checked against the required accuracy."),
        },
        [typeof(UsageReceiptResource)] = new TypeDoc("Usage receipt", "What a batch of usage did.", "UsageReceipt")
        {
            [nameof(UsageReceiptResource.Accepted)] = new("Accepted", "Records accepted: every record of the batch.", Visibility.Important),
            [nameof(UsageReceiptResource.Replaced)] = new("Replaced", "Records that replaced a different stored record of the same approach and day."),
            [nameof(UsageReceiptResource.Unchanged)] = new("Unchanged", "Records equal to the stored one: nothing changed for them."),
            [nameof(UsageReceiptResource.Alerts)] = new("Alerts fired",
                "The alerts this batch fired for the first time; alerts of a replaced record are updated, not fired again.", Visibility.Important),
        },
        [typeof(AlertResource)] = new TypeDoc("Alert",
            "A cost or quality alert of a monitored scenario: what happened, by how much, against what, and when it fired. One per "
            + "scenario, kind and day.", "StoredAlert")
        {
            [nameof(AlertResource.Id)] = new("Alert id", "Stable for the scenario, day and kind: {scenarioId}-{yyyyMMdd}-{kind}."),
            [nameof(AlertResource.ScenarioId)] = new("Scenario id", "The scenario the alert is about."),
            [nameof(AlertResource.ApproachId)] = new("Approach", "The approach in production."),
            [nameof(AlertResource.Kind)] = new("Kind",
                "over-plan: a day above its plan; spike: a day far above the 28 before it; accuracy: too many errors; pace: the month "
                + "is on pace to exceed its plan.", Visibility.Important),
            [nameof(AlertResource.Severity)] = new("Severity", "warning is worth a look; alert calls for action.", Visibility.Important),
            [nameof(AlertResource.Date)] = new("Date", "The UTC day the alert is about.", Visibility.Important),
            [nameof(AlertResource.Actual)] = new("Actual",
                "The day's actual dollars; for accuracy the error rate (a fraction); for pace the month's projected dollars.", Visibility.Important),
            [nameof(AlertResource.Expected)] = new("Expected",
                "What was expected, in the unit of actual: the plan, the median of recent days, the allowed error rate or the month's plan.",
                Visibility.Important),
            [nameof(AlertResource.Impact)] = new("Impact", "Actual minus expected.", Visibility.Important),
            [nameof(AlertResource.ImpactRate)] = new("Impact rate", "Impact over expected, a fraction; null when nothing was expected."),
            [nameof(AlertResource.Message)] = new("Message", "One sentence: what happened, by how much, against what, in which window and unit.",
                Visibility.Important),
            [nameof(AlertResource.FiredAt)] = new("Fired at", "When the alert first fired (UTC)."),
            [nameof(AlertResource.UpdatedAt)] = new("Updated at", "When a replaced record last changed its figures (UTC)."),
            [nameof(AlertResource.AcknowledgedAt)] = new("Acknowledged at", "When someone acknowledged it (UTC); null until then."),
        },
        [typeof(AlertPageResource)] = new TypeDoc("Alert page", "One page of the workspace's alerts, newest first.", "AlertPage")
        {
            [nameof(AlertPageResource.Items)] = new("Alerts", "The alerts of this page.", Visibility.Important),
            [nameof(AlertPageResource.ContinuationToken)] = new("Continuation token",
                "Pass it as continuationToken to get the next page; null on the last page."),
        },
        [typeof(MonitorResource)] = new TypeDoc("Monitor view",
            "A stored scenario's actual usage against its plan: each day and month of the window, the period to date, and a forecast "
            + "of the horizon's cost.", "MonitorView")
        {
            [nameof(MonitorResource.ScenarioId)] = new("Scenario id", "The scenario."),
            [nameof(MonitorResource.ApproachId)] = new("Approach in production", "The approach whose plan the days are compared with.", Visibility.Important),
            [nameof(MonitorResource.StartDate)] = new("Start date", "The first day of plan month 0."),
            [nameof(MonitorResource.From)] = new("From", "The first day of the window."),
            [nameof(MonitorResource.To)] = new("To", "The last day of the window."),
            [nameof(MonitorResource.Days)] = new("Days", "Every day of the window, oldest first.", Visibility.Important),
            [nameof(MonitorResource.Months)] = new("Months", "The days of each calendar month of the window.", Visibility.Important),
            [nameof(MonitorResource.ToDate)] = new("To date", "The monitoring period so far."),
            [nameof(MonitorResource.Forecast)] = new("Forecast", "The horizon's cost as it now looks."),
            [nameof(MonitorResource.Alerts)] = new("Alerts", "Alerts dated within the window, newest day first.", Visibility.Important),
            [nameof(MonitorResource.Notes)] = new("Notes", "Why a figure is null or partial.", Item: ("Note", "A note.")),
        },
        [typeof(MonitorDay)] = new TypeDoc("Monitor day", "One day: what it cost against what the plan expected.")
        {
            [nameof(MonitorDay.Date)] = new("Date", "The UTC day.", Visibility.Important),
            [nameof(MonitorDay.Requests)] = new("Requests", "Requests of the day's records; null without records."),
            [nameof(MonitorDay.Actual)] = new("Actual", "The day's cost in dollars; null without a record that can be priced.", Visibility.Important),
            [nameof(MonitorDay.Plan)] = new("Plan", "The plan for the day in dollars: the plan month's cost over the calendar month's days.",
                Visibility.Important),
            [nameof(MonitorDay.Variance)] = new("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important),
        },
        [typeof(MonitorMonth)] = new TypeDoc("Monitor month", "The days of one calendar month inside the window.")
        {
            [nameof(MonitorMonth.Month)] = new("Month", "The calendar month, YYYY-MM.", Visibility.Important),
            [nameof(MonitorMonth.From)] = new("From", "Its first day inside the window."),
            [nameof(MonitorMonth.To)] = new("To", "Its last day inside the window."),
            [nameof(MonitorMonth.DaysWithRecords)] = new("Days with records", "Days whose cost is known."),
            [nameof(MonitorMonth.Requests)] = new("Requests", "Requests of its records."),
            [nameof(MonitorMonth.Actual)] = new("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important),
            [nameof(MonitorMonth.Plan)] = new("Plan", "The plan of every day from from to to, dollars.", Visibility.Important),
            [nameof(MonitorMonth.Variance)] = new("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important),
        },
        [typeof(MonitorToDate)] = new TypeDoc("To date", "The monitoring period so far, from the start date through today (UTC).")
        {
            [nameof(MonitorToDate.Through)] = new("Through", "The last day counted: today (UTC)."),
            [nameof(MonitorToDate.Days)] = new("Days", "Days from the start date through today; 0 before monitoring starts."),
            [nameof(MonitorToDate.DaysWithRecords)] = new("Days with records", "Days whose cost is known."),
            [nameof(MonitorToDate.Actual)] = new("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important),
            [nameof(MonitorToDate.Plan)] = new("Plan", "The plan of every day of the period, dollars.", Visibility.Important),
            [nameof(MonitorToDate.Variance)] = new("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important),
        },
        [typeof(MonitorForecast)] = new TypeDoc("Forecast",
            "The horizon's cost as it now looks: training as planned, the actual cost of every day whose cost is known and the plan of "
            + "every other day.")
        {
            [nameof(MonitorForecast.HorizonEnd)] = new("Horizon end", "The last day of the horizon."),
            [nameof(MonitorForecast.HorizonCost)] = new("Horizon cost", "The forecast, dollars.", Visibility.Important),
            [nameof(MonitorForecast.PlannedHorizonCost)] = new("Planned horizon cost", "Training and the plan of every day of the horizon, dollars.",
                Visibility.Important),
            [nameof(MonitorForecast.Variance)] = new("Variance", "Forecast minus plan, dollars.", Visibility.Important),
        },
        [typeof(PortfolioResource)] = new TypeDoc("Portfolio",
            "The workspace's AI features side by side, a feature-level P&L: each scenario's month on plan and its last 30 days, and "
            + "the totals.", "Portfolio")
        {
            [nameof(PortfolioResource.AsOf)] = new("As of", "Today (UTC): the last day of every line's last 30 days."),
            [nameof(PortfolioResource.Items)] = new("Scenarios",
                "One line per scenario, in the order of their ids (the order they were created in).", Visibility.Important),
            [nameof(PortfolioResource.Totals)] = new("Totals", "The workspace's totals."),
        },
        [typeof(PortfolioLine)] = new TypeDoc("Portfolio line", "One scenario: month 0 of the plan of the approach in production, and its last 30 days.")
        {
            [nameof(PortfolioLine.ScenarioId)] = new("Scenario id", "The scenario."),
            [nameof(PortfolioLine.Name)] = new("Name", "The scenario's name.", Visibility.Important),
            [nameof(PortfolioLine.RecommendedApproachId)] = new("Recommendation",
                "The analysis' recommendation; null when no approach is eligible.", Visibility.Important),
            [nameof(PortfolioLine.ApproachId)] = new("Approach in production",
                "The monitored approach: by default the recommendation, else the baseline."),
            [nameof(PortfolioLine.MonthlyRunRate)] = new("Monthly run rate", "Requests a month times inference cost plus fixed costs, dollars.",
                Visibility.Important),
            [nameof(PortfolioLine.MonthlyRevenue)] = new("Monthly revenue",
                "Requests a month times revenue per request, dollars; null without revenue.", Visibility.Important),
            [nameof(PortfolioLine.MonthlyMargin)] = new("Monthly margin", "Revenue minus run rate, dollars; null without revenue.", Visibility.Important),
            [nameof(PortfolioLine.MonthlyMarginRate)] = new("Monthly margin rate", "Margin over revenue, a fraction; null without revenue or when it is 0."),
            [nameof(PortfolioLine.Last30Days)] = new("Last 30 days", "Recorded usage of the last 30 days against their plan."),
        },
        [typeof(RecentUsage)] = new TypeDoc("Last 30 days", "Recorded usage of the last 30 days, today included, against the plan of those days.")
        {
            [nameof(RecentUsage.From)] = new("From", "The first day."),
            [nameof(RecentUsage.To)] = new("To", "The last day: today (UTC)."),
            [nameof(RecentUsage.DaysWithRecords)] = new("Days with records", "Days whose cost is known."),
            [nameof(RecentUsage.Requests)] = new("Requests", "Requests of the records."),
            [nameof(RecentUsage.Actual)] = new("Actual", "The known days' cost in dollars; null when no day is known.", Visibility.Important),
            [nameof(RecentUsage.Plan)] = new("Plan", "The plan of the days on or after the monitoring start, dollars.", Visibility.Important),
            [nameof(RecentUsage.Variance)] = new("Variance", "Actual minus plan, dollars; null with the actual.", Visibility.Important),
        },
        [typeof(PortfolioTotals)] = new TypeDoc("Portfolio totals", "The workspace's totals.")
        {
            [nameof(PortfolioTotals.Scenarios)] = new("Scenarios", "Scenarios in the workspace."),
            [nameof(PortfolioTotals.MonthlyRunRate)] = new("Monthly run rate", "Over every scenario, dollars.", Visibility.Important),
            [nameof(PortfolioTotals.MonthlyRevenue)] = new("Monthly revenue", "Over the scenarios with revenue, dollars; null when none has.",
                Visibility.Important),
            [nameof(PortfolioTotals.MonthlyMargin)] = new("Monthly margin", "Over the scenarios with revenue, dollars; null when none has.",
                Visibility.Important),
            [nameof(PortfolioTotals.Last30DaysActual)] = new("Last 30 days' actual",
                "Over the scenarios with a known cost, dollars; null when none has.", Visibility.Important),
            [nameof(PortfolioTotals.Last30DaysPlan)] = new("Last 30 days' plan", "Over every scenario, dollars.", Visibility.Important),
        },

        // Alerts and their webhooks (economics.md section 9; api.md, "Alerts to webhooks").
        [typeof(Alert)] = new TypeDoc("Cost alert",
            "A cost or quality alert of a monitored scenario, with what a person needs to act. Money in dollars.")
        {
            [nameof(Alert.Id)] = new("Alert id", "Stable for the scenario, kind and date."),
            [nameof(Alert.ScenarioId)] = new("Scenario id", "The scenario the alert is about.", Visibility.Important),
            [nameof(Alert.ApproachId)] = new("Approach id", "The approach in production."),
            [nameof(Alert.Kind)] = new("Kind", "Which rule fired: over-plan, spike, accuracy or pace.", Visibility.Important),
            [nameof(Alert.Severity)] = new("Severity", "warning (worth a look) or alert (act now).", Visibility.Important),
            [nameof(Alert.Date)] = new("Date", "The day the alert is about (UTC calendar date).", Visibility.Important),
            [nameof(Alert.Actual)] = new("Actual",
                "The day's actual spend in dollars (for accuracy, the error rate; for pace, the projected month).", Visibility.Important),
            [nameof(Alert.Expected)] = new("Expected", "What the plan or the recent baseline expected, in the unit of actual.", Visibility.Important),
            [nameof(Alert.Impact)] = new("Impact", "Actual minus expected.", Visibility.Important),
            [nameof(Alert.ImpactRate)] = new("Impact rate", "Impact over expected, a fraction; null when nothing was expected."),
            [nameof(Alert.Message)] = new("Message", "One sentence: what happened, by how much, against what.", Visibility.Important),
        },
        [typeof(SubscriptionRequest)] = new TypeDoc("Subscription request", "The webhook to call, and which of the workspace's alerts it wants.")
        {
            [nameof(SubscriptionRequest.NotificationUrl)] = new("Notification URL",
                "Where each alert is POSTed: an https URL whose host is a public address. Power Automate fills it in.", Visibility.Internal,
                NotificationUrl: true),
            [nameof(SubscriptionRequest.ScenarioId)] = new("Scenario id",
                "Only this scenario's alerts; every scenario of the workspace when absent.", Visibility.Important),
            [nameof(SubscriptionRequest.MinimumSeverity)] = new("Minimum severity",
                "The lowest severity delivered: warning (every alert) or alert (only those to act on now).",
                Default: EnumText.Of(AlertSeverity.Warning)),
        },
        [typeof(SubscriptionResource)] = new TypeDoc("Subscription",
            "A webhook of the workspace's alerts. The secret is shown only here: keep it to verify X-FineTune-Signature.", "Subscription")
        {
            [nameof(SubscriptionResource.Id)] = new("Subscription id",
                "128 random bits as 32 lowercase hex digits; whoever holds it can delete the subscription."),
            [nameof(SubscriptionResource.Secret)] = new("Secret",
                "The key of each delivery's X-FineTune-Signature: sha256= and the hex HMAC-SHA256 of the body, keyed with this text's UTF-8 bytes."),
            [nameof(SubscriptionResource.NotificationUrl)] = new("Notification URL", "Where each alert is POSTed."),
            [nameof(SubscriptionResource.ScenarioId)] = new("Scenario id", "The one scenario whose alerts are delivered; null for every scenario."),
            [nameof(SubscriptionResource.MinimumSeverity)] = new("Minimum severity", "The lowest severity delivered."),
        },

        // The API's own envelopes.
        [typeof(ScenarioResource)] = new TypeDoc("Stored scenario",
            "A scenario as stored in a workspace; the scenario reads back exactly as it was written, even one that today's "
            + "rules would refuse (written when they were looser, or by hand), whose analysis and comparison answer 422.", "StoredScenario")
        {
            [nameof(ScenarioResource.Id)] = new("Scenario id", "Server-made id, 32 lowercase hex digits.", Visibility.Important),
            [nameof(ScenarioResource.Workspace)] = new("Workspace", "The workspace the scenario belongs to."),
            [nameof(ScenarioResource.Etag)] = new("ETag",
                "The version, equal to the ETag header; send it as If-Match to update or delete only this version."),
            [nameof(ScenarioResource.CreatedAt)] = new("Created at", "When the scenario was created (UTC)."),
            [nameof(ScenarioResource.UpdatedAt)] = new("Updated at", "When the scenario was last written (UTC)."),
            [nameof(ScenarioResource.Scenario)] = new("Scenario", "The scenario as written.", Shape: typeof(Scenario)),
        },
        [typeof(ScenarioPageResource)] = new TypeDoc("Scenario page", "One page of the workspace's scenarios, oldest first.", "ScenarioPage")
        {
            [nameof(ScenarioPageResource.Items)] = new("Scenarios", "The scenarios of this page.", Visibility.Important),
            [nameof(ScenarioPageResource.ContinuationToken)] = new("Continuation token",
                "Pass it as continuationToken to get the next page; null on the last page."),
        },
        [typeof(HealthReport)] = new TypeDoc("Health report", "The app can reach its storage.")
        {
            [nameof(HealthReport.Status)] = new("Status", "Always healthy.", Visibility.Internal),
        },
        [typeof(Problem)] = new TypeDoc("Problem", "An RFC 9457 problem (application/problem+json).")
        {
            [nameof(Problem.Type)] = new("Type", "A URI that identifies the kind of problem."),
            [nameof(Problem.Title)] = new("Title", "The HTTP reason phrase.", Visibility.Important),
            [nameof(Problem.Status)] = new("Status", "The HTTP status code."),
            [nameof(Problem.Detail)] = new("Detail", "What went wrong and what to do about it.", Visibility.Important),
            [nameof(Problem.Errors)] = new("Validation errors",
                "On a 400, every refused value at once, keyed by JSON path (approaches[2].accuracy; $ for the body itself) "
                + "or by header or query parameter name (X-Workspace-Id, pageSize); on a 422, every rule a stored scenario "
                + "breaks, keyed by JSON path. Absent on other problems.", Visibility.Important,
                Item: ("Message", "One problem with the value.")),
        },
    };

    /// <summary>The words of a record.</summary>
    public static TypeDoc Of(Type type) => Types.TryGetValue(type, out TypeDoc? doc)
        ? doc
        : throw new InvalidOperationException($"The API document has no words for {type.Name}: add it to Docs.");

    /// <summary>Every documented record.</summary>
    public static IReadOnlyCollection<Type> DocumentedTypes => Types.Keys;

    /// <summary>The definition name of a record in the document.</summary>
    public static string DefinitionOf(Type type) => Of(type).Definition ?? type.Name;

    private static IOpenApiAny SampleScenario()
    {
        using Stream sample = typeof(Docs).Assembly.GetManifestResourceStream(ExampleResource)
            ?? throw new InvalidOperationException($"The embedded resource {ExampleResource} is missing.");
        using JsonDocument example = JsonDocument.Parse(sample);
        return Schema.Any(example.RootElement);
    }
}
