using System.Net;
using System.Text;
using System.Text.Json;
using FineTune.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>Subscribe and Unsubscribe over HTTP, with the app's default settings (no loopback webhooks).</summary>
[Collection(ApiCollection.Name)]
public sealed class SubscriptionApiTests(ApiFixture fixture)
{
    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private Task<Reply> SubscribeAsync(ApiClient client, string json) =>
        client.SendAsync(HttpMethod.Post, "/api/subscriptions", Body(json));

    [Fact]
    public async Task Subscribe_PublicHttpsUrl_Returns201WithSecretDefaultsAndAbsoluteLocation()
    {
        ApiClient client = fixture.Client();

        Reply reply = await SubscribeAsync(client, """{"notificationUrl": "https://198.51.100.7/workflows/run?sig=abc"}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        JsonElement body = reply.Json;
        Assert.Matches("^[0-9a-f]{32}$", reply.Id);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", body.GetProperty("secret").GetString());
        Assert.Equal("https://198.51.100.7/workflows/run?sig=abc", body.GetProperty("notificationUrl").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("scenarioId").ValueKind);
        Assert.Equal("warning", body.GetProperty("minimumSeverity").GetString());
        Uri location = reply.Headers.Location!;
        Assert.True(location.IsAbsoluteUri, location.OriginalString);
        Assert.Equal($"/api/subscriptions/{reply.Id}", location.AbsolutePath);
    }

    [Fact]
    public async Task Subscribe_InAzure_LocationNamesTheFunctionAppsOwnHost()
    {
        await using var azure = FineTune.Testing.Host.LocalHostFactory.Over(fixture.Azurite.ConnectionString,
            new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = "func-abc.azurewebsites.net" });
        var client = new ApiClient(azure.CreateClient(), "ws-" + Guid.NewGuid().ToString("N")[..16]);

        Reply reply = await SubscribeAsync(client, """{"notificationUrl": "https://198.51.100.7/hook"}""");

        Assert.Equal($"https://func-abc.azurewebsites.net/api/subscriptions/{reply.Id}", reply.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Subscribe_ScenarioAndSeverity_AreStoredInTheCallersWorkspaceOnly()
    {
        ApiClient client = fixture.Client();
        Reply scenario = await client.CreateAsync();

        Reply reply = await SubscribeAsync(client,
            $$"""{"notificationUrl": "https://198.51.100.7/hook", "scenarioId": "{{scenario.Id}}", "minimumSeverity": "alert"}""");
        SubscriptionStore store = fixture.Factory.Services.GetRequiredService<SubscriptionStore>();
        AlertSubscription stored = Assert.Single(await store.ListAsync(client.Workspace));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(reply.Id, stored.Id);
        Assert.Equal(scenario.Id, stored.ScenarioId);
        Assert.Equal(Core.AlertSeverity.Alert, stored.MinimumSeverity);
        Assert.Equal(reply.Json.GetProperty("secret").GetString(), stored.Secret);
        Assert.Empty(await store.ListAsync(fixture.Client().Workspace));
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.100.100.200/latest/meta-data/")]
    [InlineData("https://168.63.129.16/machine")]
    [InlineData("https://127.0.0.1:8443/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://localhost./hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f.0.0.1/hook")]
    [InlineData("https://0177.0.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::]/hook")]
    [InlineData("http://127.0.0.1:7071/hook")]
    [InlineData("http://198.51.100.7/hook")]
    [InlineData("ftp://198.51.100.7/hook")]
    [InlineData("https://user:secret@198.51.100.7/hook")]
    [InlineData("/relative/hook")]
    public async Task Subscribe_RefusedNotificationUrl_Returns400NamingNotificationUrlAndStoresNothing(string url)
    {
        ApiClient client = fixture.Client();

        Reply reply = await SubscribeAsync(client, $$"""{"notificationUrl": "{{url}}"}""");

        reply.AssertBadRequestFor("notificationUrl");
        Assert.Empty(await fixture.Factory.Services.GetRequiredService<SubscriptionStore>().ListAsync(client.Workspace));
    }

    [Fact]
    public async Task Subscribe_EveryProblem_IsReportedAtOnceByPath()
    {
        Reply reply = await SubscribeAsync(fixture.Client(),
            """{"notificationUrl": "https://10.0.0.1/x", "scenarioId": 5, "minimumSeverity": "loud", "events": []}""");

        JsonElement errors = reply.AssertProblem(HttpStatusCode.BadRequest)!.Value;
        Assert.Equal(["events", "minimumSeverity", "notificationUrl", "scenarioId"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Contains("10.0.0.1", errors.GetProperty("notificationUrl")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "notificationUrl")]
    [InlineData("""{"notificationUrl": null}""", "notificationUrl")]
    [InlineData("""{"notificationUrl": 42}""", "notificationUrl")]
    [InlineData("""{"notificationUrl": "https://198.51.100.7/a", "notificationUrl": "https://198.51.100.7/b"}""", "notificationUrl")]
    [InlineData("""{"notificationUrl": "https://198.51.100.7/a", "scenarioId": "0190f5c2a1b27c3d8e9f00112233aabb"}""", "scenarioId")]
    [InlineData("[]", "$")]
    [InlineData("{", "$")]
    public async Task Subscribe_MalformedBody_Returns400NamingThePath(string json, string path)
    {
        Reply reply = await SubscribeAsync(fixture.Client(), json);

        reply.AssertBadRequestFor(path);
    }

    [Fact]
    public async Task Subscribe_NotJson_Returns415()
    {
        ApiClient client = fixture.Client();
        HttpRequestMessage request = client.Request(HttpMethod.Post, "/api/subscriptions",
            Body("""{"notificationUrl": "https://198.51.100.7/a"}"""), "text/plain");

        Reply reply = await client.SendAsync(request);

        reply.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unsubscribe_ByIdAloneWithoutWorkspace_Returns204AndAgain204()
    {
        ApiClient client = fixture.Client();
        Reply created = await SubscribeAsync(client, """{"notificationUrl": "https://198.51.100.7/hook"}""");
        using HttpClient anonymous = fixture.Factory.CreateClient();

        using HttpResponseMessage first = await anonymous.DeleteAsync(created.Headers.Location!.AbsolutePath);
        using HttpResponseMessage second = await anonymous.DeleteAsync(created.Headers.Location!.AbsolutePath);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Empty(await fixture.Factory.Services.GetRequiredService<SubscriptionStore>().ListAsync(client.Workspace));
    }

    [Theory]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb")]
    [InlineData("not-an-id")]
    public async Task Unsubscribe_UnknownOrMalformedId_Returns204(string id)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Delete, $"/api/subscriptions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
    }
}
