namespace FineTune.WebApp.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FunctionKeyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyse_WhereAKeyIsNeeded_AsksOnceKeepsItForTheTabAndSendsItAfter()
    {
        var keys = new FunctionKey("the-key");
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280, keys.AnswerAsync);
        await app.GoAsync();
        await app.FillExampleAsync();

        // No key yet: the first call is refused and the page asks for one.
        await app.Page.ClickAsync("button[type=submit]");
        await app.Page.WaitForSelectorAsync("#key-dialog[open]");
        Assert.Equal("key-input", await app.Page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        Assert.True(await app.Page.EvaluateExpressionAsync<bool>("document.getElementById('key-error').hidden"));

        // A wrong key is refused too, and the page says so.
        await app.Page.Keyboard.TypeAsync("not-the-key");
        await app.Page.Keyboard.PressAsync("Enter");
        await app.Page.WaitForFunctionAsync("() => document.getElementById('key-dialog').open && !document.getElementById('key-error').hidden");
        Assert.Equal("That key was refused. Check it and try again.", await app.TextAsync("#key-error"));

        await app.Page.Keyboard.TypeAsync("the-key");
        await app.Page.Keyboard.PressAsync("Enter");
        await app.WaitForResultsAsync();

        Assert.Equal(2, keys.Refusals);
        Assert.Equal("the-key", await app.Page.EvaluateExpressionAsync<string>("sessionStorage.getItem('finetune.functionKey')"));
        Assert.Null(await app.Page.EvaluateExpressionAsync<string?>("localStorage.getItem('finetune.functionKey')"));
        Assert.Contains("/api/analyses", keys.Admitted);
        Assert.Contains("/api/analyses/charts/scale.svg", keys.Admitted);

        // Asked once: the next analysis goes straight through.
        await app.Page.EvaluateExpressionAsync("document.querySelector('.results').hidden = true");
        await app.AnalyseAsync();
        Assert.Equal(2, keys.Refusals);
        Assert.False(await app.Page.EvaluateExpressionAsync<bool>("document.getElementById('key-dialog').open"));
        app.AssertClean();
    }

    [Fact]
    public async Task Analyse_KeyDialogCancelled_SaysAKeyIsNeeded()
    {
        var keys = new FunctionKey("the-key");
        await using AppPage app = await AppPage.OpenAsync(fixture, 390, keys.AnswerAsync);
        await app.GoAsync();
        await app.FillExampleAsync();

        await app.Page.ClickAsync("button[type=submit]");
        await app.Page.WaitForSelectorAsync("#key-dialog[open]");
        await app.Page.Keyboard.PressAsync("Escape");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.status').textContent !== ''");

        Assert.Equal("A function key is needed to use this app.", await app.TextAsync(".status"));
        Assert.Null(await app.Page.EvaluateExpressionAsync<string?>("sessionStorage.getItem('finetune.functionKey')"));
        app.AssertClean();
    }
}
