using System.Globalization;
using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Reference;

/// <summary>The benchmark bands and the price catalog as one instance holds them, with their versions.</summary>
/// <param name="BenchmarkVersion">The bands' version; 1 is the shipped seed.</param>
/// <param name="PriceVersion">The catalog's version; 1 is the shipped seed.</param>
public sealed record ReferenceSnapshot(long BenchmarkVersion, IReadOnlyList<BenchmarkBand> Bands, long PriceVersion, PriceCatalog Prices)
{
    /// <summary>What the app ships: the seed bands and the seed prices, version 1 each, as storage is first seeded.</summary>
    public static ReferenceSnapshot Shipped { get; } = new(1, BenchmarkBands.Seed, 1, PriceSeed.Catalog);

    /// <summary>The versions, as an analysis reports them.</summary>
    public AnalysisReference Reference => new(BenchmarkVersion, PriceVersion);

    /// <summary>
    /// The scenario priced from this snapshot's catalog as of its <c>pricesAsOf</c>, else today (UTC) by
    /// <paramref name="timeProvider"/>: what every analysis of the API runs on (economics.md section 8).
    /// </summary>
    public PriceResolution Price(Scenario scenario, TimeProvider timeProvider) =>
        ScenarioPrices.Resolve(scenario, Prices, ModelRequests.Today(timeProvider));

    /// <summary>
    /// The analysis of a scenario this snapshot priced, with this snapshot's bands and the optional <paramref name="sections"/>,
    /// naming both versions.
    /// </summary>
    public Analysis Analyze(PricedScenario priced, AnalysisSections sections = AnalysisSections.None) =>
        Analyzer.Analyze(priced, Bands, sections) with { Reference = Reference };
}

/// <summary>How often an instance looks for new reference data, and how long a request waits for the look.</summary>
public sealed record ReferenceDataOptions
{
    /// <summary>The setting of <see cref="RefreshInterval"/>, in seconds.</summary>
    public const string RefreshSecondsSetting = "ReferenceData:RefreshSeconds";

    /// <summary>Seconds between looks when the setting is absent.</summary>
    public const int DefaultRefreshSeconds = 60;

    /// <summary>The longest setting accepted: a day.</summary>
    public const int MaxRefreshSeconds = 86_400;

    /// <summary>At most one look at the stored versions per this long; 0 looks on every use.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(DefaultRefreshSeconds);

    /// <summary>How long a request waits for the first load of an instance before it goes on with the shipped data.</summary>
    public TimeSpan FirstLoadWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a request waits for a later look before it goes on with the data it has; the look goes on.</summary>
    public TimeSpan CheckWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The options in <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is not a whole number of seconds from 0 to a day.</exception>
    public static ReferenceDataOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[RefreshSecondsSetting] is not { Length: > 0 } text)
        {
            return new ReferenceDataOptions();
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds <= MaxRefreshSeconds
            ? new ReferenceDataOptions { RefreshInterval = TimeSpan.FromSeconds(seconds) }
            : throw new InvalidOperationException($"{RefreshSecondsSetting} '{text}' is not a whole number of seconds from 0 to {MaxRefreshSeconds}.");
    }
}

