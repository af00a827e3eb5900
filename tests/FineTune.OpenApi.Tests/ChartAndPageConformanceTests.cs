using System.Net;
using System.Text.Json;
using FineTune.Testing;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// Real responses of the chart and page operations against the document: each status is documented for its operation,
/// each media type is one the operation produces, and each refusal is a problem.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ChartAndPageConformanceTests(ApiFixture fixture)
{
    private readonly string workspace = "ws-" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task ChartOperations_AnswerAsDocumented()
    {
        await Exchange("post", "/analyses/charts/{kind}.svg", "/api/analyses/charts/scale.svg", HttpStatusCode.OK, Samples.SupportTriage());
        await Exchange("post", "/analyses/charts/{kind}.svg", "/api/analyses/charts/payback.svg", HttpStatusCode.OK, Samples.SupportTriage());
        await Exchange("post", "/analyses/charts/{kind}.svg", "/api/analyses/charts/pie.svg", HttpStatusCode.NotFound, Samples.SupportTriage());
        await Exchange("post", "/analyses/charts/{kind}.svg", "/api/analyses/charts/scale.svg", HttpStatusCode.BadRequest, "{}"u8.ToArray());

        using HttpClient client = fixture.Factory.CreateClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios") { Content = new ByteArrayContent(Samples.SupportTriage()) };
        create.Headers.Add("X-Workspace-Id", workspace);
        create.Content.Headers.ContentType = new("application/json");
        using HttpResponseMessage created = await client.SendAsync(create);
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        await Exchange("get", "/scenarios/{id}/charts/{kind}.svg", $"/api/scenarios/{id}/charts/scale.svg", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}/charts/{kind}.svg", $"/api/scenarios/{id}/charts/monitor.svg", HttpStatusCode.OK);
        await Exchange("get", "/scenarios/{id}/charts/{kind}.svg", $"/api/scenarios/{id}/charts/monitor.svg?from=1999-01-01", HttpStatusCode.BadRequest);
        await Exchange("get", "/scenarios/{id}/charts/{kind}.svg", "/api/scenarios/nope/charts/scale.svg", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PageOperation_AnswersAsDocumented()
    {
        await Exchange("get", "/app/{path}", "/api/app/", HttpStatusCode.OK);
        await Exchange("get", "/app/{path}", "/api/app/index.html", HttpStatusCode.OK);
        await Exchange("get", "/app/{path}", "/api/app", HttpStatusCode.MovedPermanently);
        await Exchange("get", "/app/{path}", "/api/app/nope.js", HttpStatusCode.NotFound);
    }

    [Fact]
    public void ChartKinds_AreTheRoutesKindsAsAnEnum()
    {
        JsonElement post = fixture.Document.GetProperty("paths").GetProperty("/analyses/charts/{kind}.svg").GetProperty("post");
        JsonElement get = fixture.Document.GetProperty("paths").GetProperty("/scenarios/{id}/charts/{kind}.svg").GetProperty("get");

        Assert.Equal(["payback", "costs", "sensitivity", "scale"], KindEnum(post));
        Assert.Equal(["payback", "costs", "sensitivity", "scale", "monitor"], KindEnum(get));
        Assert.Equal("binary", post.GetProperty("responses").GetProperty("200").GetProperty("schema").GetProperty("format").GetString());
    }

    private static IEnumerable<string> KindEnum(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kind")
            .GetProperty("enum").EnumerateArray().Select(value => value.GetString()!);

    private async Task Exchange(string method, string template, string url, HttpStatusCode expected, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        request.Headers.Add("X-Workspace-Id", workspace);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new("application/json");
        }
        using HttpClient client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");

        JsonElement operation = fixture.Document.GetProperty("paths").GetProperty(template).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(((int)expected).ToString(), out JsonElement documented),
            $"{method} {template} answered {(int)expected}, which the document does not list.");
        if (!documented.TryGetProperty("schema", out _))
        {
            return;
        }
        string mediaType = response.Content.Headers.ContentType!.MediaType!;
        Assert.Contains(mediaType, operation.GetProperty("produces").EnumerateArray().Select(p => p.GetString()));
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", mediaType);
            IReadOnlyList<string> problems = new SchemaCheck(fixture.Document.GetProperty("definitions"))
                .Problems(JsonDocument.Parse(text).RootElement, documented.GetProperty("schema"));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
