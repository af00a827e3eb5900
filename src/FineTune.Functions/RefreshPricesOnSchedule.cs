using FineTune.Functions.Prices;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>Timer <c>%PRICE_REFRESH_SCHEDULE%</c> (default daily at 03:00 UTC): the price refresh, once per schedule slot.</summary>
public sealed class RefreshPricesOnSchedule(PriceRefresh refresh, PriceRefreshOptions options, TimeProvider timeProvider)
{
    /// <summary>
    /// Runs the slot this firing belongs to. A repeated or past-due firing of a completed slot does nothing. A failed run
    /// leaves the catalog as it was and fails the invocation, so the host records and alerts on it.
    /// </summary>
    [Function(nameof(RefreshPricesOnSchedule))]
    public async Task Run(
        [TimerTrigger("%PRICE_REFRESH_SCHEDULE%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        PriceRefreshSummary summary = await refresh.RunSlotAsync(options.Schedule.SlotAt(timeProvider.GetUtcNow()), cancellationToken);
        if (summary.Status == PriceRefreshStatus.Failed)
        {
            throw new InvalidOperationException($"Price refresh {summary.RunId} failed: {summary.Error}");
        }
    }
}
