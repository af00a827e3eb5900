namespace FineTune.WebApp.Tests;

/// <summary>
/// Every screen at a phone's width and a laptop's: screenshots kept under TestResults/screenshots, no sideways scrolling,
/// and axe-core finds no serious or critical accessibility violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task EveryScreen_FitsTheWidthAndHasNoSeriousAccessibilityViolation(int width)
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, width);
        await app.GoAsync();
        await CheckAsync(app, "new-scenario");

        await app.FillExampleAsync();
        await app.TypeAsync("#a1-accuracy", "5");
        await app.TypeAsync("#f-workload-horizonMonths", "1.5");
        await app.Page.ClickAsync("button[type=submit]");
        await app.Page.WaitForSelectorAsync(".error-summary:not([hidden])");
        await CheckAsync(app, "refusals");

        await app.TypeAsync("#a1-accuracy", "0.9");
        await app.TypeAsync("#f-workload-horizonMonths", "24");
        await app.TypeAsync("#approach-2 [data-catalog=approach] input", "gpt-4.1");
        await app.Page.WaitForSelectorAsync("#approach-2 .catalog-results button");
        await CheckAsync(app, "model-search");
        await app.Page.ClickAsync("#approach-2 button[data-model-id='openai/gpt-4.1-mini-2025-04-14']");
        await app.Page.WaitForSelectorAsync("#approach-2 .catalog-source p");
        await CheckAsync(app, "model-picked");

        await app.AnalyseAsync();
        await app.Page.WaitForSelectorAsync(".decision-sentence");
        await CheckAsync(app, "results");
        // The README's picture: the recommendation, what would change it, the figures and the first row of charts.
        await app.ScreenshotPartAsync("readme-results", ".results", "figure.chart[data-kind=costs]");

        await app.Page.ClickAsync("button[data-action=save]");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.status').textContent.startsWith('Saved to workspace')");
        await app.Page.ClickAsync("a[data-nav=saved]");
        await app.Page.WaitForSelectorAsync("table.saved tbody a");
        await CheckAsync(app, "saved-scenarios");

        // A scenario of the same workspace with a day of usage over plan: its monitor, then the workspace's portfolio.
        string workspace = await app.Page.EvaluateExpressionAsync<string>("localStorage.getItem('finetune.workspace')");
        using var api = new AppApi(fixture.Address, workspace);
        (string id, _, _) = await MonitorFlowTests.MonitoredWithAnAlertAsync(api);
        await app.GoAsync($"#/scenarios/{id}/monitor");
        await app.Page.WaitForSelectorAsync(".alert-list li");
        await app.Page.WaitForFunctionAsync("() => { const i = document.querySelector('figure[data-kind=monitor] img'); return i && i.complete && i.naturalWidth > 0; }");
        await CheckAsync(app, "monitor");
        await app.Page.ClickAsync("a[data-nav=portfolio]");
        await app.Page.WaitForSelectorAsync(".portfolio table");
        Assert.Equal(2, (await app.TextsAsync(".portfolio tbody tr")).Length);
        await CheckAsync(app, "portfolio");
        app.AssertClean();

        await using AppPage locked = await AppPage.OpenAsync(fixture, width, new FunctionKey("the-key").AnswerAsync);
        await locked.GoAsync();
        await locked.FillExampleAsync();
        await locked.Page.ClickAsync("button[type=submit]");
        await locked.Page.WaitForSelectorAsync("#key-dialog[open]");
        await CheckAsync(locked, "function-key", fullPage: false);
        locked.AssertClean();
    }

    private static async Task CheckAsync(AppPage app, string screen, bool fullPage = true)
    {
        await app.ScreenshotAsync(screen, fullPage);
        await app.AssertFitsTheWidthAsync(screen);
        await app.AssertAccessibleAsync(screen);
        await app.AssertNoStrayTextAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AssertAccessible_PageWithAnUnlabelledField_Fails()
    {
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.GoAsync();
        await app.Page.EvaluateExpressionAsync("document.querySelector('label[for=f-name]').remove()");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => app.AssertAccessibleAsync("broken"));

        Assert.Contains("critical label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#f-name", failure.Message, StringComparison.Ordinal);
    }
}
