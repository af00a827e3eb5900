using System.Text.RegularExpressions;
using FineTune.Core;
using FineTune.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// The document is only done when a standard generator makes a working client of it: NSwag's C# client, compiled with
/// Roslyn, talks to the local host over a real Azurite, and our own scenario and analysis round-trip through its types.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class GeneratedClientTests(ApiFixture fixture)
{
    private readonly string workspace = "ws-" + Guid.NewGuid().ToString("N")[..16];
    private static readonly string SampleText = File.ReadAllText(RepositoryRoot.Combine("samples", "support-triage.json"));

    [Fact]
    public async Task CreateScenario_Sample_StoresItAndReadsItBackUnchanged()
    {
        (GeneratedClient generated, dynamic client) = await ClientAsync();
        dynamic scenario = Sample(generated);

        dynamic stored = await client.CreateScenarioAsync(x_Workspace_Id: workspace, scenario: scenario);
        dynamic fetched = await client.GetScenarioAsync(x_Workspace_Id: workspace, id: (string)stored.Id);

        Assert.Matches(ScenarioId(), (string)stored.Id);
        Assert.Equal(workspace, (string)stored.Workspace);
        Assert.Equal((string)stored.Etag, (string)fetched.Etag);
        Assert.True(JToken.DeepEquals(JToken.FromObject(scenario), JToken.FromObject(stored.Scenario)), Json(stored.Scenario));
        Assert.True(JToken.DeepEquals(JToken.FromObject(scenario), JToken.FromObject(fetched.Scenario)), Json(fetched.Scenario));
        Assert.Equal(0.00001m, (decimal)fetched.Scenario.Optimizations.CacheLookupCost);
        Assert.Equal(0.05m, (decimal)fetched.Scenario.Workload.MonthlyGrowthRate);
        Assert.Equal(2_000_000m, (decimal)fetched.Scenario.Workload.RequestsPerMonth);
        Assert.Equal([0.86m, 0.9m, 0.92m], ((IEnumerable<dynamic>)fetched.Scenario.Approaches).Select(a => (decimal)a.Accuracy));
    }

    [Fact]
    public async Task GetScenarioAnalysis_Sample_IsTheCoreAnalysisFieldForField()
    {
        (GeneratedClient generated, dynamic client) = await ClientAsync();
        dynamic stored = await client.CreateScenarioAsync(x_Workspace_Id: workspace, scenario: Sample(generated));
        Analysis expected = Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!);

        dynamic analysis = await client.GetScenarioAnalysisAsync(x_Workspace_Id: workspace, id: (string)stored.Id, include: (string?)null);

        Assert.Equal(expected.Recommendation.ApproachId, (string)analysis.Recommendation.ApproachId);
        Assert.Equal(3, (int)analysis.Approaches.Count);
        Assert.Equal("prompt", (string)analysis.BaselineId);
        Assert.Equal(RoundedDecimalConverter.Round(expected.TotalRequests), (decimal)analysis.TotalRequests);
        Assert.Equal(
            expected.Approaches.Select(a => RoundedDecimalConverter.Round(a.PerRequest.FullyLoadedCost)),
            ((IEnumerable<dynamic>)analysis.Approaches).Select(a => (decimal)a.PerRequest.FullyLoadedCost));
        // Everything else too: the generated model holds every field the app writes, with the same values; the reference
        // versions are the app's own (other tests of the collection write bands).
        Assert.InRange((long)analysis.Reference.BenchmarkVersion, 1L, long.MaxValue);
        expected = expected with { Reference = new((long)analysis.Reference.BenchmarkVersion, (long)analysis.Reference.PriceVersion) };
        JToken written = Parse(System.Text.Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(expected)));
        Assert.True(JToken.DeepEquals(written, Parse(Json(analysis))), Json(analysis));
    }

    [Fact]
    public async Task AnalyzeScenario_Sample_ReturnsTheRecommendation()
    {
        (GeneratedClient generated, dynamic client) = await ClientAsync();
        Analysis expected = Analyzer.Analyze(ScenarioJson.Parse(Samples.SupportTriage()).Scenario!);

        dynamic analysis = await client.AnalyzeScenarioAsync(x_Workspace_Id: workspace, include: "timeline", scenario: Sample(generated));

        Assert.Equal(expected.Recommendation.ApproachId, (string)analysis.Recommendation.ApproachId);
        Assert.Equal(expected.BreakEven.Count, (int)analysis.BreakEven.Count);
        // The section asked for reads into the generated model: one month-end per month of the horizon.
        Assert.Equal(expected.HorizonMonths, (int)analysis.Timeline.Approaches[0].CumulativeCost.Count);
    }

    [Fact]
    public async Task AnalyzeScenario_AccuracyOutOfRange_Throws400WithTheValidationProblem()
    {
        (GeneratedClient generated, dynamic client) = await ClientAsync();
        dynamic scenario = Sample(generated);
        foreach (dynamic approach in scenario.Approaches)
        {
            approach.Accuracy = 5m;
            break;
        }

        dynamic refusal = await ThrowsApiExceptionAsync(() => client.AnalyzeScenarioAsync(x_Workspace_Id: workspace, include: (string?)null, scenario: scenario));

        Assert.Equal(400, (int)refusal.StatusCode);
        Assert.Equal(400, (int)refusal.Result.Status);
        Assert.Equal("Bad Request", (string)refusal.Result.Title);
        Assert.True((bool)refusal.Result.Errors.ContainsKey("approaches[0].accuracy"), (string)refusal.Response);
    }

    [Fact]
    public async Task UpdateAndDelete_HonourIfMatch_AndAnUnknownIdIsAProblem()
    {
        (GeneratedClient generated, dynamic client) = await ClientAsync();
        dynamic stored = await client.CreateScenarioAsync(x_Workspace_Id: workspace, scenario: Sample(generated));
        string id = stored.Id;
        dynamic changed = Sample(generated);
        changed.Name = "Support ticket triage, second look";

        dynamic updated = await client.UpdateScenarioAsync(x_Workspace_Id: workspace, id: id, if_Match: (string)stored.Etag, scenario: changed);
        dynamic stale = await ThrowsApiExceptionAsync(
            () => client.DeleteScenarioAsync(x_Workspace_Id: workspace, id: id, if_Match: (string)stored.Etag));
        dynamic page = await client.ListScenariosAsync(x_Workspace_Id: workspace, pageSize: 100, continuationToken: null);
        await client.DeleteScenarioAsync(x_Workspace_Id: workspace, id: id, if_Match: (string)updated.Etag);
        dynamic gone = await ThrowsApiExceptionAsync(() => client.GetScenarioAsync(x_Workspace_Id: workspace, id: id));

        Assert.Equal("Support ticket triage, second look", (string)updated.Scenario.Name);
        Assert.Equal(412, (int)stale.StatusCode);
        Assert.Equal(1, (int)page.Items.Count);
        Assert.Null((string?)page.ContinuationToken);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Equal(404, (int)gone.Result.Status);
    }

    /// <summary>The generated client, aimed at the in-process local host under the document's basePath.</summary>
    private async Task<(GeneratedClient Generated, dynamic Client)> ClientAsync()
    {
        GeneratedClient generated = await fixture.GeneratedClientAsync();
        HttpClient http = fixture.Factory.CreateClient();
        dynamic client = Activator.CreateInstance(generated.Type(GeneratedClient.ClientName), http)!;
        // Keep the document's basePath (/api); only the host differs from the deployed app's.
        client.BaseUrl = new Uri(http.BaseAddress!, new Uri((string)client.BaseUrl).AbsolutePath).ToString();
        return (generated, client);
    }

    /// <summary>samples/support-triage.json read into the generated Scenario type.</summary>
    private static dynamic Sample(GeneratedClient generated) =>
        JsonConvert.DeserializeObject(SampleText, generated.Type("Scenario"))!;

    /// <summary>Awaits a call that must fail with the generated ApiException&lt;Problem&gt;, and returns it.</summary>
    private static async Task<dynamic> ThrowsApiExceptionAsync(Func<dynamic> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e.GetType().Name == "ApiException`1")
        {
            Assert.Equal("Problem", e.GetType().GetGenericArguments()[0].Name);
            return e;
        }
        throw new Xunit.Sdk.XunitException("The call succeeded; a problem response was expected.");
    }

    private static string Json(object value) => JsonConvert.SerializeObject(value);

    /// <summary>JSON with every number as a decimal, so 0 and 0.0 compare equal as the numbers they are.</summary>
    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
        };
        JToken token = JToken.Load(reader);
        IEnumerable<JToken> all = token is JContainer container ? container.DescendantsAndSelf() : [token];
        foreach (JValue integer in all.OfType<JValue>().Where(v => v.Type == JTokenType.Integer).ToList())
        {
            integer.Value = Convert.ToDecimal(integer.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return token;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ScenarioId();
}
