using FineTune.Functions.Usage;
using FineTune.Storage;
using FineTune.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

public sealed class MonitorScheduleTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void FromConfiguration_SettingAbsentOrSet_IsDailyAt0030OrTheSetting()
    {
        Assert.Equal("0 30 0 * * *", MonitorSchedule.FromConfiguration(Settings()).Expression);
        Assert.Equal("0 0 6 * * *", MonitorSchedule.FromConfiguration(Settings(("MONITOR_SCHEDULE", "0 0 6 * * *"))).Expression);
        FormatException refused = Assert.Throws<FormatException>(() => MonitorSchedule.FromConfiguration(Settings(("MONITOR_SCHEDULE", "30 0 * * *"))));
        Assert.StartsWith("MONITOR_SCHEDULE", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerFunction_ScheduleFromTheSetting_EvaluatesTheDayBeforeItsSlotOnce()
    {
        // Fired at 00:47 on 21 November, the timer belongs to the 00:30 slot and evaluates 20 November; fired again late in the
        // same slot it does nothing.
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 21, 0, 47, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddFineTuneFunctions(Settings(("AzureWebJobsStorage", azurite.ConnectionString), ("MONITOR_SCHEDULE", "0 30 0 * * *")));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var timer = ActivatorUtilities.CreateInstance<EvaluateMonitoring>(provider);
        MonitorRunStore runs = provider.GetRequiredService<MonitorRunStore>();

        await timer.Run(new TimerInfo(), CancellationToken.None);
        MonitorRun? run = await runs.GetAsync("2026-11-21T00:30:00Z");
        clock.Now = clock.Now.AddMinutes(30);
        MonitorSummary again = await provider.GetRequiredService<MonitorEvaluation>().RunSlotAsync(new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero));

        Assert.NotNull(run);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 47, 0, TimeSpan.Zero), run.CompletedAt);
        Assert.True(again.AlreadyCompleted);
        Assert.Equal(new DateOnly(2026, 11, 20), again.Day);
    }
}
