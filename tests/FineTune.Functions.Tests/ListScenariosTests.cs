using System.Net;
using System.Text;
using System.Text.Json;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class ListScenariosTests(ApiFixture fixture)
{
    [Fact]
    public async Task ListScenarios_25ScenariosPageSize10_ThreePagesEveryIdOnce()
    {
        ApiClient client = fixture.Client();
        var created = new List<string>();
        for (int i = 0; i < 25; i++)
        {
            created.Add((await client.CreateAsync()).Id);
        }

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            string path = token is null ? "/api/scenarios?pageSize=10" : $"/api/scenarios?pageSize=10&continuationToken={Uri.EscapeDataString(token)}";
            Reply page = await client.SendAsync(HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            JsonElement items = page.Json.GetProperty("items");
            pageSizes.Add(items.GetArrayLength());
            seen.AddRange(items.EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            token = page.Json.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal([10, 10, 5], pageSizes);
        Assert.Equal(created.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ListScenarios_NoPageSize_DefaultsTo20AndWritesNullTokenOnLastPage()
    {
        ApiClient client = fixture.Client();
        for (int i = 0; i < 21; i++)
        {
            await client.CreateAsync();
        }

        Reply first = await client.SendAsync(HttpMethod.Get, "/api/scenarios");
        string token = first.Json.GetProperty("continuationToken").GetString()!;
        Reply last = await client.SendAsync(HttpMethod.Get, $"/api/scenarios?continuationToken={Uri.EscapeDataString(token)}");

        Assert.Equal(20, first.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(1, last.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.Json.GetProperty("continuationToken").ValueKind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task ListScenarios_PageSizeOutOfRange_Returns400(string pageSize)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, $"/api/scenarios?pageSize={Uri.EscapeDataString(pageSize)}");

        reply.AssertBadRequestFor("pageSize");
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("bm90IGEgdG9rZW4")]
    [InlineData("%FF%FE")]
    public async Task ListScenarios_MalformedContinuationToken_Returns400(string token)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, $"/api/scenarios?continuationToken={token}");

        reply.AssertBadRequestFor("continuationToken");
    }

    [Fact]
    public async Task ListScenarios_TokenOfAnotherWorkspace_Returns400()
    {
        ApiClient alice = fixture.Client();
        ApiClient bob = fixture.Client();
        await alice.CreateAsync();
        await alice.CreateAsync();
        await bob.CreateAsync();
        await bob.CreateAsync();
        Reply alicePage = await alice.SendAsync(HttpMethod.Get, "/api/scenarios?pageSize=1");
        string token = alicePage.Json.GetProperty("continuationToken").GetString()!;

        Reply reply = await bob.SendAsync(HttpMethod.Get, $"/api/scenarios?pageSize=1&continuationToken={Uri.EscapeDataString(token)}");
        Reply aliceNext = await alice.SendAsync(HttpMethod.Get, $"/api/scenarios?pageSize=1&continuationToken={Uri.EscapeDataString(token)}");

        reply.AssertBadRequestFor("continuationToken");
        Assert.Equal(HttpStatusCode.OK, aliceNext.Status);
    }

    [Fact]
    public async Task ListScenarios_BadPageSizeAndToken_ReportsBothAtOnce()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, "/api/scenarios?pageSize=0&continuationToken=x");

        reply.AssertBadRequestFor("pageSize");
        reply.AssertBadRequestFor("continuationToken");
    }

    [Fact]
    public async Task ListScenarios_WellFormedTokenWithBogusPosition_Returns400OrEmptyPage()
    {
        ApiClient client = fixture.Client();
        await client.CreateAsync();
        string token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Workspace}\nbogus position"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios?continuationToken={token}");

        Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, reply.Body);
        if (reply.Status == HttpStatusCode.BadRequest)
        {
            reply.AssertBadRequestFor("continuationToken");
        }
    }
}
