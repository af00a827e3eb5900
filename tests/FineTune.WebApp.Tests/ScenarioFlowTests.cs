using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FineTune.Charts;
using FineTune.Core;
using FineTune.Testing;
using PuppeteerSharp;

namespace FineTune.WebApp.Tests;

/// <summary>What a person does with the page, end to end in Chromium against the local host and a real Azurite.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScenarioFlowTests(BrowserFixture fixture)
{
    // Two approaches typed by hand, with the separators and dollar sign a person might type.
    private const string HandTyped = """
        {"name":"Hand-typed triage","workload":{"requestsPerMonth":1500000,"horizonMonths":12,"monthlyGrowthRate":0.02},
         "approaches":[
          {"id":"prompt","kind":"prompt","accuracy":0.85,"pricing":{"inputPerMillion":2.5,"outputPerMillion":10},"inputTokens":2000,"outputTokens":300},
          {"id":"ft","kind":"fine-tune","accuracy":0.9,"pricing":{"inputPerMillion":0.3,"outputPerMillion":1.2},"inputTokens":600,"outputTokens":300,
           "hostingPerHour":1.7,"training":{"trainingTokens":5000000,"epochs":3,"trainingPerMillion":25,"gpuHours":0,"gpuHourlyRate":0,
           "dataPreparationCost":8000,"evaluationCost":1000}}]}
        """;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Analyse_ScenarioTypedByHand_ShowsTheRecommendationItsReasonsAndTheScaleChart(int width)
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, width);
        await app.GoAsync();

        await app.TypeAsync("#f-name", "Hand-typed triage");
        await app.TypeAsync("#f-workload-requestsPerMonth", "1,500,000");
        await app.TypeAsync("#f-workload-horizonMonths", "12");
        await app.TypeAsync("#f-workload-monthlyGrowthRate", "0.02");
        await TypeApproachAsync(app, 0, ("id", "prompt"), ("accuracy", "0.85"), ("pricing-inputPerMillion", "$2.50"),
            ("pricing-outputPerMillion", "10"), ("inputTokens", "2000"), ("outputTokens", "300"));
        await app.Page.ClickAsync(".approaches + .actions button");
        await app.Page.SelectAsync("#a1-kind", "fine-tune");
        await TypeApproachAsync(app, 1, ("id", "ft"), ("accuracy", "0.9"), ("pricing-inputPerMillion", "0.3"),
            ("pricing-outputPerMillion", "1.2"), ("inputTokens", "600"), ("outputTokens", "300"), ("hostingPerHour", "1.7"),
            ("training-trainingTokens", "5,000,000"), ("training-epochs", "3"), ("training-trainingPerMillion", "25"),
            ("training-gpuHours", "0"), ("training-gpuHourlyRate", "0"), ("training-dataPreparationCost", "8000"),
            ("training-evaluationCost", "1000"));
        Task<IResponse> served = app.Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/analyses/charts/scale.svg", StringComparison.Ordinal));
        await app.AnalyseAsync();

        Analysis expected = Analyzer.Analyze(ScenarioJson.Parse(Encoding.UTF8.GetBytes(HandTyped)).Scenario!);
        Assert.Equal(expected.Recommendation.ApproachId, await app.TextAsync(".recommendation .verdict strong"));
        Assert.Equal(expected.Recommendation.Reasons, await app.TextsAsync(".reasons li"));
        Assert.Equal(["prompt", "ft"], (await app.TextsAsync("section[aria-labelledby=figures-title] table.figures tbody th")).Take(2));
        // The chart shown is the API's SVG of this scenario, byte for byte, at its own size; its description is the image's text.
        byte[] chart = ScaleChart.Render(ScaleChartInput.From(expected));
        Assert.Equal(Encoding.UTF8.GetString(chart), await (await served).TextAsync());
        int[] size = await app.Page.EvaluateExpressionAsync<int[]>(
            "(i => [i.naturalWidth, i.naturalHeight])(document.querySelector('figure[data-kind=scale] img'))");
        Assert.Equal(400, size[0]);
        Assert.Contains($"height=\"{size[1]}\"", Encoding.UTF8.GetString(chart), StringComparison.Ordinal);
        Assert.StartsWith("Cost per request as volume grows. Fully loaded cost per request",
            await app.AttributeAsync("figure[data-kind=scale] img", "alt"), StringComparison.Ordinal);
        Assert.Equal("results-title", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await app.ScreenshotAsync("results-typed");
        app.AssertClean();
    }

    [Fact]
    public async Task Analyse_BrokenFields_ShowsEachRefusalAtItsField()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();
        await app.FillExampleAsync();
        await app.TypeAsync("#a1-accuracy", "5");
        await app.TypeAsync("#f-workload-requestsPerMonth", "lots");

        await app.Page.ClickAsync("button[type=submit]");
        await app.Page.WaitForSelectorAsync(".error-summary:not([hidden])");

        Assert.Equal("true", await app.AttributeAsync("#a1-accuracy", "aria-invalid"));
        Assert.Equal("Error: Must be between 0.001 and 1.", await app.TextAsync("#a1-accuracy-error"));
        Assert.Contains("a1-accuracy-error", await app.AttributeAsync("#a1-accuracy", "aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Error: Must be a number.", await app.TextAsync("#f-workload-requestsPerMonth-error"));
        Assert.Equal(
            ["Approach 2 (rag), accuracy: must be between 0.001 and 1.", "Requests per month: must be a number."],
            (await app.TextsAsync(".error-summary li")).Order());
        Assert.Contains("error-summary", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.className"), StringComparison.Ordinal);
        Assert.Empty(await app.TextsAsync(".recommendation"));

        // Following the summary's link puts the cursor in the field; fixing it and analysing again clears every message.
        await app.Page.ClickAsync(".error-summary a[href='#a1-accuracy']");
        Assert.Equal("a1-accuracy", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await app.TypeAsync("#a1-accuracy", "0.9");
        await app.TypeAsync("#f-workload-requestsPerMonth", "2000000");
        await app.AnalyseAsync();
        Assert.Empty(await app.TextsAsync("form:not(#key-form) .field-error"));
        Assert.Null(await app.AttributeAsync("#a1-accuracy", "aria-invalid"));
        app.AssertClean();
    }

    [Fact]
    public async Task Analyse_RefusalOfAPartWithoutItsOwnField_IsShownAtThatPart()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 390);
        await app.GoAsync();
        await app.FillExampleAsync();
        // The first approach becomes a fine-tune without any training figures: the API refuses its missing training.
        await app.Page.SelectAsync("#a0-kind", "fine-tune");
        byte[] refused = Samples.SupportTriage(scenario => scenario["approaches"]![0]!["kind"] = "fine-tune");
        string path = Assert.Single(ScenarioJson.Parse(refused).Errors.Keys);

        await app.Page.ClickAsync("button[type=submit]");
        await app.Page.WaitForSelectorAsync(".error-summary:not([hidden])");

        Assert.Equal("approaches[0].training", path);
        Assert.Equal(1, await app.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#approach-0-training > .field-error').length"));
        Assert.Equal("#approach-0-training", await app.AttributeAsync(".error-summary a", "href"));
        Assert.StartsWith("Approach 1 (prompt), training:", await app.TextAsync(".error-summary li"), StringComparison.Ordinal);
        await app.Page.ClickAsync(".error-summary a");
        Assert.Equal("approach-0-training", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        app.AssertClean();
    }

    [Fact]
    public async Task Save_ThenReloadAndReopen_ShowsTheSameScenarioAgain()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();
        await app.FillExampleAsync();

        await app.Page.ClickAsync("button[data-action=save]");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.status').textContent.startsWith('Saved to workspace')");
        string hash = await app.Page.EvaluateExpressionAsync<string>("location.hash");
        string id = ScenarioRoute().Match(hash).Groups[1].Value;
        Assert.NotEmpty(id);

        // Stored exactly as the sample: every decimal the form sent is the digits it was given.
        string workspace = await app.Page.EvaluateExpressionAsync<string>("localStorage.getItem('finetune.workspace')");
        using var http = new HttpClient { BaseAddress = fixture.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scenarios/{id}");
        request.Headers.Add("X-Workspace-Id", workspace);
        using HttpResponseMessage response = await http.SendAsync(request);
        JsonNode stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["scenario"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Samples.SupportTriage()), stored), stored.ToJsonString());

        await app.Page.ReloadAsync(null, [WaitUntilNavigation.Load]);
        await app.WaitForResultsAsync();
        Assert.Equal("Support ticket triage", await app.ValueAsync("#f-name"));
        Assert.Equal("Saved scenario", await app.TextAsync("h1"));

        await app.Page.GoToAsync(fixture.PageAddress + "#/saved");
        await app.Page.WaitForSelectorAsync("table.saved tbody a");
        Assert.Equal(["Support ticket triage"], await app.TextsAsync("table.saved tbody th"));
        await app.ScreenshotAsync("saved");
        await app.Page.FocusAsync("table.saved tbody a");
        await app.Page.Keyboard.PressAsync("Enter");
        await app.WaitForResultsAsync();
        Assert.Equal($"#/scenarios/{id}", await app.Page.EvaluateExpressionAsync<string>("location.hash"));
        Assert.Equal("2000000", await app.ValueAsync("#f-workload-requestsPerMonth"));
        Assert.Equal("fine-tune", await app.ValueAsync("#a2-kind"));
        Assert.Equal("0.00001", await app.ValueAsync("#f-optimizations-cacheLookupCost"));
        app.AssertClean();
    }

    [Fact]
    public async Task Keyboard_AloneFillsAnalysesAndReachesTheResults()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();

        await TabToAsync(app, "Fill in an example");
        await app.Page.Keyboard.PressAsync("Enter");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('#f-name').value === 'Support ticket triage'");
        await TabToAsync(app, "Analyse");
        // A visible focus ring on the focused button.
        Assert.NotEqual("none", await app.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await app.Page.Keyboard.PressAsync("Enter");
        await app.WaitForResultsAsync();

        Assert.Equal("results-title", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        Assert.Equal("fine-tune", await app.TextAsync(".recommendation .verdict strong"));
        app.AssertClean();
    }

    private static async Task TypeApproachAsync(AppPage app, int card, params (string Field, string Text)[] fields)
    {
        foreach ((string field, string text) in fields)
        {
            await app.TypeAsync($"#a{card}-{field}", text);
        }
    }

    private static async Task TabToAsync(AppPage app, string text)
    {
        for (int presses = 0; presses < 200; presses++)
        {
            await app.Page.Keyboard.PressAsync("Tab");
            if (await app.Page.EvaluateExpressionAsync<string>("document.activeElement.textContent.trim()") == text)
            {
                return;
            }
        }
        Assert.Fail($"No control labelled '{text}' could be reached with the Tab key.");
    }

    [GeneratedRegex("^#/scenarios/([^/]+)$")]
    private static partial Regex ScenarioRoute();
}
