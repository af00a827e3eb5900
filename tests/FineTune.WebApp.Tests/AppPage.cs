using System.Text.Json;
using FineTune.Testing;
using PuppeteerSharp;
using PuppeteerSharp.Input;

namespace FineTune.WebApp.Tests;

/// <summary>
/// The page in a browser context of its own (its own local and session storage), at one width. Every request to another
/// host is refused and remembered, and so is every script error and every report of the content security policy.
/// </summary>
internal sealed class AppPage : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        string path = RepositoryRoot.Combine("tools", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is not installed ({path} is missing). Run ./dev.sh test, or npm ci in tools/axe.");
    });

    private readonly IBrowserContext context;
    private readonly Uri pageAddress;

    private AppPage(IBrowserContext context, IPage page, Uri pageAddress, int width)
    {
        this.context = context;
        this.pageAddress = pageAddress;
        Page = page;
        Width = width;
    }

    public IPage Page { get; }

    public int Width { get; }

    /// <summary>Requests to anywhere but the app, refused.</summary>
    public List<string> ForeignRequests { get; } = [];

    /// <summary>Uncaught script errors and content security policy reports.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>
    /// A new page <paramref name="width"/> CSS pixels wide. <paramref name="answer"/>, when given, may answer a request to
    /// the app itself instead of the app (returning true once it did).
    /// </summary>
    public static async Task<AppPage> OpenAsync(BrowserFixture fixture, int width, Func<IRequest, Task<bool>>? answer = null)
    {
        IBrowserContext context = await fixture.Browser.CreateBrowserContextAsync();
        IPage page = await context.NewPageAsync();
        var app = new AppPage(context, page, fixture.PageAddress, width);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
        page.DefaultTimeout = 20_000;
        string origin = fixture.Address.GetLeftPart(UriPartial.Authority);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            string url = e.Request.Url;
            if (!url.StartsWith(origin + "/", StringComparison.Ordinal) && !url.StartsWith("blob:" + origin, StringComparison.Ordinal))
            {
                lock (app.ForeignRequests)
                {
                    app.ForeignRequests.Add(url);
                }
                await e.Request.AbortAsync();
                return;
            }
            if (answer is null || !await answer(e.Request))
            {
                await e.Request.ContinueAsync();
            }
        };
        page.PageError += (_, e) => app.Failure("script error: " + e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                app.Failure("policy: " + e.Message.Text);
            }
        };
        return app;
    }

    /// <summary>Makes the page use <paramref name="workspace"/>, as a browser that saved there before would.</summary>
    public Task UseWorkspaceAsync(string workspace) =>
        Page.EvaluateExpressionOnNewDocumentAsync($"localStorage.setItem('finetune.workspace', {JsonSerializer.Serialize(workspace)})");

    /// <summary>Opens the page at <paramref name="fragment"/> (a route such as <c>#/saved</c>) and waits for its heading.</summary>
    public async Task GoAsync(string fragment = "")
    {
        await Page.GoToAsync(pageAddress + fragment, WaitUntilNavigation.Load);
        await Page.WaitForSelectorAsync("#screen h1");
    }

    /// <summary>Replaces the text of the input <paramref name="selector"/>: focus it, select what it holds, type over it.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await Page.FocusAsync(selector);
        await Page.EvaluateFunctionAsync("s => document.querySelector(s).select()", selector);
        await Page.Keyboard.TypeAsync(text);
    }

    public Task<string> ValueAsync(string selector) => Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).value", selector);

    public Task<string> TextAsync(string selector) => Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent.trim()", selector);

    public Task<string[]> TextsAsync(string selector) =>
        Page.EvaluateFunctionAsync<string[]>("s => [...document.querySelectorAll(s)].map(e => e.textContent.trim())", selector);

    public Task<string?> AttributeAsync(string selector, string name) =>
        Page.EvaluateFunctionAsync<string?>("(s, n) => document.querySelector(s)?.getAttribute(n) ?? null", selector, name);

    /// <summary>Fills the form with the repository's sample and waits until it is in.</summary>
    public async Task FillExampleAsync()
    {
        await Page.ClickAsync("button[data-action=example]");
        await Page.WaitForFunctionAsync("() => document.querySelector('#f-name').value === 'Support ticket triage'");
    }

    /// <summary>Presses Analyse and waits for the recommendation and every chart image to have loaded.</summary>
    public async Task AnalyseAsync()
    {
        await Page.ClickAsync("button[type=submit]");
        await WaitForResultsAsync();
    }

    public async Task WaitForResultsAsync()
    {
        try
        {
            await Page.WaitForSelectorAsync(".recommendation .verdict strong");
        }
        catch (WaitTaskTimeoutException)
        {
            await ScreenshotAsync("no-results");
            string status = await Page.EvaluateExpressionAsync<string>(
                "[...document.querySelectorAll('.status, .error-summary')].map(e => e.textContent).join(' | ')");
            throw new InvalidOperationException($"No results; the page says: {status}");
        }
        await Page.WaitForFunctionAsync(
            "() => { const images = [...document.querySelectorAll('figure.chart img')]; return images.length > 0 && images.every(i => i.complete && i.naturalWidth > 0); }");
    }

    /// <summary>
    /// The whole page (or, for a dialog, the window the person sees) as a PNG under TestResults/screenshots, named by
    /// screen and width.
    /// </summary>
    public async Task ScreenshotAsync(string screen, bool fullPage = true)
    {
        string folder = RepositoryRoot.Combine("TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(Path.Combine(folder, $"{screen}-{Width}.png"), new ScreenshotOptions { FullPage = fullPage });
    }

    /// <summary>
    /// The part of the page from the top of <paramref name="from"/> to the bottom of <paramref name="to"/> (both within
    /// <paramref name="from"/>'s width), as a PNG under TestResults/screenshots: the picture the README shows.
    /// </summary>
    public async Task ScreenshotPartAsync(string screen, string from, string to)
    {
        decimal[] box = await Page.EvaluateFunctionAsync<decimal[]>(
            """
            (from, to) => {
              const a = document.querySelector(from).getBoundingClientRect();
              const b = document.querySelector(to).getBoundingClientRect();
              return [a.left + scrollX, a.top + scrollY, a.width, b.bottom - a.top + 16];
            }
            """, from, to);
        string folder = RepositoryRoot.Combine("TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(Path.Combine(folder, $"{screen}-{Width}.png"), new ScreenshotOptions
        {
            Clip = new PuppeteerSharp.Media.Clip { X = box[0], Y = box[1], Width = box[2], Height = box[3] },
        });
    }

    /// <summary>Asserts nothing is wider than the window: no sideways scrolling.</summary>
    public async Task AssertFitsTheWidthAsync(string screen)
    {
        int[] widths = await Page.EvaluateExpressionAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{screen} at {Width} px scrolls sideways: the page is {widths[0]} px wide in a {widths[1]} px window.");
    }

    /// <summary>Runs axe-core in the page and asserts it finds no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync(string screen)
    {
        await Page.EvaluateExpressionAsync(AxeSource.Value);
        JsonElement violations = await Page.EvaluateFunctionAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        List<string> found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, $"{screen} at {Width} px:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Asserts no value leaked into the page as script words: no "null", "undefined" or "NaN" in its text, outside the API's
    /// own notes (which explain which figures are null).
    /// </summary>
    public async Task AssertNoStrayTextAsync()
    {
        string[] stray = await Page.EvaluateExpressionAsync<string[]>(
            """
            (() => {
              const copy = document.body.cloneNode(true);
              copy.querySelectorAll('.notes, script, noscript').forEach(n => n.remove());
              return copy.textContent.match(/.{0,40}\b(null|undefined|NaN)+\b.{0,40}/g) ?? [];
            })()
            """);
        Assert.True(stray.Length == 0, $"The page shows {string.Join(", ", stray)}.");
    }

    /// <summary>Asserts the page asked no other host for anything, raised no script error and broke no policy.</summary>
    public void AssertClean()
    {
        Assert.Empty(ForeignRequests);
        Assert.Empty(Failures);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await context.CloseAsync();
    }

    private void Failure(string text)
    {
        lock (Failures)
        {
            Failures.Add(text);
        }
    }
}
