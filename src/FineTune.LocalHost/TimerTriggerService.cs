using Microsoft.Azure.Functions.Worker;

namespace FineTune.LocalHost;

/// <summary>Fires every timer function on its NCRONTAB schedule, in UTC as the Functions host does by default.</summary>
internal sealed partial class TimerTriggerService(
    LocalFunctionApp functions, IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<TimerTriggerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.TimerFunctions.Select(function => RunScheduleAsync(function, stoppingToken)));

    private async Task RunScheduleAsync(TimerFunction function, CancellationToken stoppingToken)
    {
        DateTime last = timeProvider.GetUtcNow().UtcDateTime;
        if (function.RunOnStartup)
        {
            await FireAsync(function, last, function.Schedule.GetNextOccurrence(last), stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime now = timeProvider.GetUtcNow().UtcDateTime;
            DateTime next = function.Schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(next - now, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await FireAsync(function, last, function.Schedule.GetNextOccurrence(next), stoppingToken);
            last = next;
        }
    }

    private async Task FireAsync(TimerFunction function, DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var timer = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = timeProvider.GetUtcNow().UtcDateTime },
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
