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

        TimerFunction timer = Assert.Single(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions, t => t.Name == "RecomputeBenchmarksOnSchedule");

        Assert.Equal("RecomputeBenchmarksOnSchedule", timer.Name);
        Assert.Equal(expected, timer.Expression);
        Assert.False(timer.RunOnStartup);
    }
}
