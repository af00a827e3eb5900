using System.Net;
using System.Text;
using System.Text.Json;
using FineTune.Functions.Http;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class ScenarioCrudTests(ApiFixture fixture)
{
    [Fact]
    public async Task CreateScenario_ValidScenario_Returns201WithLocationAndETagMatchingBody()
    {
        ApiClient client = fixture.Client();

        Reply created = await client.CreateAsync();

        JsonElement body = created.Json;
        Assert.Matches("^[0-9a-f]{32}$", created.Id);
        Assert.Equal(client.Workspace, body.GetProperty("workspace").GetString());
        Assert.Equal(created.ETag, body.GetProperty("etag").GetString());
        Assert.Equal($"/api/scenarios/{created.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(body.GetProperty("createdAt").GetDateTimeOffset(), body.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal("Support ticket triage", body.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateScenario_InvalidScenario_Returns400WithPathAndStoresNothing()
    {
        ApiClient client = fixture.Client();
        byte[] body = Samples.SupportTriage(scenario => scenario["approaches"]![1]!["accuracy"] = 0);

        Reply reply = await client.SendAsync(HttpMethod.Post, "/api/scenarios", body);
        Reply list = await client.SendAsync(HttpMethod.Get, "/api/scenarios");

        reply.AssertBadRequestFor("approaches[1].accuracy");
        Assert.Equal(0, list.Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task GetScenario_AfterCreate_EchoesDecimalsExactly()
    {
        ApiClient client = fixture.Client();
        string json = Encoding.UTF8.GetString(Samples.SupportTriage())
            .Replace("\"accuracy\": 0.86", "\"accuracy\": 0.1234567890123456789", StringComparison.Ordinal)
            .Replace("\"fixedMonthlyCost\": 250", "\"fixedMonthlyCost\": 1e9", StringComparison.Ordinal);
        Reply created = await client.CreateAsync(Encoding.UTF8.GetBytes(json));

        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(created.ETag, read.Json.GetProperty("etag").GetString());
        JsonElement approaches = read.Json.GetProperty("scenario").GetProperty("approaches");
        Assert.Equal("0.1234567890123456789", approaches[0].GetProperty("accuracy").GetRawText());
        Assert.Equal(1_000_000_000m, approaches[1].GetProperty("fixedMonthlyCost").GetDecimal());
    }

    [Theory]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb")]
    [InlineData("not-an-id")]
    [InlineData("%2E%2E")]
    [InlineData("0190F5C2A1B27C3D8E9F00112233AABB")]
    public async Task GetScenario_UnknownOrMalformedId_Returns404(string id)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, $"/api/scenarios/{id}");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ScenarioById_IdWithTrailingNewline_Returns404Problem(string method)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(
            new HttpMethod(method), $"/api/scenarios/{created.Id}%0A", method == "PUT" ? Samples.SupportTriage() : null);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        reply.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(created.ETag, read.ETag);
    }

    [Theory]
    [InlineData("POST", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("PUT", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("POST", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("PUT", HttpStatusCode.UnsupportedMediaType)]
    public async Task ScenarioWrite_BodyOver256KiBOrNotJson_IsRefusedAndStoresNothing(string method, HttpStatusCode refusal)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        string path = method == "POST" ? "/api/scenarios" : $"/api/scenarios/{created.Id}";
        HttpRequestMessage request = refusal == HttpStatusCode.RequestEntityTooLarge
            ? client.Request(new HttpMethod(method), path, Samples.Padded(ApiRequest.MaxBodyBytes + 1))
            : client.Request(new HttpMethod(method), path, Samples.SupportTriage(), "text/plain");

        Reply reply = await client.SendAsync(request);
        Reply list = await client.SendAsync(HttpMethod.Get, "/api/scenarios");

        reply.AssertProblem(refusal);
        Assert.Equal(1, list.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(created.ETag, list.Json.GetProperty("items")[0].GetProperty("etag").GetString());
    }

    [Fact]
    public async Task UpdateScenario_CurrentIfMatch_Returns200WithNewETag()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        byte[] renamed = Samples.SupportTriage(scenario => scenario["name"] = "Renamed");

        Reply updated = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", renamed, created.ETag);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal(updated.ETag, updated.Json.GetProperty("etag").GetString());
        Assert.Equal("Renamed", read.Json.GetProperty("scenario").GetProperty("name").GetString());
        Assert.Equal(created.Json.GetProperty("createdAt").GetDateTimeOffset(), read.Json.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task UpdateScenario_WithoutIfMatch_ReplacesUnconditionally()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply updated = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
    }

    [Fact]
    public async Task UpdateScenario_StaleIfMatch_Returns412AndKeepsCurrentVersion()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        Reply first = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), created.ETag);

        Reply stale = await client.SendAsync(
            HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(s => s["name"] = "Lost"), created.ETag);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        stale.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal("Support ticket triage", read.Json.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("\"never-issued\"")]
    [InlineData("W/\"weak\"")]
    public async Task UpdateScenario_ForeignETag_Returns412(string ifMatch)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), ifMatch);

        reply.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("unquoted")]
    [InlineData("\"a\", unquoted")]
    [InlineData("*, \"a\"")]
    [InlineData("\"a\\\"b\"")]
    public async Task UpdateScenario_MalformedIfMatch_Returns400(string ifMatch)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), ifMatch);

        reply.AssertBadRequestFor("If-Match");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"never-issued\", W/\"weak\", {etag}")]
    public async Task UpdateScenario_IfMatchStarOrListNamingTheCurrentETag_Returns200(string ifMatch)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        byte[] renamed = Samples.SupportTriage(scenario => scenario["name"] = "Renamed");

        Reply updated = await client.SendAsync(
            HttpMethod.Put, $"/api/scenarios/{created.Id}", renamed, ifMatch.Replace("{etag}", created.ETag, StringComparison.Ordinal));
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal("Renamed", read.Json.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Fact]
    public async Task UpdateScenario_IfMatchListWithoutTheCurrentETag_Returns412()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(
            HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), "\"never-issued\", \"other\"");

        reply.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task UpdateScenario_IfMatchStarUnknownId_Returns404()
    {
        Reply reply = await fixture.Client().SendAsync(
            HttpMethod.Put, "/api/scenarios/0190f5c2a1b27c3d8e9f00112233aabb", Samples.SupportTriage(), "*");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateScenario_UnknownId_Returns404()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Put, "/api/scenarios/0190f5c2a1b27c3d8e9f00112233aabb", Samples.SupportTriage());

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateScenario_InvalidBody_Returns400WithPath()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(
            HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(s => s["approaches"]![2]!["accuracy"] = -1), created.ETag);

        reply.AssertBadRequestFor("approaches[2].accuracy");
    }

    [Fact]
    public async Task UpdateScenario_TwentyConcurrentPutsWithSameIfMatch_ExactlyOneWins()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync(
            HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(s => s["name"] = $"Writer {i}"), created.ETag)));
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        Reply winner = Assert.Single(replies, reply => reply.Status == HttpStatusCode.OK);
        Assert.Equal(19, replies.Count(reply => reply.Status == HttpStatusCode.PreconditionFailed));
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(winner.Json.GetProperty("scenario").GetProperty("name").GetString(),
            read.Json.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeleteScenario_Existing_Returns204ThenGone()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply deleted = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}", ifMatch: created.ETag);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");
        Reply again = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);
        read.AssertProblem(HttpStatusCode.NotFound);
        again.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("\"other\", {etag}")]
    public async Task DeleteScenario_NoIfMatchStarOrListNamingTheCurrentETag_Returns204ThenGone(string? ifMatch)
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        Reply updated = await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), created.ETag);
        string? condition = ifMatch?.Replace("{etag}", updated.ETag, StringComparison.Ordinal);

        Reply deleted = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}", ifMatch: condition);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");
        Reply again = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}", ifMatch: condition);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        read.AssertProblem(HttpStatusCode.NotFound);
        again.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteScenario_StaleIfMatch_Returns412AndKeepsScenario()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();
        await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), created.ETag);

        Reply deleted = await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}", ifMatch: created.ETag);
        Reply read = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}");

        deleted.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task GetScenarioAnalysis_StoredScenario_Returns200Analysis()
    {
        ApiClient client = fixture.Client();
        Reply created = await client.CreateAsync();

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}/analysis");
        Reply direct = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(3, reply.Json.GetProperty("approaches").GetArrayLength());
        Assert.Equal(direct.Body, reply.Body);
    }

    [Fact]
    public async Task GetScenarioAnalysis_UnknownId_Returns404()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, "/api/scenarios/0190f5c2a1b27c3d8e9f00112233aabb/analysis");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_StorageUp_Returns200()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("healthy", reply.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, "/api/nothing-here");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KnownRouteWrongMethod_Returns405Problem()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Patch, "/api/scenarios");

        reply.AssertProblem(HttpStatusCode.MethodNotAllowed);
    }
}
