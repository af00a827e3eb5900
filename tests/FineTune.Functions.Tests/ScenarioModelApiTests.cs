using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Storage;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>
/// Scenarios that name catalog models through the API (economics.md section 8), priced from the shipped seed: the
/// analysis of named models is that of the same prices typed, wherever it is computed, and every refusal names its path.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScenarioModelApiTests(ApiFixture fixture)
{
    private const string Base = "openai/gpt-4.1-2025-04-14";
    private const string Mini = "openai/gpt-4.1-mini-2025-04-14";
    private const string Nano = "openai/gpt-4.1-nano-2025-04-14";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static PriceRates Rates(string id) => PriceSeed.Catalog.InEffect(ModelId.Parse(id), Today)!.Rates;

    /// <summary>
    /// The support-triage sample with its prices named: the prompt and the RAG approach name gpt-4.1, the RAG approach
    /// routes 30 % to gpt-4.1-nano, the fine-tune names gpt-4.1-mini for its fine-tuned rates, hosting and training
    /// price and routes to gpt-4.1-nano.
    /// </summary>
    internal static byte[] Named(Action<JsonObject>? change = null) => Samples.SupportTriage(scenario =>
    {
        JsonArray approaches = scenario["approaches"]!.AsArray();
        Name(approaches[0]!.AsObject(), Base);
        Name(approaches[1]!.AsObject(), Base);
        approaches[1]!["routing"] = new JsonObject { ["share"] = 0.3m, ["model"] = Nano, ["accuracy"] = 0.85m };
        JsonObject fineTune = approaches[2]!.AsObject();
        Name(fineTune, Mini);
        fineTune.Remove("hostingPerHour");
        fineTune["training"]!.AsObject().Remove("trainingPerMillion");
        JsonObject routing = fineTune["routing"]!.AsObject();
        routing.Remove("pricing");
        routing["model"] = Nano;
        change?.Invoke(scenario);
    });

    /// <summary><see cref="Named"/> with the seed's prices in effect today typed in, and no model.</summary>
    private static byte[] Typed() => Samples.SupportTriage(scenario =>
    {
        JsonArray approaches = scenario["approaches"]!.AsArray();
        approaches[0]!["pricing"] = Pricing(Rates(Base).InputPerMillion, Rates(Base).OutputPerMillion, Rates(Base).CachedInputPerMillion);
        approaches[1]!["pricing"] = Pricing(Rates(Base).InputPerMillion, Rates(Base).OutputPerMillion, Rates(Base).CachedInputPerMillion);
        approaches[1]!["routing"] = new JsonObject
        {
            ["share"] = 0.3m,
            ["pricing"] = Pricing(Rates(Nano).InputPerMillion, Rates(Nano).OutputPerMillion, Rates(Nano).CachedInputPerMillion),
            ["accuracy"] = 0.85m,
        };
        FineTunePrices tuned = Rates(Mini).FineTune!;
        JsonObject fineTune = approaches[2]!.AsObject();
        fineTune["pricing"] = Pricing(tuned.InputPerMillion, tuned.OutputPerMillion, tuned.CachedInputPerMillion);
        fineTune["hostingPerHour"] = tuned.HostingPerHour;
        fineTune["training"]!["trainingPerMillion"] = tuned.TrainingPerMillion;
        fineTune["routing"]!["pricing"] = Pricing(Rates(Nano).InputPerMillion, Rates(Nano).OutputPerMillion, Rates(Nano).CachedInputPerMillion);
    });

    private static void Name(JsonObject approach, string model)
    {
        approach.Remove("pricing");
        approach["model"] = model;
    }

    private static JsonObject Pricing(decimal? input, decimal? output, decimal? cached) =>
        new() { ["inputPerMillion"] = input, ["outputPerMillion"] = output, ["cachedInputPerMillion"] = cached };

    /// <summary>An analysis without its list of catalog prices.</summary>
    private static string Figures(Reply analysis)
    {
        Assert.Equal(HttpStatusCode.OK, analysis.Status);
        JsonObject json = JsonNode.Parse(analysis.Body)!.AsObject();
        Assert.True(json.Remove("prices"));
        return json.ToJsonString();
    }

    private static IReadOnlyDictionary<string, string> Errors(Reply reply, HttpStatusCode status) =>
        reply.AssertProblem(status)!.Value.EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" | ", e.Value.EnumerateArray().Select(m => m.GetString())));

    [Fact]
    public async Task AnalyzeScenario_ModelsNamed_IsTheAnalysisOfTheSeedPricesTypedAndListsTheEntriesUsed()
    {
        ApiClient client = fixture.Client();

        Reply named = await client.SendAsync(HttpMethod.Post, "/api/analyses", Named());
        Reply typed = await client.SendAsync(HttpMethod.Post, "/api/analyses", Typed());

        Assert.Equal(Figures(typed), Figures(named));
        Assert.Equal(0, typed.Json.GetProperty("prices").GetArrayLength());
        JsonElement[] prices = [.. named.Json.GetProperty("prices").EnumerateArray()];
        Assert.Equal(
            ["approaches[0]", "approaches[1]", "approaches[1].routing", "approaches[2]", "approaches[2].routing"],
            prices.Select(p => p.GetProperty("path").GetString()));
        Assert.Equal([Base, Base, Nano, Mini, Nano], prices.Select(p => p.GetProperty("model").GetString()));
        ModelPrice mini = PriceSeed.Catalog.InEffect(ModelId.Parse(Mini), Today)!;
        Assert.Equal(mini.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), prices[3].GetProperty("effectiveFrom").GetString());
        Assert.Equal(mini.Source, prices[3].GetProperty("source").GetString());
        Assert.Equal(
            ["pricing.inputPerMillion", "pricing.outputPerMillion", "pricing.cachedInputPerMillion", "hostingPerHour", "training.trainingPerMillion"],
            prices[3].GetProperty("filled").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AnalyzeScenario_NegotiatedPriceBesideTheModel_WinsAndIsNotListedAsFilled()
    {
        ApiClient client = fixture.Client();
        byte[] body = Named(scenario => scenario["approaches"]![0]!["pricing"] = new JsonObject { ["inputPerMillion"] = 1.5m });

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/analyses", body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement prompt = reply.Json.GetProperty("prices")[0];
        Assert.Equal(["pricing.outputPerMillion", "pricing.cachedInputPerMillion"], prompt.GetProperty("filled").EnumerateArray().Select(f => f.GetString()));
        // 600 uncached at the negotiated 1.5, 1800 cached and 300 output at the seed's rates.
        PriceRates rates = Rates(Base);
        decimal expected = (600 * 1.5m + 1800 * rates.CachedInputPerMillion!.Value + 300 * rates.OutputPerMillion!.Value) / 1_000_000m;
        Assert.Equal(expected, reply.Json.GetProperty("approaches")[0].GetProperty("perRequest").GetProperty("modelTokenCost").GetDecimal());
    }

    [Fact]
    public async Task AnalyzeScenario_UnknownIdsAndAMissingFineTunedRate_Are400AtEachPathAtOnce()
    {
        ApiClient client = fixture.Client();
        byte[] body = Named(scenario =>
        {
            scenario["approaches"]![0]!["model"] = "openai/gpt-4.1";
            scenario["approaches"]![1]!["routing"]!["model"] = "acme/router";
            // Azure's seed entry has fine-tuned token rates and hosting, but no training price.
            scenario["approaches"]![2]!["model"] = "azure-openai/gpt-4.1-mini/global";
        });

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/analyses", body);

        IReadOnlyDictionary<string, string> errors = Errors(reply, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["approaches[0].model", "approaches[1].routing.model", "approaches[2].training.trainingPerMillion"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("openai/gpt-4.1 is not in the price catalog. Similar ids: ", errors["approaches[0].model"], StringComparison.Ordinal);
        Assert.Contains(Base, errors["approaches[0].model"], StringComparison.Ordinal);
        Assert.Equal("acme/router is not in the price catalog. No similar id is in effect on that date.", errors["approaches[1].routing.model"]);
        Assert.Contains("has no fine-tuned training price; give it in the scenario.", errors["approaches[2].training.trainingPerMillion"],
            StringComparison.Ordinal);
        Assert.Contains("GET /api/models", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeScenario_PricesAsOfBeforeTheCatalog_Is400SayingWhenPricesStart()
    {
        ApiClient client = fixture.Client();

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/analyses", Named(scenario => scenario["pricesAsOf"] = "2024-01-01"));

        IReadOnlyDictionary<string, string> errors = Errors(reply, HttpStatusCode.BadRequest);
        Assert.StartsWith($"{Base} has no price in effect on 2024-01-01; its prices start on 2025-08-07.", errors["approaches[0].model"],
            StringComparison.Ordinal);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public async Task AnalyzeScenario_PriceMissingWithoutAModel_Is400RequiredOrAModel()
    {
        ApiClient client = fixture.Client();
        byte[] body = Samples.SupportTriage(scenario => scenario["approaches"]![0]!.AsObject().Remove("pricing"));

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/analyses", body);

        Assert.Equal("is required, or name a model (model) whose catalog prices fill it.",
            Errors(reply, HttpStatusCode.BadRequest)["approaches[0].pricing"]);
    }

    [Fact]
    public async Task CreateScenario_NamingModels_StoresThemAsWrittenAndItsAnalysisIsTheStatelessOne()
    {
        ApiClient client = fixture.Client();
        byte[] body = Named(scenario => scenario["pricesAsOf"] = "2026-01-15");

        Reply created = await client.CreateAsync(body);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");
        Reply stored = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}/analysis");
        Reply stateless = await client.SendAsync(HttpMethod.Post, "/api/analyses", body);

        JsonElement scenario = read.Json.GetProperty("scenario");
        Assert.Equal("2026-01-15", scenario.GetProperty("pricesAsOf").GetString());
        Assert.Equal(Base, scenario.GetProperty("approaches")[0].GetProperty("model").GetString());
        Assert.False(scenario.GetProperty("approaches")[0].TryGetProperty("pricing", out _));
        Assert.False(scenario.GetProperty("approaches")[2].TryGetProperty("hostingPerHour", out _));
        Assert.Equal(Nano, scenario.GetProperty("approaches")[2].GetProperty("routing").GetProperty("model").GetString());
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal(stateless.Body, stored.Body);
    }

    [Fact]
    public async Task CreateAndUpdateScenario_UnknownModel_Are400AndStoreNothing()
    {
        ApiClient client = fixture.Client();
        byte[] unknown = Named(scenario => scenario["approaches"]![0]!["model"] = "openai/gpt-9");
        Reply created = await client.CreateAsync();

        Reply create = await client.SendAsync(HttpMethod.Post, "/api/scenarios", unknown);
        Reply update = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", unknown, created.ETag);
        Reply list = await client.SendAsync(HttpMethod.Get, "/api/scenarios");
        Reply after = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        create.AssertBadRequestFor("approaches[0].model");
        update.AssertBadRequestFor("approaches[0].model");
        Assert.Equal(1, list.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(created.ETag, after.ETag);
    }

    [Fact]
    public async Task Charts_ModelsNamed_AreTheImagesOfThePricesTyped()
    {
        ApiClient client = fixture.Client();
        string id = (await client.CreateAsync(Named())).Id;

        using HttpResponseMessage typed = await client.Http.SendAsync(client.Request(HttpMethod.Post, "/api/analyses/charts/scale.svg", Typed()));
        using HttpResponseMessage named = await client.Http.SendAsync(client.Request(HttpMethod.Post, "/api/analyses/charts/scale.svg", Named()));
        using HttpResponseMessage stored = await client.Http.SendAsync(client.Request(HttpMethod.Get, $"/api/scenarios/{id}/charts/scale.svg"));
        Reply unknown = await client.SendAsync(HttpMethod.Post, "/api/analyses/charts/costs.svg",
            Named(scenario => scenario["approaches"]![0]!["model"] = "openai/gpt-9"));

        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        byte[] image = await typed.Content.ReadAsByteArrayAsync();
        Assert.Equal(image, await named.Content.ReadAsByteArrayAsync());
        Assert.Equal(image, await stored.Content.ReadAsByteArrayAsync());
        unknown.AssertBadRequestFor("approaches[0].model");
    }

    [Fact]
    public async Task GetScenarioComparison_OnTheSpot_NamesThePriceVersionAndPlacesThePricedScenario()
    {
        ApiClient client = fixture.Client();
        string id = (await client.CreateAsync(Named())).Id;

        Reply comparison = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");
        Reply analysis = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(HttpStatusCode.OK, comparison.Status);
        Assert.Equal(analysis.Json.GetProperty("reference").GetProperty("priceVersion").GetInt64(),
            comparison.Json.GetProperty("priceVersion").GetInt64());
        Assert.Equal(
            analysis.Json.GetProperty("benchmarks").EnumerateArray().Select(b => (b.GetProperty("metric").GetString(), b.GetProperty("value").GetDecimal())),
            comparison.Json.GetProperty("metrics").EnumerateArray().Select(m => (m.GetProperty("metric").GetString(), m.GetProperty("value").GetDecimal())));
    }

    [Fact]
    public async Task StoredScenario_NamingAModelTheCatalogNoLongerHas_Answers422AtItsModelYetReadsBackAsStored()
    {
        ApiClient client = fixture.Client();
        string json = Encoding.UTF8.GetString(Named(scenario => scenario["approaches"]![0]!["model"] = "acme/retired-model"));
        string id = Guid.NewGuid().ToString("N");
        TableClient table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(client.Workspace, id)
        {
            ["Name"] = "retired model", ["ScenarioJson"] = json, ["CreatedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow,
        });

        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}");
        Reply analysis = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");
        Reply comparison = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");
        Reply chart = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/charts/scale.svg");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(json, read.Json.GetProperty("scenario").GetRawText());
        foreach (Reply reply in (Reply[])[analysis, comparison, chart])
        {
            IReadOnlyDictionary<string, string> errors = Errors(reply, HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["approaches[0].model"], errors.Keys);
            Assert.StartsWith("acme/retired-model is not in the price catalog.", errors["approaches[0].model"], StringComparison.Ordinal);
            Assert.Contains("pricesAsOf", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}

/// <summary>Price changes seen by stored scenarios and their comparisons: a host and Azurite of its own (the catalog is global).</summary>
public sealed class ScenarioModelPriceChangeTests
{
    private const string Mini = "openai/gpt-4.1-mini-2025-04-14";

    private static readonly byte[] Minimal = Encoding.UTF8.GetBytes($$"""
        {
          "name": "One prompt",
          "segment": "enterprise-ai",
          "workload": { "requestsPerMonth": 100000 },
          "revenue": { "perRequest": 0.01 },
          "approaches": [ { "id": "prompt", "kind": "prompt", "model": "{{Mini}}", "inputTokens": 1000, "outputTokens": 0, "accuracy": 0.9 } ]
        }
        """);

    private static decimal ModelTokenCost(Reply analysis) =>
        analysis.Json.GetProperty("approaches")[0].GetProperty("perRequest").GetProperty("modelTokenCost").GetDecimal();

    [Fact]
    public async Task NewCatalogVersion_RepricesStoredScenariosWithoutPricesAsOf_AndMakesTheirComparisonsStale()
    {
        await using BenchmarkHost host = await BenchmarkHost.StartAsync();
        ApiClient client = host.Client();
        string today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string current = (await client.CreateAsync(Minimal)).Id;
        JsonObject pinned = JsonNode.Parse(Minimal)!.AsObject();
        pinned["pricesAsOf"] = "2026-01-01";
        string asOf = (await client.CreateAsync(Encoding.UTF8.GetBytes(pinned.ToJsonString()))).Id;
        await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply before = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{current}/comparison");

        Reply upsert = await client.SendAsync(HttpMethod.Put, $"/api/models/{Mini}", Encoding.UTF8.GetBytes(
            $$"""{"inputPerMillion": 0.30, "outputPerMillion": 1.20, "effectiveFrom": "{{today}}", "source": "a price cut"}"""));
        Reply repriced = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{current}/analysis");
        Reply kept = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{asOf}/analysis");
        Reply stale = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{current}/comparison");
        Reply run = await client.SendAsync(HttpMethod.Post, "/api/benchmarks/recompute");
        Reply fresh = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{current}/comparison");

        Assert.Equal(HttpStatusCode.OK, upsert.Status);
        Assert.Equal((1L, false), (before.Json.GetProperty("priceVersion").GetInt64(), before.Json.GetProperty("stale").GetBoolean()));
        // 1000 input tokens at the new $0.30 per million; the version of 2026-01-01 is the seed's $0.40.
        Assert.Equal(0.0003m, ModelTokenCost(repriced));
        Assert.Equal(today, repriced.Json.GetProperty("prices")[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal("a price cut", repriced.Json.GetProperty("prices")[0].GetProperty("source").GetString());
        Assert.Equal(2L, repriced.Json.GetProperty("reference").GetProperty("priceVersion").GetInt64());
        Assert.Equal(0.0004m, ModelTokenCost(kept));
        Assert.Equal("2025-08-07", kept.Json.GetProperty("prices")[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal((1L, true), (stale.Json.GetProperty("priceVersion").GetInt64(), stale.Json.GetProperty("stale").GetBoolean()));
        Assert.Equal(2L, run.Json.GetProperty("priceVersion").GetInt64());
        Assert.Equal((2L, false), (fresh.Json.GetProperty("priceVersion").GetInt64(), fresh.Json.GetProperty("stale").GetBoolean()));
    }
}
