using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core;

/// <summary>
/// A scenario as the caller sent it (economics.md section 1). This file is the contract: the JSON names, what is
/// required (what cannot be null), the ranges (<see cref="BoundsAttribute"/>), lengths and patterns; the reader
/// (<see cref="ScenarioJson.Parse"/>) and the API document derive from it. Optional values stay <c>null</c> when absent,
/// so a stored scenario reads back exactly as it was written; defaults are applied by the economics, not here.
/// All money is US dollars, token prices are dollars per million tokens, rates and shares are fractions.
/// A scenario may name price catalog entries (<see cref="Approach.Model"/>, <see cref="Routing.Model"/>) instead of
/// typing their prices: <see cref="ScenarioPrices.Resolve"/> fills them before the economics reads the scenario.
/// </summary>
/// <param name="Monitoring">How actual usage is compared with the plan (economics.md section 9); absent, every default applies.</param>
/// <param name="PricesAsOf">The day whose catalog prices a named model takes; absent, the day of the analysis (UTC).</param>
public sealed record Scenario(
    [property: Length(1, MaxNameLength)] string Name,
    Segment? Segment,
    string? BaselineId,
    Workload Workload,
    Revenue? Revenue,
    Quality? Quality,
    Optimizations? Optimizations,
    [property: Length(1, MaxApproaches)] IReadOnlyList<Approach> Approaches,
    Monitoring? Monitoring = null,
    DateOnly? PricesAsOf = null);

/// <summary>Request volume over the planning horizon.</summary>
/// <param name="RequestsPerMonth">Requests in month 0.</param>
/// <param name="HorizonMonths">Months planned; default 12.</param>
/// <param name="MonthlyGrowthRate">Compounding monthly growth as a fraction; default 0.</param>
public sealed record Workload(
    [property: Bounds(Bound.RequestsPerMonth)] decimal RequestsPerMonth,
    [property: Bounds(Bound.Months)] int? HorizonMonths,
    [property: Bounds(Bound.GrowthRate)] decimal? MonthlyGrowthRate);

/// <summary>What a request earns. Without it every margin figure is <c>null</c>.</summary>
/// <param name="PerRequest">Dollars per request; default <c>PerUserPerMonth / RequestsPerUserPerMonth</c>.</param>
/// <param name="PerUserPerMonth">Subscription price in dollars per user per month.</param>
/// <param name="RequestsPerUserPerMonth">Requests one user makes in a month.</param>
/// <param name="TargetGrossMargin">Gross margin rate that counts as viable in the scale check; default 0.5.</param>
public sealed record Revenue(
    [property: Bounds(Bound.Money)] decimal? PerRequest,
    [property: Bounds(Bound.Money)] decimal? PerUserPerMonth,
    [property: Bounds(Bound.RequestsPerUser)] decimal? RequestsPerUserPerMonth,
    [property: Bounds(Bound.Fraction)] decimal? TargetGrossMargin);

/// <summary>Quality economics: the value of a correct output, the cost of a wrong one, and human review.</summary>
/// <param name="ValuePerCorrectOutput">Dollars created by one correct output; default 0.</param>
/// <param name="CostPerError">Dollars lost when a wrong output reaches a user; default 0.</param>
/// <param name="ReviewRate">Share of outputs a person reviews (review catches every error it sees); default 0.</param>
/// <param name="ReviewMinutes">Minutes one review takes; default 0.</param>
/// <param name="ReviewerHourlyRate">Dollars per reviewer hour; default 0.</param>
/// <param name="RequiredAccuracy">Approaches below it are not eligible for the recommendation; absent = all are.</param>
public sealed record Quality(
    [property: Bounds(Bound.Money)] decimal? ValuePerCorrectOutput,
    [property: Bounds(Bound.Money)] decimal? CostPerError,
    [property: Bounds(Bound.Fraction)] decimal? ReviewRate,
    [property: Bounds(Bound.ReviewMinutes)] decimal? ReviewMinutes,
    [property: Bounds(Bound.Money)] decimal? ReviewerHourlyRate,
    [property: Bounds(Bound.Fraction)] decimal? RequiredAccuracy);

