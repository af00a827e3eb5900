using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Testing;

namespace FineTune.WebApp.Tests;

/// <summary>A saved scenario's monitor screen, in Chromium against the local host and a real Azurite: usage posted through the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitorFlowTests(BrowserFixture fixture)
{
    /// <summary>
    /// The sample, monitored from the day it is saved; one day of usage at three times that day's plan (an over-plan
    /// alert, severity alert: more than 50 % over and more than $10). Returns the scenario's id and that day.
    /// </summary>
    internal static async Task<(string Id, string Day, decimal Plan)> MonitoredWithAnAlertAsync(AppApi api)
    {
        byte[] body = Samples.SupportTriage(s => s["monitoring"] = new JsonObject { ["approachId"] = "prompt" });
        JsonElement stored = await api.PostAsync("/api/scenarios", body);
        string id = stored.GetProperty("id").GetString()!;
        // The day it was created (UTC): on or after the monitoring start, and never in the future.
        string day = stored.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        JsonElement monitor = await api.GetAsync($"/api/scenarios/{id}/monitor?from={day}&to={day}");
        decimal plan = monitor.GetProperty("days")[0].GetProperty("plan").GetDecimal();
        decimal spend = decimal.Round(plan * 3m, 2);
        JsonElement receipt = await api.PostAsync($"/api/scenarios/{id}/usage",
            $$"""{"records":[{"date":"{{day}}","requests":66000,"spend":{{spend.ToString(CultureInfo.InvariantCulture)}}}]}""");
        Assert.Equal("over-plan", receipt.GetProperty("alerts")[0].GetProperty("kind").GetString());
        return (id, day, plan);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Monitor_ScenarioWithUsageAndAnOverPlanAlert_ShowsActualAgainstPlanAndAcknowledgesTheAlert(int width)
    {
        using AppApi api = AppApi.InNewWorkspace(fixture.Address);
        (string id, string day, decimal plan) = await MonitoredWithAnAlertAsync(api);
        await using AppPage app = await AppPage.OpenAsync(fixture, width);
        await app.UseWorkspaceAsync(api.Workspace);

        await app.GoAsync($"#/scenarios/{id}/monitor");
        await app.Page.WaitForSelectorAsync(".alert-list li");
        await app.Page.WaitForFunctionAsync("() => { const i = document.querySelector('figure[data-kind=monitor] img'); return i && i.complete && i.naturalWidth > 0; }");

        Assert.Equal("Monitor: Support ticket triage", await app.TextAsync("h1"));
        JsonElement view = await api.GetAsync($"/api/scenarios/{id}/monitor");
        Assert.Contains($"spent against", await app.TextAsync(".monitor-summary dd"), StringComparison.Ordinal);
        Assert.Equal(Money(view.GetProperty("toDate").GetProperty("actual").GetDecimal()),
            (await app.TextAsync(".monitor-summary dd")).Split(' ')[0]);
        Assert.StartsWith("Daily spend against plan. Daily spend against plan from ", await app.AttributeAsync("figure[data-kind=monitor] img", "alt"),
            StringComparison.Ordinal);
        // The newest day first: the day with usage, its actual three times its plan.
        string[] cells = await app.TextsAsync("table.figures:last-of-type tbody tr:first-child > *");
        Assert.Equal(day, cells[0].Split('\n')[^1].Trim());
        Assert.Equal(Money(plan), cells[3].Split('\n')[^1].Trim());
        Assert.StartsWith("Alert: Over plan on " + day, await app.TextAsync(".alert-list li .alert-head"), StringComparison.Ordinal);
        Assert.Equal("Not acknowledged yet.", await app.TextAsync(".alert-list li .alert-state"));
        await CheckAsync(app, "monitor");

        await app.Page.ClickAsync(".alert-list li button[data-alert]");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.alert-list li .alert-state').textContent.startsWith('Acknowledged')");

        Assert.Empty(await app.TextsAsync(".alert-list li button[data-alert]"));
        Assert.Equal($"Acknowledged the Over plan alert of {day}.", await app.TextAsync(".status"));
        Assert.StartsWith("1 alert, 0 not acknowledged yet", await app.TextAsync(".alerts > p"), StringComparison.Ordinal);
        JsonElement alert = (await api.GetAsync($"/api/alerts?scenarioId={id}")).GetProperty("items")[0];
        Assert.NotEqual(JsonValueKind.Null, alert.GetProperty("acknowledgedAt").ValueKind);
        await app.ScreenshotAsync("monitor-acknowledged");
        app.AssertClean();
    }

    [Fact]
    public async Task Monitor_RecordADay_ReplacesItAndRefusesAFutureDayAtItsField()
    {
        using AppApi api = AppApi.InNewWorkspace(fixture.Address);
        (string id, string day, _) = await MonitoredWithAnAlertAsync(api);
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.UseWorkspaceAsync(api.Workspace);
        await app.GoAsync($"#/scenarios/{id}/monitor");
        await app.Page.WaitForSelectorAsync(".alert-list li");

        // A day in the future is refused at the day's field.
        await app.TypeAsync("#usage-date", "2199-01-01");
        await app.TypeAsync("#usage-requests", "1000");
        await app.TypeAsync("#usage-spend", "12.5");
        await app.Page.ClickAsync("form.record-usage button[type=submit]");
        await app.Page.WaitForSelectorAsync("#usage-date-error");
        Assert.StartsWith("Error: Is in the future", await app.TextAsync("#usage-date-error"), StringComparison.Ordinal);
        Assert.Equal("true", await app.AttributeAsync("#usage-date", "aria-invalid"));

        // The same day again, on plan this time: the record replaces the day's, and the screen shows it.
        await app.TypeAsync("#usage-date", day);
        await app.TypeAsync("#usage-spend", "$1,234.50");
        await app.Page.ClickAsync("form.record-usage button[type=submit]");
        await app.Page.WaitForFunctionAsync("() => document.querySelector('.status').textContent.startsWith('Recorded')");

        Assert.Null(await app.AttributeAsync("#usage-date", "aria-invalid"));
        JsonElement recorded = (await api.GetAsync($"/api/scenarios/{id}/monitor?from={day}&to={day}")).GetProperty("days")[0];
        Assert.Equal(1234.5m, recorded.GetProperty("actual").GetDecimal());
        Assert.Equal(1000, recorded.GetProperty("requests").GetInt64());
        app.AssertClean();
    }

    [Fact]
    public async Task SavedScenario_LinksToItsMonitor()
    {
        using AppApi api = AppApi.InNewWorkspace(fixture.Address);
        string id = (await api.PostAsync("/api/scenarios", Samples.SupportTriage())).GetProperty("id").GetString()!;
        await using AppPage app = await AppPage.OpenAsync(fixture, 1280);
        await app.UseWorkspaceAsync(api.Workspace);
        await app.GoAsync($"#/scenarios/{id}");
        await app.WaitForResultsAsync();

        await app.Page.ClickAsync(".screen-links a");
        await app.Page.WaitForSelectorAsync(".monitor-summary");

        Assert.Equal($"#/scenarios/{id}/monitor", await app.Page.EvaluateExpressionAsync<string>("location.hash"));
        Assert.Equal("No alerts for these days.", await app.TextAsync(".alerts > p"));
        Assert.StartsWith("No usage recorded yet;", await app.TextAsync(".monitor-summary dd"), StringComparison.Ordinal);
        Assert.Contains("no usage is recorded for these days yet", await app.AttributeAsync("figure[data-kind=monitor] img", "alt"), StringComparison.Ordinal);
        await CheckAsync(app, "monitor-no-usage");
        app.AssertClean();
    }

    internal static async Task CheckAsync(AppPage app, string screen)
    {
        await app.ScreenshotAsync(screen);
        await app.AssertFitsTheWidthAsync(screen);
        await app.AssertAccessibleAsync(screen);
        await app.AssertNoStrayTextAsync();
    }

    // As the page writes money: $1,234.50 from a dollar up.
    private static string Money(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
