using FineTune.Testing.Host;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.LocalHost.Tests;

public sealed class RecomputeTimerTests
{
    [Fact]
    public void FunctionsMetadata_RecomputeTimer_NamesTheSettingAndDoesNotRunOnStartup()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        JsonElement trigger = metadata.RootElement.EnumerateArray()
            .Single(function => function.GetProperty("name").GetString() == "RecomputeBenchmarksOnSchedule")
            .GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%BENCHMARK_RECOMPUTE_SCHEDULE%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out JsonElement runOnStartup) && runOnStartup.ValueKind == JsonValueKind.True);
    }

    [Theory]
    [InlineData(null, "0 0 * * * *")]
    [InlineData("0 30 2 * * *", "0 30 2 * * *")]
    public void LocalHost_RecomputeTimer_ResolvesTheScheduleFromConfigurationOrTheDefault(string? setting, string expected)
    {
        using var factory = LocalHostFactory.WithoutStorage(setting is null ? null : new Dictionary<string, string?> { ["BENCHMARK_RECOMPUTE_SCHEDULE"] = setting });
        factory.CreateClient().Dispose();

        TimerFunction timer = Assert.Single(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions,
            function => function.Name == "RecomputeBenchmarksOnSchedule");

        Assert.Equal(expected, timer.Expression);
        Assert.False(timer.RunOnStartup);
    }

    [Fact]
    public void FunctionsMetadata_PriceRefreshTimer_NamesTheSettingAndDoesNotRunOnStartup()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        JsonElement trigger = metadata.RootElement.EnumerateArray()
            .Single(function => function.GetProperty("name").GetString() == "RefreshPricesOnSchedule")
            .GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%PRICE_REFRESH_SCHEDULE%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out JsonElement runOnStartup) && runOnStartup.ValueKind == JsonValueKind.True);
    }

    [Theory]
    [InlineData(null, "0 0 3 * * *")]
    [InlineData("0 30 4 * * 1", "0 30 4 * * 1")]
    public void LocalHost_PriceRefreshTimer_ResolvesTheScheduleFromConfigurationOrTheDefault(string? setting, string expected)
    {
        // Without the setting, the default applies even where local.settings.json would name one.
        var settings = new Dictionary<string, string?> { ["LocalHost:LocalSettings"] = Path.Combine(AppContext.BaseDirectory, "absent.json") };
        if (setting is not null)
        {
            settings["PRICE_REFRESH_SCHEDULE"] = setting;
        }
        using var factory = LocalHostFactory.WithoutStorage(settings);
        factory.CreateClient().Dispose();

        TimerFunction timer = Assert.Single(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions,
            function => function.Name == "RefreshPricesOnSchedule");

        Assert.Equal(expected, timer.Expression);
        Assert.False(timer.RunOnStartup);
    }
}
