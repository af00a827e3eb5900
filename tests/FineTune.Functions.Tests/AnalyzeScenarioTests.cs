using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class AnalyzeScenarioTests(ApiFixture fixture)
{
    [Fact]
    public async Task Run_SampleScenario_Returns200WithThreeApproachesAndRecommendation()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentHeaders.ContentType?.MediaType);
        JsonElement analysis = reply.Json;
        Assert.Equal(3, analysis.GetProperty("approaches").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, analysis.GetProperty("recommendation").ValueKind);
        Assert.Equal("prompt", analysis.GetProperty("baselineId").GetString());
    }

    [Fact]
    public async Task Run_AccuracyOutOfRange_Returns400WithItsPath()
    {
        byte[] body = Samples.SupportTriage(scenario => scenario["approaches"]![0]!["accuracy"] = 5);

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", body);

        reply.AssertBadRequestFor("approaches[0].accuracy");
    }

    [Fact]
    public async Task Run_SeveralInvalidValues_ReportsThemAllAtOnce()
    {
        byte[] body = Samples.SupportTriage(scenario =>
        {
            scenario["approaches"]![0]!["accuracy"] = 5;
            scenario["workload"]!["requestsPerMonth"] = -1;
        });

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", body);

        reply.AssertBadRequestFor("approaches[0].accuracy");
        reply.AssertBadRequestFor("workload.requestsPerMonth");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"name\": \"\u0000\"}")]
    [InlineData("{\"workload\": {\"requestsPerMonth\": 1e400}}")]
    [InlineData("{\"name\": 1, \"name\": 2}")]
    public async Task Run_MalformedBody_Returns400Problem(string body)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", Encoding.UTF8.GetBytes(body));

        Assert.NotNull(reply.AssertProblem(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Run_DeeplyNestedBody_Returns400Problem()
    {
        string body = "{\"name\": " + new string('[', 5000) + new string(']', 5000) + "}";

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", Encoding.UTF8.GetBytes(body));

        Assert.NotNull(reply.AssertProblem(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Run_InvalidUtf8_Returns400Problem()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]);

        reply.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("not a media type")]
    public async Task Run_NotJsonContentType_Returns415(string contentType)
    {
        ApiClient client = fixture.Client();

        Reply reply = await client.SendAsync(client.Request(HttpMethod.Post, "/api/analyses", Samples.SupportTriage(), contentType));

        reply.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Run_NoContentType_Returns415()
    {
        ApiClient client = fixture.Client();
        HttpRequestMessage request = client.Request(HttpMethod.Post, "/api/analyses");
        request.Content = new ByteArrayContent(Samples.SupportTriage());

        Reply reply = await client.SendAsync(request);

        reply.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/JSON;charset=UTF-8")]
    [InlineData("application/scenario+json")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    public async Task Run_JsonContentTypeVariants_Returns200(string contentType)
    {
        ApiClient client = fixture.Client();

        Reply reply = await client.SendAsync(client.Request(HttpMethod.Post, "/api/analyses", Samples.SupportTriage(), contentType));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Run_BodyOver256KiBWithContentLength_Returns413()
    {
        byte[] body = Samples.Padded(256 * 1024 + 1);

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", body);

        reply.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Run_BodyExactly256KiB_IsReadAndAnalysed()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", Samples.Padded(256 * 1024));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }
}
