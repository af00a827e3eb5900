using System.Net;
using FineTune.Functions.Http;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class WebAppTests(ApiFixture fixture)
{
    [Fact]
    public async Task Run_WithoutTrailingSlash_RedirectsToThePage()
    {
        using HttpClient http = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using HttpResponseMessage response = await http.GetAsync("/api/app?x=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/api/app/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Run_Page_IsHtmlWithAPolicyThatAllowsOnlyItself()
    {
        using HttpClient http = fixture.Factory.CreateClient();

        using HttpResponseMessage response = await http.GetAsync("/api/app/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        string policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(WebAssets.ContentSecurityPolicy, policy);
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EveryFile_HasItsMediaType()
    {
        using HttpClient http = fixture.Factory.CreateClient();
        Assert.Contains("index.html", WebAssets.All.Keys);
        Assert.Contains(WebAssets.All.Keys, path => path.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(WebAssets.All.Keys, path => path.EndsWith(".css", StringComparison.Ordinal));

        foreach ((string path, WebAsset asset) in WebAssets.All)
        {
            using HttpResponseMessage response = await http.GetAsync($"/api/app/{path}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(System.Net.Http.Headers.MediaTypeHeaderValue.Parse(asset.ContentType), response.Content.Headers.ContentType);
            Assert.Equal(asset.Content, await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal("text/javascript; charset=utf-8", WebAssets.All.First(a => a.Key.EndsWith(".js", StringComparison.Ordinal)).Value.ContentType);
        Assert.Equal("text/css; charset=utf-8", WebAssets.All.First(a => a.Key.EndsWith(".css", StringComparison.Ordinal)).Value.ContentType);
    }

    [Fact]
    public async Task Run_CurrentETag_Returns304WithoutABody()
    {
        using HttpClient http = fixture.Factory.CreateClient();
        using HttpResponseMessage first = await http.GetAsync("/api/app/");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/app/");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());

        using HttpResponseMessage response = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/app/nope.html")]
    [InlineData("/api/app/../host.json")]
    [InlineData("/api/app/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/api/app/FineTune.Functions.dll")]
    public async Task Run_AnyOtherPath_Returns404Problem(string path)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, path);

        reply.AssertProblem(HttpStatusCode.NotFound);
    }
}
