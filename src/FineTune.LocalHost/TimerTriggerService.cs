using Microsoft.Azure.Functions.Worker;

namespace FineTune.LocalHost;

/// <summary>Fires every timer function on its NCRONTAB schedule, in UTC as the Functions host does by default.</summary>
internal sealed partial class TimerTriggerService(
    LocalFunctionApp functions, IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<TimerTriggerService> logger) : BackgroundService
{
    // Task.Delay takes at most about 49.7 days; a day at a time also notices a clock that was set back or forward.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.TimerFunctions.Select(function => RunScheduleAsync(function, stoppingToken)));

    private async Task RunScheduleAsync(TimerFunction function, CancellationToken stoppingToken)
    {
        DateTime last = Now();
        if (function.RunOnStartup)
        {
            await FireAsync(function, last, function.Schedule.GetNextOccurrence(last), stoppingToken);
        }
        DateTime slot = function.Schedule.GetNextOccurrence(Now());
        while (await WaitUntilAsync(slot, stoppingToken))
        {
            await FireAsync(function, last, function.Schedule.GetNextOccurrence(slot), stoppingToken);
            last = slot;
            // After the later of the clock and the slot just fired: each slot fires once, however early a wait woke,
            // and slots that a long run overran are skipped rather than fired back to back.
            DateTime now = Now();
            slot = function.Schedule.GetNextOccurrence(now > slot ? now : slot);
        }
    }

    // Waits until the clock reads at least slot, a day or less at a time; false when the host is stopping.
    private async Task<bool> WaitUntilAsync(DateTime slot, CancellationToken stoppingToken)
    {
        for (TimeSpan remaining = slot - Now(); remaining > TimeSpan.Zero; remaining = slot - Now())
        {
            try
            {
                await Task.Delay(remaining < LongestWait ? remaining : LongestWait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
        }
        return !stoppingToken.IsCancellationRequested;
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private async Task FireAsync(TimerFunction function, DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var timer = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = Now() },
        };
        LogFiring(function.Name, function.Expression);
        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        try
        {
            await function.Invoke(scope.ServiceProvider, timer, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // As under the Functions host, a failed run is reported and the schedule goes on to its next occurrence.
            LogFailed(e, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} firing ({Schedule})")]
    private partial void LogFiring(string function, string schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed")]
    private partial void LogFailed(Exception exception, string function);
}
