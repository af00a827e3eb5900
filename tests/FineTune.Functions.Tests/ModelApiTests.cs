using System.Net;
using System.Text;
using System.Text.Json;
using FineTune.Core;
using FineTune.Testing;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>The catalog's routes on the local host, over an Azurite of their own per test (the catalog is global to an account).</summary>
public sealed class ModelApiTests
{
    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private static string[] Ids(Reply page) => [.. page.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListModels_FiltersAndPages_ListTheSeedInEffectOnTheDayByIdAcrossPages()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var host = LocalHostFactory.Over(azurite.ConnectionString);
        var client = new ApiClient(host.CreateClient(), "models");

        var all = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            Reply page = await client.SendAsync(HttpMethod.Get, "/api/models?asOf=2026-12-02&pageSize=5"
                + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            all.AddRange(Ids(page));
            token = page.Json.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);
        Reply openAi4o = await client.SendAsync(HttpMethod.Get, "/api/models?provider=openai&q=4O");
        Reply beforeAzure = await client.SendAsync(HttpMethod.Get, "/api/models?asOf=2025-09-01&pageSize=100");

        Assert.Equal(PriceSeed.Versions.Select(v => v.Id).Order(ModelId.Order).Select(id => id.ToString()), all);
        Assert.Equal((PriceSeed.Versions.Count + 4) / 5, pages);
        Assert.Equal(["openai/gpt-4o-2024-08-06", "openai/gpt-4o-mini-2024-07-18"], Ids(openAi4o));
        // The Azure prices of the seed start on 2025-11-04 and 2026-10-01.
        Assert.All(Ids(beforeAzure), id => Assert.StartsWith("openai/", id, StringComparison.Ordinal));
        Assert.Equal(7, Ids(beforeAzure).Length);
    }