/// <summary>Response caching and batch pricing, applied to every approach.</summary>
/// <param name="CacheHitRate">Share of requests answered from a response cache; default 0.</param>
/// <param name="CacheLookupCost">Dollars per cache hit; default 0.</param>
/// <param name="BatchShare">Share of requests sent through a batch API; default 0.</param>
/// <param name="BatchDiscount">Discount on model tokens for batched requests; default 0.5.</param>
public sealed record Optimizations(
    [property: Bounds(Bound.Fraction)] decimal? CacheHitRate,
    [property: Bounds(Bound.Money)] decimal? CacheLookupCost,
    [property: Bounds(Bound.Fraction)] decimal? BatchShare,
    [property: Bounds(Bound.Fraction)] decimal? BatchDiscount);

/// <summary>How a stored scenario's actual usage is compared with its plan (economics.md section 9).</summary>
/// <param name="ApproachId">The approach in production; default the recommendation (else the baseline).</param>
/// <param name="StartDate">The day plan month 0 begins; default the scenario's creation day (UTC).</param>
/// <param name="WarnAbove">A day above plan by more than this fraction is a warning; default 0.25.</param>
/// <param name="AlertAbove">A day above plan by more than this fraction is an alert; default 0.5. At least <paramref name="WarnAbove"/>.</param>
/// <param name="MinimumDollars">No day is over plan, nor a spike, by less than this many dollars; default 10.</param>
public sealed record Monitoring(
    [property: RegularExpression(Patterns.ApproachId)] string? ApproachId,
    DateOnly? StartDate,
    [property: Bounds(Bound.AlertThreshold)] decimal? WarnAbove,
    [property: Bounds(Bound.AlertThreshold)] decimal? AlertAbove,
    [property: Bounds(Bound.Money)] decimal? MinimumDollars);

/// <summary>One way of serving the requests: prompting, retrieval-augmented generation or a fine-tuned model.</summary>
/// <param name="Id">Unique within the scenario, <c>^[a-z0-9][a-z0-9-]{0,39}$</c>.</param>
/// <param name="Kind">Prompt, RAG or fine-tune.</param>
/// <param name="Pricing">Model token prices, dollars per million tokens. Required, with its input and output prices, unless
/// <paramref name="Model"/> names a catalog entry; a price given here wins over the entry's (a negotiated price).</param>
/// <param name="InputTokens">Input tokens per request, cached ones included.</param>
/// <param name="CachedInputTokens">Input tokens billed at the cached price; default 0.</param>
/// <param name="OutputTokens">Output tokens per request.</param>
/// <param name="Accuracy">Share of outputs that are correct.</param>
/// <param name="Retrieval">Retrieval costs, any kind may have them.</param>
/// <param name="Routing">Share of requests routed to another model.</param>
/// <param name="FixedMonthlyCost">Dollars per month regardless of volume; default 0.</param>
/// <param name="HostingPerHour">Dollars per hour of hosting, billed 730 hours a month; default 0, or for a fine-tune that
/// names a model the entry's hosting price.</param>
/// <param name="Training">Training costs; required for fine-tune, refused for other kinds.</param>
/// <param name="Model">A price catalog id whose rates fill the prices the approach leaves out (economics.md section 8): its
/// input, output and cached input prices, and for a fine-tune its fine-tuned rates, hosting and training price.</param>
public sealed record Approach(
    [property: RegularExpression(Patterns.ApproachId)] string Id,
    ApproachKind Kind,
    Pricing? Pricing,
    [property: Bounds(Bound.RequestTokens)] long InputTokens,
    [property: Bounds(Bound.RequestTokens)] long? CachedInputTokens,
    [property: Bounds(Bound.RequestTokens)] long OutputTokens,
    [property: Bounds(Bound.Accuracy)] decimal Accuracy,
    Retrieval? Retrieval,
    Routing? Routing,
    [property: Bounds(Bound.Money)] decimal? FixedMonthlyCost,
    [property: Bounds(Bound.Money)] decimal? HostingPerHour,
    Training? Training,
    [property: RegularExpression(Patterns.ModelId)] string? Model = null);

