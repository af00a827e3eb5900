using System.Text.Json;
using FineTune.Core;
using Microsoft.OpenApi.Models;
using static FineTune.Core.ScenarioLimits;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The scenario contract (economics.md section 1): every field with its type, range, default and unit, the same ranges
/// <see cref="ScenarioLimits"/> gives the parser. All money is US dollars; token prices are dollars per million tokens.
/// </summary>
internal static class ScenarioSchemas
{
    private const string ApproachIdPattern = "^[a-z0-9][a-z0-9-]{0,39}$";
    private const string ExampleResource = "FineTune.Functions.OpenApi.support-triage.json";

    /// <summary>Adds the scenario definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["Scenario"] = Scenario();
        definitions["Workload"] = Workload();
        definitions["Revenue"] = Revenue();
        definitions["Quality"] = Quality();
        definitions["Optimizations"] = Optimizations();
        definitions["Approach"] = Approach();
        definitions["Pricing"] = Pricing();
        definitions["Retrieval"] = Retrieval();
        definitions["Routing"] = Routing();
        definitions["Training"] = Training();
    }

    private static OpenApiSchema Scenario()
    {
        OpenApiSchema scenario = Object("Scenario",
            "What to analyse: the workload, what a request earns and costs in quality, and 1 to 10 ways of serving it. "
            + "Unknown properties are refused; null counts as absent.",
            new()
            {
                ["name"] = Text("Name", "A name for the scenario, 1 to 200 characters.", Visibility.Important).Length(1, MaxNameLength),
                ["segment"] = Enum<Segment>("Segment", "The industry segment whose benchmark bands apply.", Visibility.Advanced)
                    .DefaultsTo("all-sectors"),
                ["baselineId"] = Text("Baseline approach",
                    "Id of the approach the others are compared with; default: the first prompt approach, else the first approach.",
                    Visibility.Advanced),
                ["workload"] = Ref("Workload"),
                ["revenue"] = Ref("Revenue"),
                ["quality"] = Ref("Quality"),
                ["optimizations"] = Ref("Optimizations"),
                ["approaches"] = ArrayOf(Ref("Approach"), "Approaches",
                    "1 to 10 ways of serving the requests (prompt, RAG, fine-tune), ids unique.", Visibility.Important)
                    .Items(1, MaxApproaches),
            },
            "name", "workload", "approaches").Closed();
        using Stream sample = typeof(ScenarioSchemas).Assembly.GetManifestResourceStream(ExampleResource)
            ?? throw new InvalidOperationException($"The embedded resource {ExampleResource} is missing.");
        using JsonDocument example = JsonDocument.Parse(sample);
        scenario.Example = Any(example.RootElement);
        return scenario;
    }

    private static OpenApiSchema Workload() => Object("Workload",
        "Request volume over the planning horizon. The projected volume of the last month, "
        + "requestsPerMonth * (1 + monthlyGrowthRate)^(horizonMonths - 1), must be at most 1e15 requests.",
        new()
        {
            ["requestsPerMonth"] = Number("Requests per month", "Requests in month 0, before growth.", Visibility.Important)
                .Between(MinRequestsPerMonth, MaxRequestsPerMonth),
            ["horizonMonths"] = Integer("Horizon (months)", "Months planned.", Visibility.Advanced)
                .Between(1, MaxMonths).DefaultsTo(DefaultHorizonMonths),
            ["monthlyGrowthRate"] = Number("Monthly growth rate",
                "Compounding monthly growth of the volume, a fraction (0.05 is 5 % a month).", Visibility.Advanced)
                .Between(MinGrowthRate, MaxGrowthRate).DefaultsTo(0m),
        },
        "requestsPerMonth").Closed();

    private static OpenApiSchema Revenue() => Object("Revenue",
        "What a request earns; without it every margin figure is null. Needs perRequest, or both perUserPerMonth and "
        + "requestsPerUserPerMonth.",
        new()
        {
            ["perRequest"] = Money("Revenue per request",
                "Dollars earned per request; default perUserPerMonth / requestsPerUserPerMonth.", Visibility.Important),
            ["perUserPerMonth"] = Money("Revenue per user per month",
                "Subscription price in dollars per user per month; with requestsPerUserPerMonth it gives the margin collapse point.",
                Visibility.Advanced),
            ["requestsPerUserPerMonth"] = Number("Requests per user per month", "Requests one user makes in a month.", Visibility.Advanced)
                .Above(0m, MaxRequestsPerMonth),
            ["targetGrossMargin"] = Fraction("Target gross margin",
                "Gross margin rate, a fraction, that counts as viable in the scale check.", Visibility.Advanced)
                .DefaultsTo(DefaultTargetGrossMargin),
        }).Closed();

    private static OpenApiSchema Quality() => Object("Quality",
        "Quality economics: the value of a correct output, the cost of a wrong one, and human review. Every figure defaults to 0.",
        new()
        {
            ["valuePerCorrectOutput"] = Money("Value per correct output", "Dollars created by one correct output.", Visibility.Advanced)
                .DefaultsTo(0m),
            ["costPerError"] = Money("Cost per error",
                "Dollars lost when a wrong output reaches a user (the hallucination cost).", Visibility.Advanced).DefaultsTo(0m),
            ["reviewRate"] = Fraction("Review rate",
                "Share of outputs a person reviews, a fraction; review catches every error it sees.", Visibility.Advanced).DefaultsTo(0m),
            ["reviewMinutes"] = Number("Review minutes", "Minutes one review takes, 0 to 60.", Visibility.Advanced)
                .Between(0m, MaxReviewMinutes).DefaultsTo(0m),
            ["reviewerHourlyRate"] = Money("Reviewer hourly rate", "Dollars per reviewer hour.", Visibility.Advanced).DefaultsTo(0m),
            ["requiredAccuracy"] = Fraction("Required accuracy",
                "Approaches below this accuracy (a fraction) are not eligible for the recommendation; absent, all are.",
                Visibility.Advanced),
        }).Closed();

    private static OpenApiSchema Optimizations() => Object("Optimizations",
        "Response caching and batch pricing, applied to every approach.",
        new()
        {
            ["cacheHitRate"] = Fraction("Cache hit rate", "Share of requests answered from a response cache, a fraction.", Visibility.Advanced),
            ["cacheLookupCost"] = Money("Cache lookup cost", "Dollars per cache hit.", Visibility.Advanced),
            ["batchShare"] = Fraction("Batch share", "Share of requests sent through a batch API, a fraction.", Visibility.Advanced),
            ["batchDiscount"] = Fraction("Batch discount",
                "Discount on model tokens for batched requests, a fraction.", Visibility.Advanced).DefaultsTo(DefaultBatchDiscount),
        }).Closed();

    private static OpenApiSchema Approach() => Object("Approach",
        "One way of serving the requests: prompting a general model, retrieval-augmented generation or a fine-tuned model.",
        new()
        {
            ["id"] = Text("Id", "Unique within the scenario: 1 to 40 lowercase letters, digits or hyphens, not starting with a hyphen.",
                Visibility.Important).Matching(ApproachIdPattern),
            ["kind"] = Enum<ApproachKind>("Kind", "How the approach gets its answers.", Visibility.Important),
            ["pricing"] = Ref("Pricing"),
            ["inputTokens"] = Tokens("Input tokens", "Input tokens per request, cached ones included.", Visibility.Important),
            ["cachedInputTokens"] = Tokens("Cached input tokens",
                "Input tokens per request billed at the cached price; at most inputTokens.", Visibility.Advanced).DefaultsTo(0m),
            ["outputTokens"] = Tokens("Output tokens", "Output tokens per request.", Visibility.Important),
            ["accuracy"] = Number("Accuracy", "Share of outputs that are correct, a fraction from 0.001 to 1.", Visibility.Important)
                .Between(MinAccuracy, 1m),
            ["retrieval"] = Ref("Retrieval"),
            ["routing"] = Ref("Routing"),
            ["fixedMonthlyCost"] = Money("Fixed monthly cost",
                "Dollars per month regardless of volume, e.g. a vector database's base fee.", Visibility.Advanced).DefaultsTo(0m),
            ["hostingPerHour"] = Money("Hosting per hour",
                "Dollars per hour of hosting, e.g. a deployed fine-tuned model; billed 730 hours a month.", Visibility.Advanced)
                .DefaultsTo(0m),
            ["training"] = Ref("Training"),
        },
        "id", "kind", "pricing", "inputTokens", "outputTokens", "accuracy").Closed();

    private static OpenApiSchema Pricing() => Object("Pricing",
        "Model token prices in dollars per million tokens, 0 to 10,000.",
        new()
        {
            ["inputPerMillion"] = Price("Input price", "Dollars per million input tokens.", Visibility.Important),
            ["outputPerMillion"] = Price("Output price", "Dollars per million output tokens.", Visibility.Important),
            ["cachedInputPerMillion"] = Price("Cached input price",
                "Dollars per million cached input tokens; default the input price.", Visibility.Advanced),
        },
        "inputPerMillion", "outputPerMillion").Closed();

    private static OpenApiSchema Retrieval() => Object("Retrieval",
        "Retrieval costs per request; any kind of approach may have them (fine-tune with retrieval is a hybrid).",
        new()
        {
            ["contextTokens"] = Tokens("Context tokens", "Retrieved tokens added to the prompt, billed at the input price.", Visibility.Advanced),
            ["embeddingTokens"] = Tokens("Embedding tokens", "Tokens embedded for the query.", Visibility.Advanced),
            ["embeddingPerMillion"] = Price("Embedding price", "Dollars per million embedded tokens.", Visibility.Advanced),
            ["costPerQuery"] = Money("Cost per query", "Dollars per vector search.", Visibility.Advanced),
        }).Closed();

    private static OpenApiSchema Routing() => Object("Routing",
        "Model routing: a share of the requests goes to another, usually cheaper, model.",
        new()
        {
            ["share"] = Fraction("Routed share", "Share of requests sent to the routed model, a fraction.", Visibility.Advanced),
            ["pricing"] = Ref("Pricing"),
            ["accuracy"] = Number("Routed accuracy", "Share of the routed model's outputs that are correct, a fraction from 0.001 to 1.",
                Visibility.Advanced).Between(MinAccuracy, 1m),
        },
        "share", "pricing", "accuracy").Closed();

    private static OpenApiSchema Training() => Object("Training",
        "Training costs of a fine-tuned model: required for kind fine-tune, refused for the other kinds.",
        new()
        {
            ["trainingTokens"] = Long("Training tokens", "Tokens in the training set, 0 to 1e13.", Visibility.Advanced)
                .Between(0m, MaxTrainingTokens),
            ["epochs"] = Integer("Epochs", "Passes over the training set, 1 to 100.", Visibility.Advanced).Between(1m, MaxEpochs),
            ["trainingPerMillion"] = Price("Training price", "Dollars per million trained tokens.", Visibility.Advanced),
            ["gpuHours"] = Number("GPU hours", "GPU hours per training run, 0 to 1e7.", Visibility.Advanced).Between(0m, MaxGpuHours),
            ["gpuHourlyRate"] = Money("GPU hourly rate", "Dollars per GPU hour.", Visibility.Advanced),
            ["dataPreparationCost"] = Money("Data preparation cost", "One-time dollars, charged with the first run only.", Visibility.Advanced),
            ["evaluationCost"] = Money("Evaluation cost", "Dollars per training run.", Visibility.Advanced),
            ["retrainEveryMonths"] = Integer("Retrain every (months)", "Retraining cadence in months, 1 to 120; absent, trained once.",
                Visibility.Advanced).Between(1m, MaxMonths),
        }).Closed();

    private static OpenApiSchema Tokens(string summary, string description, Visibility visibility) =>
        Long(summary, description + " A whole number from 0 to 10,000,000.", visibility).Between(0m, MaxRequestTokens);

    private static OpenApiSchema Price(string summary, string description, Visibility visibility) =>
        Number(summary, description, visibility).Between(0m, MaxPricePerMillion);
}
