using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.Recompute.Performance;

/// <summary>One measurement, as a child process prints it.</summary>
internal sealed record Measurement(
    string Kind, int Scenarios, double Seconds, double ReadSeconds, double WriteSeconds, double AnalysisCpuSeconds,
    long PeakWorkingSetBytes, long PeakManagedBytes, long PeakGcHeapBytes);

/// <summary>The two things measured: the floor (raw read of every scenario, raw batch writes of as many rows) and the job.</summary>
internal static class Measurements
{
    public static async Task<Measurement> FloorAsync(TableServiceClient service, int concurrentWrites, CancellationToken cancellationToken = default)
    {
        using var memory = MemorySampler.Start();
        var total = Stopwatch.StartNew();
        var keys = new List<(string Partition, string Row)>();
        await foreach (Page<TableEntity> page in service.GetTableClient(ScenarioStore.TableName)
            .QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1000))
        {
            keys.AddRange(page.Values.Select(entity => (entity.PartitionKey, entity.RowKey)));
        }
        double read = total.Elapsed.TotalSeconds;
        TableClient table = service.GetTableClient("floorcomparisons");
        await table.CreateIfNotExistsAsync(cancellationToken);
        string metrics = ComparisonLikeMetrics();
        var batches = keys.Chunk(ComparisonStore.MaxBatchSize).SelectMany(chunk => chunk.GroupBy(key => key.Partition))
            .Select(group => group.Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(key.Partition, key.Row)
            {
                ["ComputedAt"] = DateTimeOffset.UtcNow, ["BenchmarkVersion"] = 1L, ["ScenarioUpdatedAt"] = DateTimeOffset.UtcNow, ["Metrics"] = metrics,
            })).ToList());
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = concurrentWrites, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(batch, token));
        return memory.Finish("floor", keys.Count, total.Elapsed.TotalSeconds, read, total.Elapsed.TotalSeconds - read, 0);
    }

    public static async Task<Measurement> JobAsync(TableServiceClient service, CancellationToken cancellationToken = default)
    {
        using var memory = MemorySampler.Start();
        TimeProvider time = TimeProvider.System;
        var bands = new BenchmarkBandStore(service, time);
        var reference = new ReferenceData(bands, new PriceCatalogStore(service, time), time, new ReferenceDataOptions(), NullLogger<ReferenceData>.Instance);
        var job = new BenchmarkRecompute(new ScenarioStore(service, time), bands, new ComparisonStore(service),
            new PeerStatisticsStore(service), new RecomputeRunStore(service), reference, time, new RecomputeOptions(),
            NullLogger<BenchmarkRecompute>.Instance);
        TimeSpan scan = TimeSpan.Zero;
        var progress = new Callback(p => scan = p.Phase == RecomputePhase.Scan ? p.Elapsed : scan);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        RecomputeSummary summary = await job.RunManualAsync(progress, cancellationToken);
        double seconds = total.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return memory.Finish("job", summary.Scenarios, seconds, scan.TotalSeconds, seconds - scan.TotalSeconds, cpu);
    }

    /// <summary>Seconds one thread spends parsing and analysing one stored scenario, over <paramref name="count"/> of them.</summary>
    public static async Task<double> AnalysisSecondsPerScenarioAsync(TableServiceClient service, int count, CancellationToken cancellationToken = default)
    {
        var rows = new List<ScannedScenario>();
        await foreach (ScannedPage page in new ScenarioStore(service, TimeProvider.System).ScanAllAsync(cancellationToken: cancellationToken))
        {
            rows.AddRange(page.Items);
            if (rows.Count >= count)
            {
                break;
            }
        }
        var watch = Stopwatch.StartNew();
        foreach (ScannedScenario row in rows)
        {
            Scenario scenario = row.Parse().Scenario!;
            ScenarioMetrics.Of(scenario, Analyzer.Analyze(scenario));
        }
        return watch.Elapsed.TotalSeconds / rows.Count;
    }

    private static string ComparisonLikeMetrics()
    {
        // As long as a real comparison's metrics: four metrics, each with its band and published peers.
        var peers = new PeerPlacement(1000, 50, 0.0012345678m, 0.0023456789m, 0.0034567891m, 0.0045678912m, 0.0056789123m, 0.4567891234m);
        MetricComparison[] metrics = [.. BenchmarkBands.Seed.Select(band =>
            new MetricComparison(band.Metric, 0.0123456789012345678901234567m, Tier.Median, band, peers))];
        return JsonSerializer.Serialize(metrics, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private sealed class Callback(Action<RecomputeProgress> report) : IProgress<RecomputeProgress>
    {
        public void Report(RecomputeProgress value) => report(value);
    }
}