/// <summary>
/// Token prices in dollars per million tokens. The input and output prices are required unless the approach (or routing)
/// names a model; in a scenario <see cref="ScenarioPrices.Resolve"/> returned, both are always present.
/// </summary>
/// <param name="CachedInputPerMillion">Price of cached input tokens; default the input price.</param>
public sealed record Pricing(
    [property: Bounds(Bound.Price)] decimal? InputPerMillion,
    [property: Bounds(Bound.Price)] decimal? OutputPerMillion,
    [property: Bounds(Bound.Price)] decimal? CachedInputPerMillion);

/// <summary>Retrieval costs per request.</summary>
/// <param name="ContextTokens">Retrieved tokens added to the prompt, billed at the input price; default 0.</param>
/// <param name="EmbeddingTokens">Tokens embedded for the query; default 0.</param>
/// <param name="EmbeddingPerMillion">Embedding price, dollars per million tokens; default 0.</param>
/// <param name="CostPerQuery">Dollars per vector search; default 0.</param>
public sealed record Retrieval(
    [property: Bounds(Bound.RequestTokens)] long? ContextTokens,
    [property: Bounds(Bound.RequestTokens)] long? EmbeddingTokens,
    [property: Bounds(Bound.Price)] decimal? EmbeddingPerMillion,
    [property: Bounds(Bound.Money)] decimal? CostPerQuery);

/// <summary>Model routing: a share of requests goes to another, usually cheaper, model.</summary>
/// <param name="Pricing">The routed model's token prices; required unless <paramref name="Model"/> names a catalog entry.</param>
/// <param name="Model">A price catalog id whose input, output and cached input prices fill those the routing leaves out.</param>
public sealed record Routing(
    [property: Bounds(Bound.Fraction)] decimal Share,
    Pricing? Pricing,
    [property: Bounds(Bound.Accuracy)] decimal Accuracy,
    [property: RegularExpression(Patterns.ModelId)] string? Model = null);

/// <summary>Training costs of a fine-tuned model.</summary>
/// <param name="TrainingTokens">Tokens in the training set; default 0.</param>
/// <param name="Epochs">Passes over the training set; default 1.</param>
/// <param name="TrainingPerMillion">Dollars per million trained tokens; default 0 (a self-hosted run priced by GPU hours), or
/// for an approach that names a model the entry's training price.</param>
/// <param name="GpuHours">GPU hours per training run; default 0 (a hosted fine-tune priced by tokens).</param>
/// <param name="GpuHourlyRate">Dollars per GPU hour; default 0.</param>
/// <param name="DataPreparationCost">One-time dollars, charged with the first run only; default 0.</param>
/// <param name="EvaluationCost">Dollars per training run; default 0.</param>
/// <param name="RetrainEveryMonths">Retraining cadence in months; absent = trained once.</param>
public sealed record Training(
    [property: Bounds(Bound.TrainingTokens)] long? TrainingTokens,
    [property: Bounds(Bound.Epochs)] int? Epochs,
    [property: Bounds(Bound.Price)] decimal? TrainingPerMillion,
    [property: Bounds(Bound.GpuHours)] decimal? GpuHours,
    [property: Bounds(Bound.Money)] decimal? GpuHourlyRate,
    [property: Bounds(Bound.Money)] decimal? DataPreparationCost,
    [property: Bounds(Bound.Money)] decimal? EvaluationCost,
    [property: Bounds(Bound.Months)] int? RetrainEveryMonths);

/// <summary>The industry segment whose benchmark bands apply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Segment>))]
public enum Segment
{
    /// <summary>Software companies built around AI.</summary>
    [JsonStringEnumMemberName("ai-first-saas")] AiFirstSaas,
    /// <summary>AI inside a large organisation.</summary>
    [JsonStringEnumMemberName("enterprise-ai")] EnterpriseAi,
    /// <summary>AI products for consumers.</summary>
    [JsonStringEnumMemberName("consumer-ai")] ConsumerAi,
    /// <summary>No particular segment; the default.</summary>
    [JsonStringEnumMemberName("all-sectors")] AllSectors,
}

/// <summary>How an approach gets its answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApproachKind>))]
public enum ApproachKind
{
    /// <summary>A general model with a prompt.</summary>
    [JsonStringEnumMemberName("prompt")] Prompt,
    /// <summary>Retrieval-augmented generation.</summary>
    [JsonStringEnumMemberName("rag")] Rag,
    /// <summary>A fine-tuned model.</summary>
    [JsonStringEnumMemberName("fine-tune")] FineTune,
}