    [Fact]
    public async Task ListModels_EveryParameterWrong_AnswersEveryProblemAtOnce()
    {
        await using var host = LocalHostFactory.WithoutStorage();
        var client = new ApiClient(host.CreateClient(), "models");

        Reply reply = await client.SendAsync(HttpMethod.Get,
            $"/api/models?provider=Open%20AI&q={new string('x', 101)}&asOf=2026-13-01&pageSize=0&continuationToken=nope");

        JsonElement errors = reply.AssertProblem(HttpStatusCode.BadRequest)!.Value;
        Assert.Equal(["asOf", "continuationToken", "pageSize", "provider", "q"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetModel_TwoAndThreePartIds_AnswerOnTheirRoutesAnd404ListsSimilarIds()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var host = LocalHostFactory.Over(azurite.ConnectionString);
        var client = new ApiClient(host.CreateClient(), "models");

        Reply openAi = await client.SendAsync(HttpMethod.Get, "/api/models/openai/gpt-4.1-mini-2025-04-14");
        Reply azure = await client.SendAsync(HttpMethod.Get, "/api/models/azure-openai/gpt-4.1-mini/global");
        Reply unknown = await client.SendAsync(HttpMethod.Get, "/api/models/openai/gpt-4.1-mini");
        Reply upperCase = await client.SendAsync(HttpMethod.Get, "/api/models/OpenAI/gpt-4.1-mini/Global");

        Assert.Equal(HttpStatusCode.OK, openAi.Status);
        JsonElement current = openAi.Json.GetProperty("current");
        Assert.Equal(("openai", "gpt-4.1-mini-2025-04-14", JsonValueKind.Null), (current.GetProperty("provider").GetString(),
            current.GetProperty("model").GetString(), current.GetProperty("deployment").ValueKind));
        Assert.Equal(5m, current.GetProperty("fineTune").GetProperty("trainingPerMillion").GetDecimal());
        Assert.Equal(1, openAi.Json.GetProperty("history").GetArrayLength());
        Assert.Equal("global", azure.Json.GetProperty("current").GetProperty("deployment").GetString());
        Assert.Equal(JsonValueKind.Null, azure.Json.GetProperty("current").GetProperty("fineTune").GetProperty("trainingPerMillion").ValueKind);
        unknown.AssertProblem(HttpStatusCode.NotFound);
        // The dated id continues it; Azure's are 6 edits away ("azure-"), within 19 / 3.
        Assert.Equal("openai/gpt-4.1-mini is not in the price catalog. Similar ids: openai/gpt-4.1-mini-2025-04-14, "
            + "azure-openai/gpt-4.1-mini/global, azure-openai/gpt-4.1-mini/regional.",
            unknown.Json.GetProperty("detail").GetString());
        JsonElement errors = upperCase.AssertProblem(HttpStatusCode.BadRequest)!.Value;
        Assert.Equal(["deployment", "provider"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpsertModelPrice_NewVersions_CloseTheOneBeforeAndAnalysesUseThemAtOnce()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var host = LocalHostFactory.Over(azurite.ConnectionString, new Dictionary<string, string?> { ["ReferenceData:RefreshSeconds"] = "3600" });
        var client = new ApiClient(host.CreateClient(), "models");
        Reply analysisBefore = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Reply first = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x", Body(
            """{"inputPerMillion":1.50,"outputPerMillion":6,"fineTune":{"hostingPerHour":0},"effectiveFrom":"2026-01-01","source":"https://acme.example/pricing, 2026-01-01"}"""));
        Reply second = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x", Body(
            """{"inputPerMillion":1.25,"outputPerMillion":5,"effectiveFrom":"2026-06-01","source":"https://acme.example/pricing, 2026-06-01"}"""));
        Reply earlier = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x", Body(
            """{"inputPerMillion":1,"effectiveFrom":"2026-03-01","source":"late news"}"""));
        Reply regional = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x/regional", Body(
            """{"inputPerMillion":1.65,"effectiveFrom":"2026-06-01","source":"https://acme.example/pricing"}"""));
        Reply model = await client.SendAsync(HttpMethod.Get, "/api/models/acme/model-x");
        Reply analysisAfter = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Matches(
            """^\{"id":"acme/model-x","provider":"acme","model":"model-x","deployment":null,"effectiveFrom":"2026-01-01","effectiveTo":null,"inputPerMillion":1.5,"cachedInputPerMillion":null,"outputPerMillion":6,"batchInputPerMillion":null,"batchOutputPerMillion":null,"fineTune":\{"trainingPerMillion":null,"inputPerMillion":null,"cachedInputPerMillion":null,"outputPerMillion":null,"hostingPerHour":0\},"source":"https://acme.example/pricing, 2026-01-01","retrievedAt":"[^"]+"\}$""",
            first.Body);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        JsonElement effectiveFrom = earlier.AssertProblem(HttpStatusCode.BadRequest)!.Value.GetProperty("effectiveFrom");
        Assert.Equal("must be on or after 2026-06-01, when the latest version of acme/model-x starts: history is only added to at its end.",
            effectiveFrom[0].GetString());
        Assert.Equal("acme/model-x/regional", regional.Json.GetProperty("id").GetString());
        Assert.Equal(["2026-06-01", "2026-01-01"], model.Json.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("effectiveFrom").GetString()));
        Assert.Equal("2026-06-01", model.Json.GetProperty("history")[1].GetProperty("effectiveTo").GetString());
        Assert.Equal(1, analysisBefore.Json.GetProperty("reference").GetProperty("priceVersion").GetInt64());
        Assert.Equal(4, analysisAfter.Json.GetProperty("reference").GetProperty("priceVersion").GetInt64());
    }

    [Fact]
    public async Task UpsertModelPrice_EveryProblemOfRouteAndBody_AnsweredAtOnce()
    {
        await using var host = LocalHostFactory.WithoutStorage();
        var client = new ApiClient(host.CreateClient(), "models");

        Reply wrong = await client.SendAsync(HttpMethod.Put, "/api/models/Acme/model-x", Body(
            """{"inputPerMillion":-1,"outputPerMillion":1001,"fineTune":{"hostingPerHour":"free","epochs":3},"effectiveFrom":"01/06/2026","colour":"red"}"""));
        Reply noRate = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x", Body(
            """{"inputPerMillion":null,"effectiveFrom":"2026-06-01","source":"https://acme.example"}"""));
        Reply notJson = await client.SendAsync(HttpMethod.Put, "/api/models/acme/model-x", Body("{"));

        JsonElement errors = wrong.AssertProblem(HttpStatusCode.BadRequest)!.Value;
        Assert.Equal(["colour", "effectiveFrom", "fineTune.epochs", "fineTune.hostingPerHour", "inputPerMillion", "outputPerMillion", "provider", "source"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("must give at least one rate: a price no source gives is left out, never 0.",
            noRate.AssertProblem(HttpStatusCode.BadRequest)!.Value.GetProperty("$")[0].GetString());
        notJson.AssertBadRequestFor("$");
    }

    [Fact]
    public async Task RefreshPrices_ApiAnswersOrRefuses_200WithTheSummaryOr502()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(
            [[FakeRetailPricesApi.Item("gpt 5.4 nano Inp glbl Tokens", 0.00005m), FakeRetailPricesApi.Item("gpt 4o aud Inp glbl Tokens", 0.004m)]]);
        await using FakeRetailPricesApi refusing = await FakeRetailPricesApi.StartAsync(
            [], fault: (_, _) => Microsoft.AspNetCore.Http.Results.StatusCode(403));
        await using var host = LocalHostFactory.Over(azurite.ConnectionString,
            new Dictionary<string, string?> { ["Prices:RetailPricesUrl"] = api.Url.ToString() });
        await using var refused = LocalHostFactory.Over(azurite.ConnectionString,
            new Dictionary<string, string?> { ["Prices:RetailPricesUrl"] = refusing.Url.ToString() });

        Reply summary = await new ApiClient(host.CreateClient(), "models").SendAsync(HttpMethod.Post, "/api/models/refresh");
        Reply nano = await new ApiClient(host.CreateClient(), "models").SendAsync(HttpMethod.Get, "/api/models/azure-openai/gpt-5.4-nano/global");
        Reply failed = await new ApiClient(refused.CreateClient(), "models").SendAsync(HttpMethod.Post, "/api/models/refresh");

        Assert.Equal(HttpStatusCode.OK, summary.Status);
        JsonElement json = summary.Json;
        Assert.Equal(("completed", 1, 2, 1, 1, 1), (json.GetProperty("status").GetString(), json.GetProperty("pagesRead").GetInt32(),
            json.GetProperty("itemsRead").GetInt32(), json.GetProperty("mapped").GetInt32(), json.GetProperty("unmapped").GetInt32(),
            json.GetProperty("changed").GetInt32()));
        Assert.Equal("Azure OpenAI: gpt 4o aud Inp glbl Tokens (variant 'aud' not priced by the catalog)", json.GetProperty("unmappedMeters")[0].GetString());
        Assert.Equal(0.05m, nano.Json.GetProperty("current").GetProperty("inputPerMillion").GetDecimal());
        failed.AssertProblem(HttpStatusCode.BadGateway);
        Assert.Equal("The Azure Retail Prices API failed after 0 pages; the catalog is unchanged. Page 1 was refused with HTTP 403.",
            failed.Json.GetProperty("detail").GetString());
    }
}
