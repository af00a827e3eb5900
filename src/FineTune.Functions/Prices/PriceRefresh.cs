using System.Globalization;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Prices;

/// <summary>
/// The price refresh, for the timer and the manual request alike: reads every page of the Azure Retail Prices API for
/// the region, maps each meter through <see cref="MeterMap"/>, and writes a new catalog version for each entry whose
/// rates changed. All or nothing: a page that fails leaves the catalog as it was. A timer run is idempotent per schedule
/// slot through its run record, kept as the benchmark recompute keeps its own, in a table of its own.
/// </summary>
public sealed class PriceRefresh(
    IHttpClientFactory httpClients,
    TableServiceClient service,
    PriceCatalogStore catalog,
    ReferenceData reference,
    TimeProvider timeProvider,
    PriceRefreshOptions options,
    ILogger<PriceRefresh> logger)
{
    /// <summary>The named <see cref="HttpClient"/> of the Retail Prices API.</summary>
    public const string HttpClientName = "RetailPrices";

    /// <summary>The table of the scheduled runs' records.</summary>
    public const string RunsTableName = "pricerefreshruns";

    private readonly RecomputeRunStore runs = new(service, RunsTableName);

    /// <summary>Runs the slot of the schedule, unless a run of it completed or is alive elsewhere.</summary>
    public async Task<PriceRefreshSummary> RunSlotAsync(DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        string id = RecomputeRunStore.SlotId(slot);
        long started = timeProvider.GetTimestamp();
        RecomputeClaim claim = await runs.ClaimAsync(RecomputeTrigger.Schedule, id, timeProvider.GetUtcNow(), options.Lease, cancellationToken);
        if (!claim.Holds)
        {
            PriceRefreshStatus status = claim.Status == RecomputeClaimStatus.AlreadyCompleted ? PriceRefreshStatus.AlreadyCompleted : PriceRefreshStatus.Busy;
            PriceRefreshLog.Skipped(logger, id, status);
            return new PriceRefreshSummary(id, status, 0, 0, 0, 0, 0, 0, 0, null, [], Elapsed(started), null);
        }
        PriceRefreshSummary summary;
        try
        {
            summary = await RunAsync(id, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: give the slot back, so its next firing runs it at once.
            await runs.SaveAsync(claim.Run with { LeaseUntil = timeProvider.GetUtcNow() }, CancellationToken.None);
            throw;
        }
        RecomputeRun run = summary.Status == PriceRefreshStatus.Completed
            ? claim.Run with { Phase = RecomputePhase.Done, CompletedAt = timeProvider.GetUtcNow() }
            // A failed slot gives its lease back, so a later firing of the same slot may try again.
            : claim.Run with { LeaseUntil = timeProvider.GetUtcNow() };
        await runs.SaveAsync(run, CancellationToken.None);
        return summary;
    }

    /// <summary>Runs now, whatever ran before.</summary>
    public Task<PriceRefreshSummary> RunManualAsync(CancellationToken cancellationToken = default) =>
        RunAsync(string.Create(CultureInfo.InvariantCulture, $"{RecomputeRunStore.SlotId(timeProvider.GetUtcNow())}-{Guid.NewGuid():N}"),
            cancellationToken);

    private async Task<PriceRefreshSummary> RunAsync(string runId, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        var client = new RetailPricesClient(httpClients.CreateClient(HttpClientName), options, timeProvider, logger);
        PriceRefreshLog.Started(logger, runId, client.FirstPage);
        RetailPriceRead read;
        try
        {
            read = await client.ReadAllAsync(cancellationToken);
        }
        catch (RetailPricesException e)
        {
            PriceRefreshLog.Failed(logger, runId, client.PagesRead, e.Message);
            return new PriceRefreshSummary(runId, PriceRefreshStatus.Failed, client.PagesRead, 0, 0, 0, 0, 0, 0, null, [], Elapsed(started), e.Message);
        }
        if (read.Items.Count == 0)
        {
            PriceRefreshLog.NothingRead(logger, runId);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        (RetailPriceItem Item, MeterReading Reading)[] readings = [.. read.Items.Select(item => (item, MeterMap.Read(item)))];
        string source = string.Create(CultureInfo.InvariantCulture,
            $"Azure Retail Prices API ({options.RetailPricesUrl.GetLeftPart(UriPartial.Path)}), {options.Region}, Consumption, retrieved {now:yyyy-MM-dd}");
        ObservedRates observed = MeterAggregation.Observe(readings, source, now, DateOnly.FromDateTime(now.UtcDateTime));
        List<(RetailPriceItem Item, string Reason)> unmapped =
        [
            .. readings.Where(pair => pair.Reading.Outcome == MeterOutcome.Unmapped).Select(pair => (pair.Item, pair.Reading.Reason!)),
            .. observed.Conflicts,
        ];
        PriceApplyResult applied = await catalog.ApplyAsync(observed.Prices, cancellationToken);
        if (applied.Plan.Changed > 0)
        {
            await reference.RefreshNowAsync(cancellationToken);
        }

        var summary = new PriceRefreshSummary(
            runId, PriceRefreshStatus.Completed, read.Pages, read.Items.Count,
            readings.Count(pair => pair.Reading.Outcome == MeterOutcome.Skipped),
            readings.Count(pair => pair.Reading.Outcome == MeterOutcome.Mapped) - observed.Conflicts.Count,
            unmapped.Count, applied.Plan.Changed, applied.Plan.Unchanged, applied.CatalogVersion,
            Names(unmapped), Elapsed(started), null);
        PriceRefreshLog.Completed(logger, runId, summary.PagesRead, summary.ItemsRead, summary.Skipped, summary.Mapped, summary.Unmapped,
            summary.Changed, summary.Unchanged, applied.CatalogVersion, summary.DurationMilliseconds);
        if (unmapped.Count > 0)
        {
            PriceRefreshLog.Unmapped(logger, runId, unmapped.Count, string.Join("; ", summary.UnmappedMeters));
        }
        return summary;
    }

    // Distinct names by product and meter, with the reason, at most the limit.
    private IReadOnlyList<string> Names(List<(RetailPriceItem Item, string Reason)> unmapped) =>
        unmapped
            .Select(pair => $"{pair.Item.ProductName}: {pair.Item.MeterName} ({pair.Reason})")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(options.UnmappedListLimit)
            .ToList();

    private long Elapsed(long started) => (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
