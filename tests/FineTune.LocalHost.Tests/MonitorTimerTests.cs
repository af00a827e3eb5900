using FineTune.Testing.Host;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.LocalHost.Tests;

public sealed class MonitorTimerTests
{
    [Fact]
    public void FunctionsMetadata_MonitorTimer_NamesTheSettingAndDoesNotRunOnStartup()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        JsonElement trigger = metadata.RootElement.EnumerateArray()
            .Single(function => function.GetProperty("name").GetString() == "EvaluateMonitoring")
            .GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%MONITOR_SCHEDULE%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out JsonElement runOnStartup) && runOnStartup.ValueKind == JsonValueKind.True);
    }

    [Theory]
    [InlineData(null, "0 30 0 * * *")]
    [InlineData("0 15 1 * * *", "0 15 1 * * *")]
    public void LocalHost_MonitorTimer_ResolvesTheScheduleFromConfigurationOrTheDefault(string? setting, string expected)
    {
        using var factory = LocalHostFactory.WithoutStorage(setting is null ? null : new Dictionary<string, string?> { ["MONITOR_SCHEDULE"] = setting });
        factory.CreateClient().Dispose();

        TimerFunction timer = Assert.Single(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions, t => t.Name == "EvaluateMonitoring");

        Assert.Equal(expected, timer.Expression);
        Assert.False(timer.RunOnStartup);
    }
}
