using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.LocalHost.Tests;

/// <summary>The local host's timer loop against a clock the test moves and timers the test fires.</summary>
public sealed class TimerTriggerServiceTests
{
    private static readonly DateTime NewYear = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task<(TimerTriggerService Service, ServiceProvider Services)> StartAsync(
        string schedule, TimeProvider clock, TimerSignal signal)
    {
        var function = new FunctionMetadata(
            "Tick", typeof(SampleFunctions).Assembly.GetName().Name + ".dll", $"{typeof(SampleFunctions).FullName}.{nameof(SampleFunctions.Tick)}",
            [new BindingMetadata("timer", "timerTrigger", "In", null, null, null, schedule, false)]);
        LocalFunctionApp app = LocalFunctionApp.Create([function], "api", new ConfigurationBuilder().Build());
        ServiceProvider services = new ServiceCollection().AddSingleton(signal).BuildServiceProvider();
        var service = new TimerTriggerService(app, services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<TimerTriggerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        return (service, services);
    }

    [Fact]
    public async Task Hourly_EveryWaitWakesAMillisecondEarly_FiresEachSlotOnce()
    {
        var clock = new ManualClock(NewYear.AddMinutes(30));
        var signal = new TimerSignal();
        (TimerTriggerService service, ServiceProvider services) = await StartAsync("0 0 * * * *", clock, signal);

        foreach (DateTime slot in (DateTime[])[NewYear.AddHours(1), NewYear.AddHours(2)])
        {
            ManualTimer early = await clock.NextTimerAsync();
            clock.Now = slot.AddMilliseconds(-1);
            early.Fire();
            ManualTimer onTime = await clock.NextTimerAsync();
            clock.Now = slot;
            onTime.Fire();
        }
        await clock.NextTimerAsync();
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        await services.DisposeAsync();

        Assert.Equal([NewYear.AddMinutes(30), NewYear.AddHours(1)], signal.Firings.Select(timer => timer.ScheduleStatus!.Last));
        Assert.Equal([NewYear.AddHours(2), NewYear.AddHours(3)], signal.Firings.Select(timer => timer.ScheduleStatus!.Next));
    }

    [Fact]
    public async Task Yearly_SlotMonthsAway_WaitsADayAtATimeAndFiresOnce()
    {
        // 364 days ahead: more than Task.Delay takes in one wait (about 49.7 days).
        DateTime start = NewYear.AddDays(1);
        var clock = new ManualClock(start);
        var signal = new TimerSignal();
        (TimerTriggerService service, ServiceProvider services) = await StartAsync("0 0 0 1 1 *", clock, signal);

        for (int day = 0; day < 364; day++)
        {
            ManualTimer timer = await clock.NextTimerAsync();
            Assert.Equal(TimeSpan.FromDays(1), timer.DueTime);
            Assert.Empty(signal.Firings);
            clock.Now += timer.DueTime;
            timer.Fire();
        }
        await clock.NextTimerAsync();
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        await services.DisposeAsync();

        TimerInfo fired = Assert.Single(signal.Firings);
        Assert.Equal(start, fired.ScheduleStatus!.Last);
        Assert.Equal(NewYear.AddYears(2), fired.ScheduleStatus.Next);
    }
}
