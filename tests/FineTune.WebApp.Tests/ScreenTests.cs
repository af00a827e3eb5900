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
        await app.AnalyseAsync();
        await CheckAsync(app, "results");

        await app.Page.ClickAsync("button[data-action=save]");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.status').textContent.startsWith('Saved to workspace')");
        await app.Page.ClickAsync("a[data-nav=saved]");
        await app.Page.WaitForSelectorAsync("table.saved tbody a");
        await CheckAsync(app, "saved-scenarios");
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
