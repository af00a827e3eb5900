using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using FineTune.Storage;
using FineTune.Testing;
using FineTune.Testing.Host;
using Microsoft.AspNetCore.Http;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// Real responses of every operation against the document: each status the app answers with is documented for that
/// operation, and each body fits the documented schema, field for field.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ResponseConformanceTests(ApiFixture fixture)
{
    private readonly string workspace = "ws-" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task ScenarioOperations_AnswerAsDocumented()
    {
        await Exchange("post", "/analyses", "/api/analyses", HttpStatusCode.OK, Samples.SupportTriage());
        JsonElement created = await Exchange("post", "/scenarios", "/api/scenarios", HttpStatusCode.Created, Samples.SupportTriage());
        string id = created.GetProperty("id").GetString()!;
        string etag = created.GetProperty("etag").GetString()!;
        await Exchange("get", "/scenarios", "/api/scenarios?pageSize=5", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}/analysis", $"/api/scenarios/{id}/analysis", HttpStatusCode.OK);
        await Exchange("put", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.OK, Samples.SupportTriage(), ifMatch: etag);
        await Exchange("delete", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.PreconditionFailed, ifMatch: etag);
        await Exchange("delete", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.NoContent);
        await Exchange("get", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.NotFound);
        await Exchange("get", "/health", "/api/health", HttpStatusCode.OK);
        await Exchange("get", "/openapi.json", "/api/openapi.json", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refusals_AreDocumentedProblems()
    {
        byte[] invalid = Samples.SupportTriage(scenario => scenario["approaches"]![0]!["accuracy"] = 5);
        JsonElement problem = await Exchange("post", "/analyses", "/api/analyses", HttpStatusCode.BadRequest, invalid);
        Assert.True(problem.GetProperty("errors").TryGetProperty("approaches[0].accuracy", out _));

        await Exchange("post", "/scenarios", "/api/scenarios", HttpStatusCode.UnsupportedMediaType, Samples.SupportTriage(),
            contentType: "text/plain");
        await Exchange("post", "/scenarios", "/api/scenarios", HttpStatusCode.RequestEntityTooLarge, Samples.Padded(256 * 1024 + 1));
        await Exchange("get", "/scenarios", "/api/scenarios?pageSize=0", HttpStatusCode.BadRequest);
        await Exchange("get", "/scenarios/{id}", "/api/scenarios/0123", HttpStatusCode.BadRequest, workspace: "no spaces");
    }

    [Fact]
    public async Task StoredRowTodaysRulesRefuse_AnalysisAndComparisonAnswerTheDocumented422()
    {
        TableClient table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync();
        string id = Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(new TableEntity(workspace, id) { ["ScenarioJson"] = """{"name":"written by hand"}""" });

        JsonElement analysis = await Exchange("get", "/scenarios/{id}/analysis", $"/api/scenarios/{id}/analysis",
            HttpStatusCode.UnprocessableEntity);
        JsonElement comparison = await Exchange("get", "/scenarios/{id}/comparison", $"/api/scenarios/{id}/comparison",
            HttpStatusCode.UnprocessableEntity);

        Assert.True(analysis.GetProperty("errors").TryGetProperty("workload", out _), analysis.GetRawText());
        Assert.True(comparison.GetProperty("errors").TryGetProperty("approaches", out _), comparison.GetRawText());
    }

    [Fact]
    public async Task BenchmarkOperations_AnswerAsDocumented()
    {
        JsonElement created = await Exchange("post", "/scenarios", "/api/scenarios", HttpStatusCode.Created, Samples.SupportTriage());
        string id = created.GetProperty("id").GetString()!;

        JsonElement benchmarks = await Exchange("get", "/benchmarks", "/api/benchmarks", HttpStatusCode.OK);
        JsonElement band = benchmarks.GetProperty("bands")[0];
        string bandBody = JsonSerializer.Serialize(new
        {
            direction = band.GetProperty("direction").GetString(),
            low = band.GetProperty("low").GetDecimal(),
            medianLow = band.GetProperty("medianLow").GetDecimal(),
            medianHigh = band.GetProperty("medianHigh").GetDecimal(),
            elite = band.GetProperty("elite").GetDecimal(),
            source = band.GetProperty("source").GetString(),
        });
        string bandPath = $"/api/benchmarks/{band.GetProperty("segment").GetString()}/{band.GetProperty("metric").GetString()}";
        await Exchange("put", "/benchmarks/{segment}/{metric}", bandPath, HttpStatusCode.OK, Encoding.UTF8.GetBytes(bandBody));
        await Exchange("get", "/scenarios/{id}/comparison", $"/api/scenarios/{id}/comparison", HttpStatusCode.OK);
        await Exchange("post", "/benchmarks/recompute", "/api/benchmarks/recompute", HttpStatusCode.OK);
        await Exchange("get", "/benchmarks/peers", "/api/benchmarks/peers", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}/comparison", $"/api/scenarios/{id}/comparison", HttpStatusCode.OK);
    }

    [Fact]
    public async Task PriceOperations_AnswerAsDocumented()
    {
        await Exchange("get", "/models", "/api/models?provider=azure-openai&pageSize=2", HttpStatusCode.OK);
        await Exchange("get", "/models", "/api/models?asOf=yesterday", HttpStatusCode.BadRequest);
        await Exchange("get", "/models/{provider}/{model}", "/api/models/openai/gpt-4o-mini-2024-07-18", HttpStatusCode.OK);
        await Exchange("get", "/models/{provider}/{model}", "/api/models/openai/gpt-4o-mini", HttpStatusCode.NotFound);
        await Exchange("get", "/models/{provider}/{model}/{deployment}", "/api/models/azure-openai/o4-mini/global", HttpStatusCode.OK);
        await Exchange("get", "/models/{provider}/{model}/{deployment}", "/api/models/azure-openai/o4-mini/Global", HttpStatusCode.BadRequest);
        byte[] price = Encoding.UTF8.GetBytes(
            """{"inputPerMillion":0.2,"outputPerMillion":0.8,"fineTune":{"trainingPerMillion":2,"hostingPerHour":0},"effectiveFrom":"2026-01-01","source":"https://acme.example/pricing"}""");
        await Exchange("put", "/models/{provider}/{model}", "/api/models/acme/conformance", HttpStatusCode.OK, price);
        await Exchange("put", "/models/{provider}/{model}/{deployment}", "/api/models/acme/conformance/global", HttpStatusCode.OK, price);
        await Exchange("put", "/models/{provider}/{model}", "/api/models/acme/conformance", HttpStatusCode.BadRequest,
            Encoding.UTF8.GetBytes("""{"inputPerMillion":-1}"""));
        await Exchange("put", "/models/{provider}/{model}", "/api/models/acme/conformance", HttpStatusCode.UnsupportedMediaType, price,
            contentType: "text/plain");

        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[FakeRetailPricesApi.Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m), FakeRetailPricesApi.Item("gpt 4o aud Inp glbl Tokens", 0.004m)]]);
        await using FakeRetailPricesApi refusing = await FakeRetailPricesApi.StartAsync([], fault: (_, _) => Results.StatusCode(403));
        await using var answering = LocalHostFactory.Over(fixture.Azurite.ConnectionString, new Dictionary<string, string?> { ["Prices:RetailPricesUrl"] = api.Url.ToString() });
        await using var refused = LocalHostFactory.Over(fixture.Azurite.ConnectionString, new Dictionary<string, string?> { ["Prices:RetailPricesUrl"] = refusing.Url.ToString() });
        await Exchange("post", "/models/refresh", "/api/models/refresh", HttpStatusCode.OK, host: answering);
        await Exchange("post", "/models/refresh", "/api/models/refresh", (HttpStatusCode)502, host: refused);
    }

    [Fact]
    public async Task MonitorOperations_AnswerAsDocumented()
    {
        // Monitored from ten days ago: a day priced from its tokens, a day far over plan (an over-plan alert), a day that cannot be priced.
        DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int back) => today.AddDays(-back).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        byte[] scenario = Samples.SupportTriage(s => s["monitoring"] = new System.Text.Json.Nodes.JsonObject
        {
            ["approachId"] = "prompt",
            ["startDate"] = Day(10),
        });
        JsonElement created = await Exchange("post", "/scenarios", "/api/scenarios", HttpStatusCode.Created, scenario);
        string id = created.GetProperty("id").GetString()!;
        byte[] usage = Encoding.UTF8.GetBytes($$"""
            { "records": [
              { "date": "{{Day(3)}}", "requests": 90000, "inputTokens": 216000000, "cachedInputTokens": 162000000, "outputTokens": 27000000, "errors": 9000 },
              { "date": "{{Day(2)}}", "approachId": "prompt", "requests": 90000, "spend": 100000 },
              { "date": "{{Day(1)}}", "requests": 100 } ] }
            """);

        JsonElement receipt = await Exchange("post", "/scenarios/{id}/usage", $"/api/scenarios/{id}/usage", HttpStatusCode.OK, usage);
        await Exchange("post", "/scenarios/{id}/usage", $"/api/scenarios/{id}/usage", HttpStatusCode.BadRequest,
            Encoding.UTF8.GetBytes($$"""{ "records": [{ "date": "{{Day(-1)}}", "requests": 1 }] }"""));
        await Exchange("get", "/scenarios/{id}/monitor", $"/api/scenarios/{id}/monitor", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}/monitor", $"/api/scenarios/{id}/monitor?from={Day(11)}", HttpStatusCode.BadRequest);
        await Exchange("get", "/alerts", $"/api/alerts?scenarioId={id}", HttpStatusCode.OK);
        await Exchange("get", "/alerts", "/api/alerts?since=yesterday", HttpStatusCode.BadRequest);
        string alertId = receipt.GetProperty("alerts")[0].GetProperty("id").GetString()!;
        await Exchange("post", "/alerts/{id}/acknowledge", $"/api/alerts/{alertId}/acknowledge", HttpStatusCode.OK);
        await Exchange("post", "/alerts/{id}/acknowledge", $"/api/alerts/{id}-20200101-pace/acknowledge", HttpStatusCode.NotFound);
        await Exchange("get", "/portfolio", "/api/portfolio", HttpStatusCode.OK);
        await Exchange("delete", "/scenarios/{id}", $"/api/scenarios/{id}", HttpStatusCode.NoContent);
        await Exchange("post", "/scenarios/{id}/usage", $"/api/scenarios/{id}/usage", HttpStatusCode.NotFound, usage);
    }

    /// <summary>Sends a request, asserts its status is the expected one and documented, and its body fits the schema.</summary>
    private async Task<JsonElement> Exchange(
        string method, string template, string url, HttpStatusCode expected, byte[]? body = null,
        string contentType = "application/json", string? ifMatch = null, string? workspace = null, LocalHostFactory? host = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        request.Headers.TryAddWithoutValidation("X-Workspace-Id", workspace ?? this.workspace);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using HttpClient client = (host ?? fixture.Factory).CreateClient();
        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");

        JsonElement operation = fixture.Document.GetProperty("paths").GetProperty(template).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(((int)expected).ToString(), out JsonElement documented),
            $"{method} {template} answered {(int)expected}, which the document does not list.");
        if (!documented.TryGetProperty("schema", out JsonElement schema))
        {
            Assert.Equal("", text);
            return default;
        }
        foreach (JsonProperty header in documented.TryGetProperty("headers", out JsonElement headers) ? headers.EnumerateObject() : [])
        {
            Assert.True(response.Headers.Contains(header.Name) || response.Content.Headers.Contains(header.Name),
                $"{method} {template}: no {header.Name} header");
        }
        JsonElement json = JsonDocument.Parse(text).RootElement.Clone();
        IReadOnlyList<string> problems = new SchemaCheck(fixture.Document.GetProperty("definitions")).Problems(json, schema);
        Assert.True(problems.Count == 0, $"{method} {template} {(int)expected}:\n{string.Join("\n", problems)}");
        return json;
    }
}
