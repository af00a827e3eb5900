using System.Net;
using System.Xml.Linq;
using static FineTune.Functions.Tests.Monitored;

namespace FineTune.Functions.Tests;

/// <summary>The monitor chart of a stored scenario, over the scenario of <see cref="Monitored"/> (today is 10 November 2026).</summary>
[Collection(MonitorHostCollection.Name)]
public sealed class MonitorChartApiTests(MonitorHostFixture fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static async Task<XElement> ChartAsync(ApiClient client, string id, string query = "")
    {
        using HttpResponseMessage response = await client.Http.SendAsync(client.Request(HttpMethod.Get, $"/api/scenarios/{id}/charts/monitor.svg{query}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    private static IEnumerable<XElement> ByClass(XElement root, string role) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(role) == true);

    [Fact]
    public async Task RenderScenarioChart_MonitorWithUsage_DrawsActualAgainstPlanAndMarksTheAlert()
    {
        // $100 a day planned; 1-5 November spend $90, $110, $100, $100 and $200: the 5th is 100 % over, an over-plan alert.
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);
        await client.SendAsync(HttpMethod.Post, $"/api/scenarios/{id}/usage",
            Batch(Spent(1, 90m), Spent(2, 110m), Spent(3, 100m), Spent(4, 100m), Spent(5, 200m)));

        XElement chart = await ChartAsync(client, id);

        Assert.Equal("Daily spend against plan", chart.Element(Svg + "title")!.Value);
        Assert.Equal("Daily spend against plan from 2026-11-01 to 2026-11-10: 5 of 10 days have usage, $600.00 spent against $500.00 "
            + "planned for those days ($100.00 over plan). 1 alert: alert on 2026-11-05 (over-plan).", chart.Element(Svg + "desc")!.Value);
        Assert.Single(ByClass(chart, "alert-marker"), m => m.Parent?.Parent?.Attribute("class")?.Value != "legend");
        Assert.Equal(10, ByClass(chart, "plan").Single().Attribute("points")!.Value.Split(' ').Length);
        Assert.Empty(ByClass(chart, "no-usage"));
    }

    [Fact]
    public async Task RenderScenarioChart_MonitorWithoutUsage_DrawsThePlanAndSaysNoUsageIsRecorded()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);

        XElement chart = await ChartAsync(client, id, "?from=2026-11-01&to=2026-11-03");

        Assert.Equal("No usage recorded for these days yet", ByClass(chart, "no-usage").Single().Value);
        Assert.Equal("Daily spend against plan from 2026-11-01 to 2026-11-03: no usage is recorded for these days yet, so only the plan "
            + "is drawn, $300.00 in all.", chart.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public async Task RenderScenarioChart_MonitorBadWindow_Is400NamingTheParameter()
    {
        ApiClient client = fixture.Client();
        string id = await CreateAsync(client);

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/charts/monitor.svg?from=2026-10-31");

        reply.AssertBadRequestFor("from");
    }
}
