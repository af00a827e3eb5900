using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Functions;
using FineTune.Functions.Prices;
using FineTune.Prices.Performance;
using FineTune.Testing;
using FineTune.Testing.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project tests/FineTune.Prices.Performance -- [--items 5000] [--rounds 3]
// Each round: a fresh Azurite and a fake Retail Prices API serving the items in pages of 1,000 in this process, and the
// refresh in a process of its own (so that its peak memory is its own): a first run that writes every entry, then a
// second that finds every rate unchanged.
Dictionary<string, string> options = ReadOptions(args);
if (options.TryGetValue("connection", out string? connection))
{
    Console.WriteLine(JsonSerializer.Serialize(await Measure(connection, new Uri(options["url"]))));
    return;
}

int items = int.Parse(options.GetValueOrDefault("items") ?? "5000", CultureInfo.InvariantCulture);
int rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "3", CultureInfo.InvariantCulture);
Console.WriteLine($"{"items",6} {"pages",5} {"mapped",6} {"unmapped",8} {"written",7} {"first s",8} {"again s",8} {"peak WS MiB",11} {"peak heap MiB",13}");
for (int round = 0; round < rounds; round++)
{
    using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
    await using FakeRetailPricesApi api = await FakeRetailPricesApi.StartAsync(Catalogue.Pages(items));
    Result result = Child(azurite.ConnectionString, api.Url);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Items,6} {result.Pages,5} {result.Mapped,6} {result.Unmapped,8} {result.Written,7} {result.FirstSeconds,8:F2} {result.AgainSeconds,8:F2} {result.PeakWorkingSetBytes / 1048576.0,11:F0} {result.PeakHeapBytes / 1048576.0,13:F1}"));
}

static async Task<Result> Measure(string connection, Uri url)
{
    IConfiguration settings = new ConfigurationBuilder().AddInMemoryCollection(
    [
        new KeyValuePair<string, string?>("AzureWebJobsStorage", connection),
        new KeyValuePair<string, string?>(PriceRefreshOptions.UrlSetting, url.ToString()),
    ]).Build();
    var services = new ServiceCollection().AddLogging();
    services.AddFineTuneFunctions(settings);
    await using ServiceProvider provider = services.BuildServiceProvider();
    PriceRefresh refresh = provider.GetRequiredService<PriceRefresh>();

    using var sampler = HeapSampler.Start();
    var first = Stopwatch.StartNew();
    PriceRefreshSummary written = await refresh.RunManualAsync();
    double firstSeconds = first.Elapsed.TotalSeconds;
    var again = Stopwatch.StartNew();
    PriceRefreshSummary unchanged = await refresh.RunManualAsync();
    double againSeconds = again.Elapsed.TotalSeconds;
    long peakHeap = sampler.Stop();
    if (written.Status != PriceRefreshStatus.Completed || unchanged.Changed != 0)
    {
        throw new InvalidOperationException($"Unexpected runs: {JsonSerializer.Serialize(written)} then {JsonSerializer.Serialize(unchanged)}");
    }
    using Process process = Process.GetCurrentProcess();
    process.Refresh();
    return new Result(written.ItemsRead, written.PagesRead, written.Mapped, written.Unmapped, written.Changed, firstSeconds, againSeconds,
        process.PeakWorkingSet64, peakHeap);
}

static Result Child(string connection, Uri url)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Catalogue).Assembly.Location);
    }
    foreach (string argument in (string[])["--connection", connection, "--url", url.ToString()])
    {
        start.ArgumentList.Add(argument);
    }
    using Process process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0
        ? JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!
        : throw new InvalidOperationException($"The measurement failed: {output}");
}

static Dictionary<string, string> ReadOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }
    return options;
}

namespace FineTune.Prices.Performance
{
    /// <summary>One measured pair of refreshes.</summary>
    internal sealed record Result(
        int Items, int Pages, int Mapped, int Unmapped, int Written, double FirstSeconds, double AgainSeconds, long PeakWorkingSetBytes, long PeakHeapBytes);

    /// <summary>
    /// Items named as the API names Azure OpenAI meters: per model, input, cached input, output and batch input and output,
    /// each for the global, data-zone and regional deployments (15 meters); the rest meters the table does not read.
    /// </summary>
    internal static class Catalogue
    {
        private static readonly string[] Kinds = ["Inp", "cached Inp", "Outp", "Batch Inp", "BatchOutp"];
        private static readonly string[] Scopes = ["glbl", "DZ", "regnl"];

        public static IReadOnlyList<IReadOnlyList<JsonObject>> Pages(int count)
        {
            var items = new List<JsonObject>(count);
            for (int model = 0; items.Count + Kinds.Length * Scopes.Length <= count; model++)
            {
                foreach (string scope in Scopes)
                {
                    for (int kind = 0; kind < Kinds.Length; kind++)
                    {
                        decimal perThousand = (model % 97 + 1) * 0.00001m * (kind + 1);
                        items.Add(FakeRetailPricesApi.Item($"gpt 9.{model} mini {Kinds[kind]} {scope} Tokens", perThousand));
                    }
                }
            }
            while (items.Count < count)
            {
                items.Add(FakeRetailPricesApi.Item($"gpt 9.{items.Count} aud Inp glbl Tokens", 0.004m));
            }
            return [.. items.Chunk(1000).Select(page => (IReadOnlyList<JsonObject>)page)];
        }
    }

    /// <summary>Samples the GC heap's size every 20 ms and keeps the peak; the working set's peak comes from the OS.</summary>
    internal sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<long> sampling;

        private HeapSampler() => sampling = Task.Run(async () =>
        {
            long peak = 0;
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20).ConfigureAwait(false);
            }
            return peak;
        });

        public static HeapSampler Start()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return new HeapSampler();
        }

        public long Stop()
        {
            stop.Cancel();
            return sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => stop.Dispose();
    }
}
