using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Charts;
using FineTune.Core;
using FineTune.Testing;
using PuppeteerSharp;

namespace FineTune.WebApp.Tests;

/// <summary>Prices picked from the catalog, the decision in words and the analysis' charts, in Chromium against the local host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogFlowTests(BrowserFixture fixture)
{
    private const string FineTunePicker = "#approach-2 [data-catalog=approach] input";
    private const string Model = "openai/gpt-4.1-mini-2025-04-14";

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task PickModel_PricesFillOneIsOverriddenAndTheAnalysis_SaysWhatWouldChangeItAndDrawsThePayback(int width)
    {
        using AppApi api = AppApi.InNewWorkspace(fixture.Address);
        JsonElement entry = (await api.GetAsync($"/api/models?q={Model}")).GetProperty("items")[0];
        JsonElement rates = entry.GetProperty("fineTune");
        await using AppPage app = await AppPage.OpenAsync(fixture, width);
        await app.GoAsync();
        await app.FillExampleAsync();

        // The third approach of the sample is a fine-tune: searching shows the catalog's entries with their fine-tuned rates.
        await app.TypeAsync(FineTunePicker, "gpt-4.1-mini");
        string button = $"#approach-2 button[data-model-id='{Model}']";
        await app.Page.WaitForSelectorAsync(button);
        Assert.StartsWith("fine-tuned: input $", await app.TextAsync($"{button} .catalog-rates"), StringComparison.Ordinal);
        await app.Page.ClickAsync(button);

        Assert.Equal(rates.GetProperty("inputPerMillion").GetRawText(), await app.ValueAsync("#a2-pricing-inputPerMillion"));
        Assert.Equal(rates.GetProperty("outputPerMillion").GetRawText(), await app.ValueAsync("#a2-pricing-outputPerMillion"));
        Assert.Equal(rates.GetProperty("cachedInputPerMillion").GetRawText(), await app.ValueAsync("#a2-pricing-cachedInputPerMillion"));
        Assert.Equal(rates.GetProperty("hostingPerHour").GetRawText(), await app.ValueAsync("#a2-hostingPerHour"));
        Assert.Equal(rates.GetProperty("trainingPerMillion").GetRawText(), await app.ValueAsync("#a2-training-trainingPerMillion"));
        string source = await app.TextAsync("#approach-2 [data-catalog=approach] .catalog-source");
        Assert.Contains($"{Model} (in effect since {entry.GetProperty("effectiveFrom").GetString()}, fine-tuned rates)", source, StringComparison.Ordinal);
        Assert.Contains(entry.GetProperty("source").GetString()!, source, StringComparison.Ordinal);
        Assert.Equal("From the catalog.", await app.TextAsync("#a2-pricing-outputPerMillion-catalog"));
        Assert.Equal(Model, await app.ValueAsync(FineTunePicker));

        // A negotiated price overrides the catalog's; the field says so.
        await app.TypeAsync("#a2-pricing-inputPerMillion", "0.7");
        Assert.Equal($"Yours; the catalog's is {rates.GetProperty("inputPerMillion").GetRawText()}.", await app.TextAsync("#a2-pricing-inputPerMillion-catalog"));

        Task<IResponse> payback = app.Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/analyses/charts/payback.svg", StringComparison.Ordinal));
        await app.AnalyseAsync();

        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage(s =>
        {
            JsonNode fineTune = s["approaches"]![2]!;
            fineTune["pricing"] = new JsonObject
            {
                ["inputPerMillion"] = 0.7m,
                ["outputPerMillion"] = rates.GetProperty("outputPerMillion").GetDecimal(),
                ["cachedInputPerMillion"] = rates.GetProperty("cachedInputPerMillion").GetDecimal(),
            };
            fineTune["hostingPerHour"] = rates.GetProperty("hostingPerHour").GetDecimal();
            fineTune["training"]!["trainingPerMillion"] = rates.GetProperty("trainingPerMillion").GetDecimal();
        })).Scenario!;
        Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Decision | AnalysisSections.Timeline);
        Decision decision = analysis.Decision!;
        string recommended = decision.RecommendedId!;

        // The decision in words: the nearest boundary first, each boundary a row of the table, nearest first.
        string sentence = await app.TextAsync(".decision-sentence");
        Assert.StartsWith($"{recommended} stays the best choice unless ", sentence, StringComparison.Ordinal);
        DecisionBoundary nearest = decision.Boundaries[0];
        BoundaryCrossing first = (nearest.Below ?? nearest.Above)!;
        Assert.Contains($"(then {first.RecommendedId})", sentence, StringComparison.Ordinal);
        Assert.Equal(decision.Boundaries.Count, (await app.TextsAsync("table.boundaries tbody tr")).Length);
        Assert.Equal(recommended, await app.TextAsync(".recommendation .verdict strong"));

        // The payback chart beside the others is the API's drawing of this very scenario.
        Assert.Equal(Encoding.UTF8.GetString(AnalysisCharts.Draw(ChartKind.Payback, scenario, analysis)), await (await payback).TextAsync());
        Assert.Equal(["payback", "costs", "sensitivity", "scale"], await app.Page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('figure.chart')].map(f => f.dataset.kind)"));
        Assert.StartsWith("Payback against prompt. Cumulative advantage", await app.AttributeAsync("figure[data-kind=payback] img", "alt"), StringComparison.Ordinal);
        await app.ScreenshotAsync("results-with-catalog-prices");
        app.AssertClean();
    }

    [Fact]
    public async Task PickModel_EntryWithoutSomeRates_LeavesThemEmptyAndSaysSo()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();
        await app.FillExampleAsync();

        // o4-mini has fine-tuned input and output rates but no fine-tuned cached input or training price in the catalog.
        await app.TypeAsync(FineTunePicker, "o4-mini-2025");
        await app.Page.WaitForSelectorAsync("#approach-2 button[data-model-id='openai/o4-mini-2025-04-16']");
        await app.Page.ClickAsync("#approach-2 button[data-model-id='openai/o4-mini-2025-04-16']");

        Assert.Equal("", await app.ValueAsync("#a2-training-trainingPerMillion"));
        Assert.Equal("", await app.ValueAsync("#a2-pricing-cachedInputPerMillion"));
        Assert.Equal("Not in the catalog: enter it if you know it.", await app.TextAsync("#a2-training-trainingPerMillion-catalog"));
        Assert.StartsWith("The catalog has no fine-tuned cached input price and training price for this model",
            await app.TextAsync("#approach-2 [data-catalog=approach] .catalog-missing"), StringComparison.Ordinal);
        Assert.Contains("a2-training-trainingPerMillion-catalog", await app.AttributeAsync("#a2-training-trainingPerMillion", "aria-describedby"), StringComparison.Ordinal);

        // The same model for a prompt approach: its base rates, and the fine-tune's hosting the picker had filled is cleared.
        await app.Page.SelectAsync("#a2-kind", "prompt");
        Assert.Equal("1.1", await app.ValueAsync("#a2-pricing-inputPerMillion"));
        Assert.Equal("0.275", await app.ValueAsync("#a2-pricing-cachedInputPerMillion"));
        Assert.Equal("", await app.ValueAsync("#a2-hostingPerHour"));
        await app.ScreenshotAsync("catalog-missing-rates");
        app.AssertClean();
    }

    [Fact]
    public async Task PickModel_EnterInTheSearch_SearchesAndDoesNotSubmit()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();
        await app.FillExampleAsync();

        await app.Page.FocusAsync("#approach-0 [data-catalog=approach] input");
        await app.Page.Keyboard.TypeAsync("azure-openai/gpt-4.1/");
        await app.Page.Keyboard.PressAsync("Enter");
        await app.Page.WaitForFunctionAsync("() => document.querySelectorAll('#approach-0 .catalog-results button').length === 3");

        Assert.Equal(["azure-openai/gpt-4.1/data-zone", "azure-openai/gpt-4.1/global", "azure-openai/gpt-4.1/regional"],
            await app.TextsAsync("#approach-0 .catalog-results .catalog-id"));
        Assert.Equal("3 models match \"azure-openai/gpt-4.1/\": pick one.", await app.TextAsync("#approach-0 [data-catalog=approach] > [role=status]"));
        Assert.Empty(await app.TextsAsync(".recommendation"));

        // The keyboard alone: Tab to the first entry, Enter picks it, and the cursor is back in the search.
        using AppApi api = AppApi.InNewWorkspace(fixture.Address);
        JsonElement dataZone = (await api.GetAsync("/api/models?q=azure-openai/gpt-4.1/data-zone")).GetProperty("items")[0];
        await app.Page.Keyboard.PressAsync("Tab");
        await app.Page.Keyboard.PressAsync("Enter");
        Assert.Equal(dataZone.GetProperty("inputPerMillion").GetRawText(), await app.ValueAsync("#a0-pricing-inputPerMillion"));
        Assert.Equal(dataZone.GetProperty("outputPerMillion").GetRawText(), await app.ValueAsync("#a0-pricing-outputPerMillion"));
        Assert.Equal("azure-openai/gpt-4.1/data-zone", await app.ValueAsync("#approach-0 [data-catalog=approach] input"));
        Assert.Equal("approach-0", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.closest('fieldset.approach').id"));
        app.AssertClean();
    }
}