/// <summary>
/// The one snapshot of benchmark bands and prices that every analysis of this instance reads, so that the analysis of
/// a body and of a stored scenario place the same figures in the same tiers. The instance looks at the stored versions
/// at most once per <see cref="ReferenceDataOptions.RefreshInterval"/> (one point read each) and loads only what
/// changed; a write made by this instance is used at once (<see cref="RefreshNowAsync"/>). While storage cannot be
/// read, the last snapshot serves, or before any the shipped seed.
/// </summary>
public sealed class ReferenceData(
    BenchmarkBandStore bands, PriceCatalogStore prices, TimeProvider timeProvider, ReferenceDataOptions options, ILogger<ReferenceData> logger)
{
    private readonly Lock sync = new();
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile ReferenceSnapshot current = ReferenceSnapshot.Shipped;
    private volatile bool loaded;
    private long nextCheckTicks = long.MinValue;
    private Task? checking;

    /// <summary>The snapshot as it stands, without looking at storage.</summary>
    public ReferenceSnapshot Current => current;

    /// <summary>
    /// The snapshot, after a look at storage when one is due. A request that starts a look waits for it a moment
    /// (<see cref="ReferenceDataOptions.CheckWait"/>, or <see cref="ReferenceDataOptions.FirstLoadWait"/> before the
    /// first load); otherwise it is answered from memory.
    /// </summary>
    public async ValueTask<ReferenceSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        long now = timeProvider.GetUtcNow().UtcTicks;
        if (loaded && now < Interlocked.Read(ref nextCheckTicks))
        {
            return current;
        }
        Task? look;
        lock (sync)
        {
            if (now >= nextCheckTicks)
            {
                nextCheckTicks = now + options.RefreshInterval.Ticks;
                checking = Task.Run(CheckAsync, CancellationToken.None);
                look = checking;
            }
            else
            {
                // Before the first load, a request waits for the look another request started.
                look = loaded ? null : checking;
            }
        }
        if (look is not null)
        {
            try
            {
                await look.WaitAsync(loaded ? options.CheckWait : options.FirstLoadWait, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Storage answers slowly: go on with what is in memory; the look completes in the background.
            }
        }
        return current;
    }

    /// <summary>
    /// Looks at storage now and loads what changed, for an instance that has just written bands or prices. Storage
    /// being unreachable leaves the snapshot as it was.
    /// </summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        lock (sync)
        {
            nextCheckTicks = timeProvider.GetUtcNow().UtcTicks + options.RefreshInterval.Ticks;
        }
    }

    private Task CheckAsync() => LoadAsync(CancellationToken.None);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            ReferenceSnapshot before = current;
            Task<long> bandVersion = bands.GetVersionAsync(cancellationToken);
            Task<long> priceVersion = prices.GetVersionAsync(cancellationToken);
            await Task.WhenAll(bandVersion, priceVersion);
            (long benchmarkVersion, IReadOnlyList<BenchmarkBand> bandList) = (before.BenchmarkVersion, before.Bands);
            if (!loaded || await bandVersion != before.BenchmarkVersion)
            {
                BenchmarkBandSet set = await bands.GetAsync(cancellationToken);
                (benchmarkVersion, bandList) = (set.Version, set.Bands);
            }
            (long priceVersionNow, PriceCatalog catalog) = (before.PriceVersion, before.Prices);
            if (!loaded || await priceVersion != before.PriceVersion)
            {
                PriceCatalogSet set = await prices.GetAsync(cancellationToken);
                (priceVersionNow, catalog) = (set.Version, set.Catalog);
            }
            current = new ReferenceSnapshot(benchmarkVersion, bandList, priceVersionNow, catalog);
            if (!loaded || benchmarkVersion != before.BenchmarkVersion || priceVersionNow != before.PriceVersion)
            {
                ReferenceDataLog.Loaded(logger, benchmarkVersion, priceVersionNow, catalog.Count);
            }
            loaded = true;
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, cancellationToken))
        {
            ReferenceDataLog.Unavailable(logger, current.BenchmarkVersion, current.PriceVersion, e.Message);
        }
        finally
        {
            loading.Release();
        }
    }
}

/// <summary>The reference data's log lines.</summary>
internal static partial class ReferenceDataLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reference data loaded: benchmark bands version {BenchmarkVersion}, prices version {PriceVersion} ({Entries} entries)")]
    public static partial void Loaded(ILogger logger, long benchmarkVersion, long priceVersion, int entries);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Reference data could not be read; analyses go on with benchmark bands version {BenchmarkVersion} and prices version {PriceVersion}: {Error}")]
    public static partial void Unavailable(ILogger logger, long benchmarkVersion, long priceVersion, string error);
}
