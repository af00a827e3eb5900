using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Prices;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The model price catalog (economics.md section 8): token rates in dollars per million tokens, hosting in dollars per
/// hour; a rate no source gives is null, never 0.
/// </summary>
internal static class PriceSchemas
{
    /// <summary>Adds the catalog definitions.</summary>
    public static void AddTo(IDictionary<string, OpenApiSchema> definitions)
    {
        definitions["ModelPrice"] = ModelPrice();
        definitions["ModelPricePage"] = ModelPricePage();
        definitions["Model"] = Model();
        definitions["ModelPriceInput"] = ModelPriceInput();
        definitions["FineTunePrices"] = FineTune(input: false);
        definitions["FineTunePricesInput"] = FineTune(input: true);
        definitions["PriceRefreshSummary"] = PriceRefreshSummary();
    }

    private static OpenApiSchema ModelPrice() => Object("Model price",
        "One version of a catalog entry: its rates from effectiveFrom until effectiveTo (exclusive), and where they come from.",
        new()
        {
            ["id"] = Text("Model id", "provider/model or provider/model/deployment, lower case.", Visibility.Important)
                .Matching(ModelId.Pattern),
            ["provider"] = Text("Provider", "openai, azure-openai, or another by its plain name.", Visibility.Advanced),
            ["model"] = Text("Model", "The model as the provider names it.", Visibility.Important),
            ["deployment"] = Text("Deployment", "The deployment type where the provider prices them differently (global, data-zone, "
                + "regional); null otherwise.", Visibility.Advanced).OrNull(),
            ["effectiveFrom"] = Date("Effective from", "The first day (UTC) these rates apply.", Visibility.Advanced),
            ["effectiveTo"] = Date("Effective to", "The day the next version starts, exclusive; null while none exists.", Visibility.Advanced)
                .OrNull(),
            ["inputPerMillion"] = Rate("Input price", "Input tokens."),
            ["cachedInputPerMillion"] = Rate("Cached input price", "Cached input tokens."),
            ["outputPerMillion"] = Rate("Output price", "Output tokens."),
            ["batchInputPerMillion"] = Rate("Batch input price", "Input tokens sent through the batch API."),
            ["batchOutputPerMillion"] = Rate("Batch output price", "Output tokens of the batch API."),
            ["fineTune"] = Ref("FineTunePrices"),
            ["source"] = Text("Source", "Where the rates come from: a URL and its date, or the price API and region.", Visibility.Advanced),
            ["retrievedAt"] = DateTime("Retrieved at", "When the rates were read from their source (UTC).", Visibility.Advanced),
        },
        // fineTune is a reference, which Swagger 2.0 cannot mark nullable: it is left out of required instead.
        "id", "provider", "model", "deployment", "effectiveFrom", "effectiveTo", "inputPerMillion", "cachedInputPerMillion",
        "outputPerMillion", "batchInputPerMillion", "batchOutputPerMillion", "source", "retrievedAt");

    private static OpenApiSchema ModelPricePage() => Object("Model prices",
        "One page of the catalog's entries in effect on the day asked for, by provider, model and deployment.",
        new()
        {
            ["items"] = ArrayOf(Ref("ModelPrice"), "Items", "The version of each entry in effect that day.", Visibility.Important),
            ["continuationToken"] = Text("Continuation token", "Pass it to get the next page; null on the last page.", Visibility.Advanced)
                .OrNull(),
        },
        "items", "continuationToken");

    private static OpenApiSchema Model() => Object("Model",
        "One catalog entry: the version in effect today and every version.",
        new()
        {
            ["current"] = Ref("ModelPrice"),
            ["history"] = ArrayOf(Ref("ModelPrice"), "History", "Every version, newest first.", Visibility.Advanced),
        },
        "history");

    private static OpenApiSchema ModelPriceInput() => Object("Model price input",
        "A new version of a catalog entry; the id is in the path. A rate left out or null is unknown (never 0); give at least one. "
        + "effectiveFrom must not be before the latest version's; on that same day the new version replaces it.",
        new()
        {
            ["inputPerMillion"] = InputRate("Input price", "Input tokens.", PriceLimits.MaxTokenPricePerMillion),
            ["cachedInputPerMillion"] = InputRate("Cached input price", "Cached input tokens.", PriceLimits.MaxTokenPricePerMillion),
            ["outputPerMillion"] = InputRate("Output price", "Output tokens.", PriceLimits.MaxTokenPricePerMillion),
            ["batchInputPerMillion"] = InputRate("Batch input price", "Input tokens of the batch API.", PriceLimits.MaxTokenPricePerMillion),
            ["batchOutputPerMillion"] = InputRate("Batch output price", "Output tokens of the batch API.", PriceLimits.MaxTokenPricePerMillion),
            ["fineTune"] = Ref("FineTunePricesInput"),
            ["effectiveFrom"] = Date("Effective from", "The first day (UTC) the rates apply.", Visibility.Important),
            ["source"] = Text("Source", "Where the rates come from: a URL and its date.", Visibility.Important)
                .Length(1, PriceLimits.MaxSourceLength),
        },
        "effectiveFrom", "source").Closed();

