using FineTune.Functions.Recompute;
using FineTune.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

public sealed class RecomputeScheduleTests
{
    public static TheoryData<string, string, string> Slots => new()
    {
        { "0 0 * * * *", "2025-03-14T10:17:03Z", "2025-03-14T10:00:00Z" },
        { "0 0 * * * *", "2025-03-14T10:00:00Z", "2025-03-14T10:00:00Z" },
        // A timer that wakes a hair early still belongs to the occurrence it was set for.
        { "0 0 * * * *", "2025-03-14T09:59:59.8Z", "2025-03-14T10:00:00Z" },
        { "0 */15 * * * *", "2025-03-14T10:29:59Z", "2025-03-14T10:15:00Z" },
        { "* * * * * *", "2025-03-14T10:00:01Z", "2025-03-14T10:00:01Z" },
        { "0 0 0 1 1 *", "2025-03-14T10:00:00Z", "2025-01-01T00:00:00Z" },
        { "0 0 0 29 2 *", "2025-03-14T10:00:00Z", "2024-02-29T00:00:00Z" },
    };

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [MemberData(nameof(Slots))]
    public void SlotAt_FiringTime_IsTheLatestOccurrenceAtOrBeforeIt(string expression, string now, string slot) =>
        Assert.Equal(DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture),
            RecomputeSchedule.Parse(expression).SlotAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FromConfiguration_SettingAbsentOrSet_IsHourlyOrTheSetting()
    {
        Assert.Equal("0 0 * * * *", RecomputeSchedule.FromConfiguration(Settings()).Expression);
        Assert.Equal("0 30 2 * * *", RecomputeSchedule.FromConfiguration(Settings(("BENCHMARK_RECOMPUTE_SCHEDULE", "0 30 2 * * *"))).Expression);
        Assert.Throws<FormatException>(() => RecomputeSchedule.FromConfiguration(Settings(("BENCHMARK_RECOMPUTE_SCHEDULE", "0 0 * * *"))));
    }

    [Fact]
    public async Task TimerFunction_ScheduleFromTheSetting_RunsEachSlotOnce()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 1, perWorkspace: 1);
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 14, 10, 17, 3, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddFineTuneFunctions(Settings(("AzureWebJobsStorage", harness.ConnectionString), ("BENCHMARK_RECOMPUTE_SCHEDULE", "0 */15 * * * *")));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var timer = ActivatorUtilities.CreateInstance<RecomputeBenchmarksOnSchedule>(provider);

        await timer.Run(new TimerInfo(), CancellationToken.None);
        clock.Now = clock.Now.AddMinutes(12);
        await timer.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);
        RecomputeRun? quarterPast = await harness.Runs.GetAsync(RecomputeTrigger.Schedule, "2025-03-14T10:15:00Z");
        clock.Now = clock.Now.AddMinutes(2);
        await timer.Run(new TimerInfo(), CancellationToken.None);
        RecomputeRun? halfPast = await harness.Runs.GetAsync(RecomputeTrigger.Schedule, "2025-03-14T10:30:00Z");

        Assert.Equal((RecomputePhase.Done, 1, 1), (quarterPast!.Phase, quarterPast.Attempts, quarterPast.Counts.ComparisonsWritten));
        Assert.Equal(RecomputePhase.Done, halfPast!.Phase);
    }
}
