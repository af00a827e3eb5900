using System.Globalization;
using System.Threading.Channels;
using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Recompute;

/// <summary>
/// The benchmark recompute (economics.md section 6), for the timer and the manual request alike. It scans every
/// scenario of every workspace a page at a time, analyses each once, publishes the peer statistics that meet the
/// publication rule, then writes every scenario's comparison in transactions per workspace. A scenario that names a model
/// is priced from the catalog as every analysis is (its <c>pricesAsOf</c>, else the run's day); one the catalog cannot
/// price is skipped and counted with the invalid rows.
/// </summary>
/// <remarks>
/// Memory: the scan keeps about 100 bytes per scenario (its metric values, workspace index, id and version read), which
/// the peer statistics need nearly all of anyway; the write pass works from them, so no scenario is read or analysed
/// twice. A timer run is idempotent per schedule slot through its run record; an interrupted run leaves a checkpoint
/// (the last comparison known written) and the next run of the slot scans again and writes only the rest.
/// </remarks>
public sealed class BenchmarkRecompute(
    ScenarioStore scenarios,
    BenchmarkBandStore bandStore,
    ComparisonStore comparisons,
    PeerStatisticsStore peerStore,
    RecomputeRunStore runs,
    ReferenceData reference,
    TimeProvider timeProvider,
    RecomputeOptions options,
    ILogger<BenchmarkRecompute> logger)
{
    /// <summary>Runs the slot of a schedule, unless a run of it completed or is alive elsewhere; resumes it when interrupted.</summary>
    public Task<RecomputeSummary> RunSlotAsync(
        DateTimeOffset slot, IProgress<RecomputeProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(RecomputeTrigger.Schedule, RecomputeRunStore.SlotId(slot), progress, cancellationToken);

    /// <summary>Runs now, whatever ran before.</summary>
    public Task<RecomputeSummary> RunManualAsync(IProgress<RecomputeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"{RecomputeRunStore.SlotId(timeProvider.GetUtcNow())}-{Guid.NewGuid():N}");
        return RunAsync(RecomputeTrigger.Manual, id, progress, cancellationToken);
    }

    private async Task<RecomputeSummary> RunAsync(
        RecomputeTrigger trigger, string id, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        RecomputeClaim claim = await runs.ClaimAsync(trigger, id, timeProvider.GetUtcNow(), options.Lease, cancellationToken);
        if (!claim.Holds)
        {
            RecomputeLog.Skipped(logger, id, trigger, claim.Status);
            return Summary(claim.Status, claim.Run, 0, 0, started);
        }
        var run = new RunRecord(runs, claim.Run, timeProvider, options);
        try
        {
            (int written, int alreadyWritten) = await ExecuteAsync(run, claim.Status, progress, cancellationToken);
            RecomputeSummary summary = Summary(claim.Status, run.Current, written, alreadyWritten, started);
            RecomputeLog.Completed(logger, id, summary.Scenarios, summary.Workspaces, summary.PeerRowsPublished, written,
                alreadyWritten, summary.DurationMilliseconds);
            return summary;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await run.ReleaseAsync(CancellationToken.None);
            RecomputeLog.Interrupted(logger, id, run.Current.Phase);
            throw;
        }
    }

    private async Task<(int Written, int AlreadyWritten)> ExecuteAsync(
        RunRecord run, RecomputeClaimStatus status, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        BenchmarkBandSet bands = await bandStore.GetAsync(cancellationToken);
        // The catalog as it stands now, read through the instance's reference data like every analysis's.
        await reference.RefreshNowAsync(cancellationToken);
        ReferenceSnapshot prices = reference.Current;
        var pricing = new RecomputePricing(prices.Prices, ModelRequests.Today(timeProvider));
        DateTimeOffset now = timeProvider.GetUtcNow();
        DateTimeOffset computedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        RecomputeLog.Started(logger, run.Current.Id, run.Current.Trigger, status, run.Current.Attempts, bands.Version, prices.PriceVersion);
        int? expected = (await runs.GetLastCompletedAsync(cancellationToken))?.Counts.Scenarios;

        ScanResult scan = await ScanAsync(run, bands.Bands, pricing, expected, progress, cancellationToken);
        await run.SaveAsync(r => r with
        {
            Phase = RecomputePhase.Publish,
            Counts = r.Counts with
            {
                ComputedAt = computedAt, BenchmarkVersion = bands.Version, PriceVersion = prices.PriceVersion,
                Scenarios = scan.Count, InvalidScenarios = scan.Invalid, Workspaces = scan.WorkspaceCount,
            },
        }, cancellationToken);
        var peers = PeerIndex.Build(scan);
        await peerStore.PublishAsync(computedAt, peers.Published, cancellationToken);
        await run.SaveAsync(r => r with
        {
            Phase = RecomputePhase.Write, Counts = r.Counts with { PeerRowsPublished = peers.Published.Count },
        }, cancellationToken);

        scan.SortForWriting();
        var batches = new ComparisonBatches(scan, peers, bands, prices.PriceVersion, computedAt, run.Current.Checkpoint);
        int written = await WriteAsync(run, batches, scan.Count, progress, cancellationToken);
        await run.SaveAsync(r => r with { Phase = RecomputePhase.Done, CompletedAt = timeProvider.GetUtcNow() }, cancellationToken);
        return (written, batches.AlreadyWritten);
    }

    private async Task<ScanResult> ScanAsync(
        RunRecord run, IReadOnlyList<BenchmarkBand> bands, RecomputePricing pricing, int? expected, IProgress<RecomputeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var scan = new ScanResult();
        var meter = new ProgressMeter(run.Current.Id, RecomputePhase.Scan, expected, timeProvider, options, logger, progress);
        // One page is read ahead while the one before is analysed.
        var pages = Channel.CreateBounded<ScannedPage>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var readAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task reader = ReadPagesAsync(pages.Writer, readAhead.Token);
        try
        {
            await foreach (ScannedPage page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                AddPage(scan, run.Current.Id, page.Items, AnalysePage(page.Items, bands, pricing, cancellationToken), pricing);
                meter.Advance(page.Items.Count);
                if (run.RenewalDue)
                {
                    await run.SaveAsync(r => r with { Phase = RecomputePhase.Scan }, cancellationToken);
                }
            }
            await reader;
        }
        finally
        {
            await readAhead.CancelAsync();
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return scan;
    }

    private async Task ReadPagesAsync(ChannelWriter<ScannedPage> writer, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (ScannedPage page in scenarios.ScanAllAsync(options.PageSize, cancellationToken))
            {
                await writer.WriteAsync(page, cancellationToken);
            }
        }
        finally
        {
            // A failed read ends the pages early; the scan then awaits this task and sees why.
            writer.Complete();
        }
    }

    private ScenarioMetrics?[] AnalysePage(
        IReadOnlyList<ScannedScenario> items, IReadOnlyList<BenchmarkBand> bands, RecomputePricing pricing, CancellationToken cancellationToken)
    {
        var metrics = new ScenarioMetrics?[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.AnalysisParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, items.Count, parallel, i =>
        {
            ScenarioParseResult parsed = items[i].Parse();
            if (parsed.IsValid && ScenarioStore.IsWellFormedId(items[i].Id) && pricing.Price(parsed.Scenario!) is { IsValid: true } priced)
            {
                metrics[i] = ScenarioMetrics.Of(priced.Priced.Scenario, Analyzer.Analyze(priced.Priced, bands));
            }
        });
        return metrics;
    }

    private void AddPage(ScanResult scan, string runId, IReadOnlyList<ScannedScenario> items, ScenarioMetrics?[] metrics, RecomputePricing pricing)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (metrics[i] is null)
            {
                RecomputeLog.InvalidScenario(logger, runId, items[i].Workspace, items[i].Id, Refusal(items[i], pricing));
            }
            scan.Add(items[i].Workspace, items[i].Id, items[i].UpdatedAt, metrics[i]);
        }
    }

    // What a skipped row breaks: today's rules, or the catalog's prices. Such rows are rare, so it is read again rather
    // than kept from the analysis.
    private static string Refusal(ScannedScenario item, RecomputePricing pricing)
    {
        if (!ScenarioStore.IsWellFormedId(item.Id))
        {
            return "an id the store does not make";
        }
        ScenarioParseResult parsed = item.Parse();
        return string.Join(", ", parsed.IsValid ? pricing.Price(parsed.Scenario!).Errors.Keys : parsed.Errors.Keys);
    }

    private async Task<int> WriteAsync(
        RunRecord run, ComparisonBatches batches, int total, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        var meter = new ProgressMeter(run.Current.Id, RecomputePhase.Write, total, timeProvider, options, logger, progress);
        await using var window = new WriteWindow(comparisons, run, batches, meter, options.ConcurrentWrites, cancellationToken);
        foreach (List<StoredComparison> batch in batches.Enumerate())
        {
            await window.AddAsync(batch);
        }
        await window.DrainAsync();
        return window.Written;
    }

    private RecomputeSummary Summary(RecomputeClaimStatus status, RecomputeRun run, int written, int alreadyWritten, long started)
    {
        TimeSpan elapsed = timeProvider.GetElapsedTime(started);
        // A summary of a run this request held is written only once the run is done.
        RecomputeStatus outcome = status switch
        {
            RecomputeClaimStatus.Started or RecomputeClaimStatus.Resumed => RecomputeStatus.Completed,
            RecomputeClaimStatus.AlreadyCompleted => RecomputeStatus.AlreadyCompleted,
            RecomputeClaimStatus.Busy => RecomputeStatus.Busy,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a claim status."),
        };
        RecomputeCounts counts = outcome == RecomputeStatus.Completed ? run.Counts : RecomputeCounts.None;
        decimal rate = elapsed > TimeSpan.Zero ? Math.Round((decimal)(counts.Scenarios / elapsed.TotalSeconds), 1) : 0m;
        return new RecomputeSummary(run.Id, run.Trigger, outcome, status == RecomputeClaimStatus.Resumed, run.Attempts,
            counts.ComputedAt, counts.BenchmarkVersion, counts.PriceVersion, counts.Scenarios, counts.InvalidScenarios, counts.Workspaces,
            counts.PeerRowsPublished, written, alreadyWritten, (long)elapsed.TotalMilliseconds, rate);
    }
}

/// <summary>How the recompute prices the scenarios it scans: one catalog and one day for the whole run.</summary>
/// <param name="Today">The run's day (UTC), for a scenario without <c>pricesAsOf</c>.</param>
internal sealed record RecomputePricing(PriceCatalog Catalog, DateOnly Today)
{
    /// <summary>The scenario priced as every analysis prices it.</summary>
    public PriceResolution Price(Scenario scenario) => ScenarioPrices.Resolve(scenario, Catalog, Today);
}
