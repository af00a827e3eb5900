using System.Net;
using System.Text.Json;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary><c>include=</c> on the analyses: the sections of economics.md section 7, only when asked for, named once in Core.</summary>
[Collection(ApiCollection.Name)]
public sealed class AnalysisSectionsTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnalyzeScenario_IncludeEverySection_AddsThemAsCoreComputesThem()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses?include=decision,sensitivity&include=timeline",
            Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Analysis expected = Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!,
            sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline);
        using JsonDocument core = JsonDocument.Parse(AnalysisJson.SerializeToUtf8Bytes(expected));
        foreach (string section in AnalysisSectionNames.All)
        {
            Assert.Equal(core.RootElement.GetProperty(section).GetRawText(), reply.Json.GetProperty(section).GetRawText());
        }
    }

    [Fact]
    public async Task AnalyzeScenario_WithoutInclude_LeavesTheSectionsOut()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.All(AnalysisSectionNames.All, section => Assert.False(reply.Json.TryGetProperty(section, out _), section));
    }

    [Fact]
    public async Task AnalyzeScenario_UnknownSection_Returns400NamingIncludeAndTheName()
    {
        Reply reply = await fixture.Client().SendAsync(HttpMethod.Post, "/api/analyses?include=timeline,charts", Samples.SupportTriage());

        reply.AssertBadRequestFor("include");
        Assert.Contains("'charts'", reply.Json.GetProperty("errors").GetProperty("include")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetScenarioAnalysis_IncludeTimeline_AddsOnlyTheTimeline_WhoseLastMonthIsTheHorizonCost()
    {
        ApiClient client = fixture.Client();
        string id = (await client.SendAsync(HttpMethod.Post, "/api/scenarios", Samples.SupportTriage())).Json.GetProperty("id").GetString()!;

        Reply reply = await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{id}/analysis?include=timeline");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.False(reply.Json.TryGetProperty("decision", out _));
        JsonElement approaches = reply.Json.GetProperty("approaches");
        JsonElement timeline = reply.Json.GetProperty("timeline").GetProperty("approaches");
        for (int i = 0; i < approaches.GetArrayLength(); i++)
        {
            JsonElement cumulative = timeline[i].GetProperty("cumulativeCost");
            Assert.Equal(approaches[i].GetProperty("horizon").GetProperty("totalCost").GetDecimal(),
                cumulative[cumulative.GetArrayLength() - 1].GetDecimal());
        }
    }
}
