using System.Net;
using System.Xml.Linq;
using FineTune.Charts;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class ChartApiTests(ApiFixture fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static byte[] SampleScaleChart() =>
        ScaleChart.Render(ScaleChartInput.From(Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!)));

    [Fact]
    public async Task RenderChart_Scale_ReturnsTheScaleChartOfTheBody()
    {
        ApiClient client = fixture.Client();

        using HttpResponseMessage response = await client.Http.SendAsync(
            client.Request(HttpMethod.Post, "/api/analyses/charts/scale.svg", Samples.SupportTriage()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SampleScaleChart(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RenderScenarioChart_Scale_IsTheSameImageAsForTheBody()
    {
        ApiClient client = fixture.Client();
        string id = (await client.CreateAsync()).Id;

        using HttpResponseMessage response = await client.Http.SendAsync(client.Request(HttpMethod.Get, $"/api/scenarios/{id}/charts/scale.svg"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] svg = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(SampleScaleChart(), svg);
        Assert.Equal("Cost per request as volume grows", XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg)).Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public async Task RenderScenarioChart_AnotherWorkspacesScenario_Returns404()
    {
        string id = (await fixture.Client().CreateAsync()).Id;

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/charts/scale.svg");

        reply.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("pie")]
    [InlineData("Scale")]
    [InlineData("monitor")]
    public async Task RenderChart_NotAKindOfAScenarioBody_Returns404NamingTheKinds(string kind)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, $"/api/analyses/charts/{kind}.svg", Samples.SupportTriage());

        reply.AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("payback, costs, sensitivity, scale", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payback", "timeline")]
    [InlineData("costs", "timeline")]
    [InlineData("sensitivity", "sensitivity section")]
    public async Task RenderChart_KindWhoseFiguresAreNotComputedYet_Returns501SayingWhich(string kind, string section)
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, $"/api/analyses/charts/{kind}.svg", Samples.SupportTriage());

        reply.AssertProblem(HttpStatusCode.NotImplemented);
        Assert.Contains(section, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderScenarioChart_Monitor_Returns501UntilUsageIsRecorded()
    {
        ApiClient client = fixture.Client();
        string id = (await client.CreateAsync()).Id;

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/charts/monitor.svg");

        reply.AssertProblem(HttpStatusCode.NotImplemented);
    }

    [Fact]
    public async Task RenderChart_InvalidScenario_Returns400WithThePath()
    {
        byte[] body = Samples.SupportTriage(scenario => scenario["approaches"]![1]!["accuracy"] = 0);

        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses/charts/scale.svg", body);

        reply.AssertBadRequestFor("approaches[1].accuracy");
    }

    [Fact]
    public async Task RenderChart_OnKestrel_RoutesTheSvgSuffixAfterTheKind()
    {
        // The route's complex segment {kind}.svg, as a real socket and the routing middleware see it.
        using var http = new HttpClient { BaseAddress = fixture.KestrelAddress };
        using var content = new ByteArrayContent(Samples.SupportTriage());
        content.Headers.ContentType = new("application/json");

        using HttpResponseMessage scale = await http.PostAsync("/api/analyses/charts/scale.svg", content);
        using HttpResponseMessage withoutSuffix = await http.PostAsync("/api/analyses/charts/scale", content);

        Assert.Equal(HttpStatusCode.OK, scale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withoutSuffix.StatusCode);
    }
}
