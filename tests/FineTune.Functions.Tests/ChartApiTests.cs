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

    public static TheoryData<string> AnalysisKinds => new() { "payback", "costs", "sensitivity", "scale" };

    [Theory]
    [MemberData(nameof(AnalysisKinds))]
    public async Task RenderChart_EveryKindOfAnalysis_IsTheChartOfTheBodysAnalysis(string kind)
    {
        ChartKind chart = EnumText.TryParse(kind, out ChartKind parsed) ? parsed : throw new ArgumentOutOfRangeException(nameof(kind));
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage()).Scenario!;
        byte[] expected = AnalysisCharts.Draw(chart, scenario, Analyzer.Analyze(scenario, sections: AnalysisCharts.SectionsOf(chart)));
        ApiClient client = fixture.Client();

        using HttpResponseMessage response = await client.Http.SendAsync(
            client.Request(HttpMethod.Post, $"/api/analyses/charts/{kind}.svg", Samples.SupportTriage()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(AnalysisKinds))]
    public async Task RenderScenarioChart_EveryKindOfAnalysis_IsTheSameImageAsForTheBody(string kind)
    {
        ApiClient client = fixture.Client();
        string id = (await client.CreateAsync()).Id;
        using HttpResponseMessage body = await client.Http.SendAsync(
            client.Request(HttpMethod.Post, $"/api/analyses/charts/{kind}.svg", Samples.SupportTriage()));

        using HttpResponseMessage stored = await client.Http.SendAsync(client.Request(HttpMethod.Get, $"/api/scenarios/{id}/charts/{kind}.svg"));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(await body.Content.ReadAsByteArrayAsync(), await stored.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RenderChart_Payback_StatesTheQualityAdjustedPaybackInWords()
    {
        Analysis analysis = Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!);
        decimal months = analysis.BreakEven.Single(b => b.ApproachId == "fine-tune").QualityAdjusted.PaybackMonths!.Value;
        ApiClient client = fixture.Client();

        using HttpResponseMessage response = await client.Http.SendAsync(
            client.Request(HttpMethod.Post, "/api/analyses/charts/payback.svg", Samples.SupportTriage()));

        XElement root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("Payback against prompt", root.Element(Svg + "title")!.Value);
        Assert.Contains($"fine-tune pays back in month {Math.Round(months, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)};",
            root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("counting inference, fixed, training, review and error costs", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
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
