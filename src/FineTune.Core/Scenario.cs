using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// A scenario as the caller sent it (economics.md section 1). Optional values stay <c>null</c> when absent,
/// so a stored scenario reads back exactly as it was written; defaults are applied by the economics, not here.
/// All money is US dollars, token prices are dollars per million tokens, rates and shares are fractions.
/// </summary>
public sealed record Scenario(
    string Name,
    Segment? Segment,
    string? BaselineId,
    Workload Workload,
    Revenue? Revenue,
    Quality? Quality,
    Optimizations? Optimizations,
    IReadOnlyList<Approach> Approaches);

/// <summary>Request volume over the planning horizon.</summary>
/// <param name="RequestsPerMonth">Requests in month 0.</param>
/// <param name="HorizonMonths">Months planned; default 12.</param>
/// <param name="MonthlyGrowthRate">Compounding monthly growth as a fraction; default 0.</param>
public sealed record Workload(decimal RequestsPerMonth, int? HorizonMonths, decimal? MonthlyGrowthRate);

/// <summary>What a request earns. Without it every margin figure is <c>null</c>.</summary>
/// <param name="PerRequest">Dollars per request; default <c>PerUserPerMonth / RequestsPerUserPerMonth</c>.</param>
/// <param name="PerUserPerMonth">Subscription price in dollars per user per month.</param>
/// <param name="RequestsPerUserPerMonth">Requests one user makes in a month.</param>
/// <param name="TargetGrossMargin">Gross margin rate that counts as viable in the scale check; default 0.5.</param>
public sealed record Revenue(
    decimal? PerRequest,
    decimal? PerUserPerMonth,
    decimal? RequestsPerUserPerMonth,
    decimal? TargetGrossMargin);

/// <summary>Quality economics: the value of a correct output, the cost of a wrong one, and human review.</summary>
/// <param name="ValuePerCorrectOutput">Dollars created by one correct output; default 0.</param>
/// <param name="CostPerError">Dollars lost when a wrong output reaches a user; default 0.</param>
/// <param name="ReviewRate">Share of outputs a person reviews (review catches every error it sees); default 0.</param>
/// <param name="ReviewMinutes">Minutes one review takes; default 0.</param>
/// <param name="ReviewerHourlyRate">Dollars per reviewer hour; default 0.</param>
/// <param name="RequiredAccuracy">Approaches below it are not eligible for the recommendation; absent = all are.</param>
public sealed record Quality(
    decimal? ValuePerCorrectOutput,
    decimal? CostPerError,
    decimal? ReviewRate,
    decimal? ReviewMinutes,
    decimal? ReviewerHourlyRate,
    decimal? RequiredAccuracy);

/// <summary>Response caching and batch pricing, applied to every approach.</summary>
/// <param name="CacheHitRate">Share of requests answered from a response cache; default 0.</param>
/// <param name="CacheLookupCost">Dollars per cache hit; default 0.</param>
/// <param name="BatchShare">Share of requests sent through a batch API; default 0.</param>
/// <param name="BatchDiscount">Discount on model tokens for batched requests; default 0.5.</param>
public sealed record Optimizations(
    decimal? CacheHitRate,
    decimal? CacheLookupCost,
    decimal? BatchShare,
    decimal? BatchDiscount);

/// <summary>One way of serving the requests: prompting, retrieval-augmented generation or a fine-tuned model.</summary>
/// <param name="Id">Unique within the scenario, <c>^[a-z0-9][a-z0-9-]{0,39}$</c>.</param>
/// <param name="Kind">Prompt, RAG or fine-tune.</param>
/// <param name="Pricing">Model token prices, dollars per million tokens.</param>
/// <param name="InputTokens">Input tokens per request, cached ones included.</param>
/// <param name="CachedInputTokens">Input tokens billed at the cached price; default 0.</param>
/// <param name="OutputTokens">Output tokens per request.</param>
/// <param name="Accuracy">Share of outputs that are correct.</param>
/// <param name="Retrieval">Retrieval costs, any kind may have them.</param>
/// <param name="Routing">Share of requests routed to another model.</param>
/// <param name="FixedMonthlyCost">Dollars per month regardless of volume; default 0.</param>
/// <param name="HostingPerHour">Dollars per hour of hosting, billed 730 hours a month; default 0.</param>
/// <param name="Training">Training costs; required for fine-tune, refused for other kinds.</param>
public sealed record Approach(
    string Id,
    ApproachKind Kind,
    Pricing Pricing,
    long InputTokens,
    long? CachedInputTokens,
    long OutputTokens,
    decimal Accuracy,
    Retrieval? Retrieval,
    Routing? Routing,
    decimal? FixedMonthlyCost,
    decimal? HostingPerHour,
    Training? Training);

/// <summary>Token prices in dollars per million tokens.</summary>
/// <param name="CachedInputPerMillion">Price of cached input tokens; default the input price.</param>
public sealed record Pricing(decimal InputPerMillion, decimal OutputPerMillion, decimal? CachedInputPerMillion);

/// <summary>Retrieval costs per request; every field defaults to 0.</summary>
/// <param name="ContextTokens">Retrieved tokens added to the prompt, billed at the input price.</param>
/// <param name="EmbeddingTokens">Tokens embedded for the query.</param>
/// <param name="EmbeddingPerMillion">Embedding price, dollars per million tokens.</param>
/// <param name="CostPerQuery">Dollars per vector search.</param>
public sealed record Retrieval(long? ContextTokens, long? EmbeddingTokens, decimal? EmbeddingPerMillion, decimal? CostPerQuery);

/// <summary>Model routing: a share of requests goes to another, usually cheaper, model.</summary>
public sealed record Routing(decimal Share, Pricing Pricing, decimal Accuracy);

/// <summary>
/// Training costs of a fine-tuned model. Every cost, count and rate defaults to 0 (a hosted fine-tune has no GPU hours, a
/// self-hosted LoRA no per-token training price) and <see cref="Epochs"/> to 1.
/// </summary>
/// <param name="TrainingTokens">Tokens in the training set.</param>
/// <param name="Epochs">Passes over the training set; default 1.</param>
/// <param name="TrainingPerMillion">Dollars per million trained tokens.</param>
/// <param name="GpuHours">GPU hours per training run.</param>
/// <param name="GpuHourlyRate">Dollars per GPU hour.</param>
/// <param name="DataPreparationCost">One-time dollars, charged with the first run only.</param>
/// <param name="EvaluationCost">Dollars per training run.</param>
/// <param name="RetrainEveryMonths">Retraining cadence in months; absent = trained once.</param>
public sealed record Training(
    long? TrainingTokens,
    int? Epochs,
    decimal? TrainingPerMillion,
    decimal? GpuHours,
    decimal? GpuHourlyRate,
    decimal? DataPreparationCost,
    decimal? EvaluationCost,
    int? RetrainEveryMonths);

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