    private static OpenApiSchema PriceRefreshSummary() => Object("Price refresh summary",
        "What one price refresh did: pages and prices read from the Azure Retail Prices API, how they mapped, and what changed.",
        new()
        {
            ["runId"] = Text("Run id", "The schedule slot of a timer run, or the start and a suffix of a manual one.", Visibility.Advanced),
            ["status"] = Enum<PriceRefreshStatus>("Status",
                "completed when the catalog was brought up to date; already-completed or busy when a timer run did nothing.",
                Visibility.Important),
            ["pagesRead"] = Integer("Pages read", "Pages of the Retail Prices API read whole.", Visibility.Advanced),
            ["itemsRead"] = Integer("Prices read", "Prices on them.", Visibility.Advanced),
            ["skipped"] = Integer("Skipped", "Prices left out by rule: reservations, dev/test, tiers beyond the first, other currencies.",
                Visibility.Advanced),
            ["mapped"] = Integer("Mapped", "Prices mapped to a catalog rate.", Visibility.Important),
            ["unmapped"] = Integer("Unmapped", "Prices whose meter, unit or size is not read; never guessed.", Visibility.Important),
            ["changed"] = Integer("Changed", "Catalog entries given a new version.", Visibility.Important),
            ["unchanged"] = Integer("Unchanged", "Catalog entries whose rates the API confirmed.", Visibility.Advanced),
            ["priceVersion"] = Long("Catalog version", "The catalog's version after the run; null when it did nothing.", Visibility.Advanced)
                .OrNull(),
            ["unmappedMeters"] = ArrayOf(Text("Meter", "Product, meter name and why it is not read.", Visibility.Advanced),
                "Unmapped meters", "Some unmapped meters, at most 50, by name.", Visibility.Advanced),
            ["durationMilliseconds"] = Long("Duration (ms)", "The run's time, start to end, in milliseconds.", Visibility.Advanced),
            ["error"] = Text("Error", "Why the run failed; null otherwise.", Visibility.Advanced).OrNull(),
        },
        "runId", "status", "pagesRead", "itemsRead", "skipped", "mapped", "unmapped", "changed", "unchanged", "priceVersion",
        "unmappedMeters", "durationMilliseconds", "error");

    // A definition rather than inline: a generated client would name an inline object's class FineTune, the namespace's name.
    private static OpenApiSchema FineTune(bool input)
    {
        OpenApiSchema Field(string summary, string description, decimal max = PriceLimits.MaxTokenPricePerMillion) =>
            input ? InputRate(summary, description, max) : Rate(summary, description);
        OpenApiSchema schema = Object(input ? "Fine-tuning prices input" : "Fine-tuning prices",
            "What a fine-tuned model of this base costs; null when nothing is known.",
            new()
            {
                ["trainingPerMillion"] = Field("Training price", "Dollars per million trained tokens (tokens times epochs)."),
                ["inputPerMillion"] = Field("Fine-tuned input price", "Input tokens of the fine-tuned model."),
                ["cachedInputPerMillion"] = Field("Fine-tuned cached input price", "Cached input tokens of the fine-tuned model."),
                ["outputPerMillion"] = Field("Fine-tuned output price", "Output tokens of the fine-tuned model."),
                ["hostingPerHour"] = input
                    ? InputRate("Hosting price", "Dollars per hour the fine-tuned deployment exists, used or not.", PriceLimits.MaxHostingPerHour, "dollars per hour")
                    : Number("Hosting price", "Dollars per hour the fine-tuned deployment exists, used or not; null when unknown.", Visibility.Advanced).OrNull(),
            },
            input ? [] : [.. PriceBody.FineTuneProperties]);
        return input ? schema.Closed() : schema;
    }

    private static OpenApiSchema Rate(string summary, string description) =>
        Number(summary, description + " Dollars per million tokens; null when unknown.", Visibility.Advanced).OrNull();

    private static OpenApiSchema InputRate(string summary, string description, decimal max, string unit = "dollars per million tokens") =>
        Number(summary, $"{description} {char.ToUpperInvariant(unit[0])}{unit[1..]}; leave out or null when unknown.", Visibility.Advanced)
            .Between(0m, max).OrNull();

    private static OpenApiSchema Date(string summary, string description, Visibility visibility)
    {
        OpenApiSchema schema = Text(summary, description + " YYYY-MM-DD.", visibility);
        schema.Format = "date";
        return schema;
    }
}
