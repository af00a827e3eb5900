using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Storage;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>
/// Stored rows that today's rules refuse, written straight into the table (as when the rules were looser, or by hand):
/// GET and LIST echo them as stored, their analysis and comparison answer 422 naming the rules they break.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StoredRowTests(ApiFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    // Once-valid JSON with a negative volume, an accuracy above 1, and a field today's contract does not know.
    private const string LooserRules =
        """{"name":"written under looser rules","segment":"enterprise-ai","workload":{"requestsPerMonth":-5,"horizonMonths":12},"approaches":[{"id":"p","kind":"prompt","pricing":{"inputPerMillion":2.5,"outputPerMillion":10},"inputTokens":100,"outputTokens":10,"accuracy":1.5}],"legacyField":1}""";

    private async Task<string> WriteRowAsync(string workspace, string json)
    {
        var service = new TableServiceClient(fixture.Azurite.ConnectionString);
        TableClient table = service.GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync();
        string id = Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(new TableEntity(workspace, id)
        {
            ["Name"] = "by hand",
            ["ScenarioJson"] = json,
            ["CreatedAt"] = Noon,
            ["UpdatedAt"] = Noon,
        });
        return id;
    }

    [Fact]
    public async Task GetScenario_RowTodaysRulesRefuse_EchoesItsJsonExactly()
    {
        ApiClient client = fixture.Client();
        string id = await WriteRowAsync(client.Workspace, LooserRules);

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(LooserRules, reply.Json.GetProperty("scenario").GetRawText());
        Assert.Equal(reply.ETag, reply.Json.GetProperty("etag").GetString());
        Assert.Equal(Noon, reply.Json.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ListScenarios_RefusedAndNonJsonRowsBesideAValidOne_ListsEveryRowAsStored()
    {
        ApiClient client = fixture.Client();
        Reply valid = await client.CreateAsync();
        string looser = await WriteRowAsync(client.Workspace, LooserRules);
        string notJson = await WriteRowAsync(client.Workspace, "{\"name\": \"cut off");

        Reply page = await client.SendAsync(HttpMethod.Get, "/api/scenarios");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Dictionary<string, JsonElement> items = page.Json.GetProperty("items").EnumerateArray()
            .ToDictionary(item => item.GetProperty("id").GetString()!, item => item.GetProperty("scenario"));
        Assert.Equal(((string[])[looser, notJson, valid.Id]).Order(), items.Keys.Order());
        Assert.Equal(valid.Json.GetProperty("scenario").GetRawText(), items[valid.Id].GetRawText());
        Assert.Equal(LooserRules, items[looser].GetRawText());
        // Text that is not one JSON value is echoed as a string of that text.
        Assert.Equal("{\"name\": \"cut off", items[notJson].GetString());
    }

    [Fact]
    public async Task GetScenarioAnalysisAndComparison_RowTodaysRulesRefuse_Answer422NamingEveryRuleItBreaks()
    {
        ApiClient client = fixture.Client();
        string id = await WriteRowAsync(client.Workspace, LooserRules);
        IReadOnlyDictionary<string, IReadOnlyList<string>> expected = ScenarioJson.Parse(Encoding.UTF8.GetBytes(LooserRules)).Errors;

        Reply analysis = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");
        Reply comparison = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/comparison");

        foreach (Reply reply in (Reply[])[analysis, comparison])
        {
            JsonElement errors = reply.AssertProblem(HttpStatusCode.UnprocessableEntity)!.Value;
            Assert.Equal(
                expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join("|", e.Value))),
                errors.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal)
                    .Select(e => (e.Name, string.Join("|", e.Value.EnumerateArray().Select(m => m.GetString())))));
            Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21", reply.Json.GetProperty("type").GetString());
        }
        Assert.Contains("workload.requestsPerMonth", expected.Keys);
        Assert.Contains("approaches[0].accuracy", expected.Keys);
        Assert.Contains("legacyField", expected.Keys);
    }

    [Fact]
    public async Task GetScenarioAnalysis_RowNotJsonAtAll_Answers422ForTheBody()
    {
        ApiClient client = fixture.Client();
        string id = await WriteRowAsync(client.Workspace, "not JSON");

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        JsonElement errors = reply.AssertProblem(HttpStatusCode.UnprocessableEntity)!.Value;
        Assert.True(errors.TryGetProperty("$", out _), reply.Body);
    }

    [Fact]
    public async Task UpdateThenAnalyse_RowTodaysRulesRefuse_IsReplacedAndAnalysed()
    {
        ApiClient client = fixture.Client();
        string id = await WriteRowAsync(client.Workspace, LooserRules);
        Reply stored = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}");

        Reply updated = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{id}", Samples.SupportTriage(), stored.ETag);
        Reply analysis = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(Noon, updated.Json.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, analysis.Status);
    }

    [Fact]
    public async Task DeleteScenario_RowTodaysRulesRefuse_IsDeleted()
    {
        ApiClient client = fixture.Client();
        string id = await WriteRowAsync(client.Workspace, LooserRules);
        Reply stored = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}");

        Reply deleted = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{id}", ifMatch: stored.ETag);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        (await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
