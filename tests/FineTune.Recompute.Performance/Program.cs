using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using FineTune.Functions.Recompute;
using FineTune.Recompute.Performance;
using FineTune.Storage;
using FineTune.Testing;

// Usage: dotnet run -c Release --project tests/FineTune.Recompute.Performance -- [--sizes 10000,100000] [--workspaces 50]
// For each size and for each of the floor and the job: a fresh Azurite, N seeded scenarios, then the measurement in a
// process of its own so that its peak memory is its own.
Dictionary<string, string> options = ReadOptions(args);
if (options.TryGetValue("measure", out string? kind))
{
    TableServiceClient service = StorageConnection.CreateClient(new TableStorageSettings(options["connection"], null, null, null));
    Measurement result = kind switch
    {
        "floor" => await Measurements.FloorAsync(service, new RecomputeOptions().ConcurrentWrites),
        "job" => await Measurements.JobAsync(service),
        _ => throw new ArgumentException($"Unknown measurement '{kind}'."),
    };
    Console.WriteLine(JsonSerializer.Serialize(result));
    return;
}

int[] sizes = [.. (options.GetValueOrDefault("sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
int workspaces = int.Parse(options.GetValueOrDefault("workspaces") ?? "50", CultureInfo.InvariantCulture);
Console.WriteLine($"{"N",8} {"kind",6} {"seconds",8} {"read s",7} {"write s",8} {"per s",8} {"cpu s",7} {"peak WS MiB",11} {"peak heap MiB",13}");
foreach (int size in sizes)
{
    var results = new Dictionary<string, Measurement>();
    double perScenario = 0;
    foreach (string measured in (string[])["floor", "job"])
    {
        // Azurite slows down as it holds more rows, so each measurement gets a fresh one with the same seed.
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        TableServiceClient service = StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));
        var seeding = Stopwatch.StartNew();
        await Seeder.SeedAsync(service, size, workspaces);
        Console.Error.WriteLine($"seeded {size} scenarios in {seeding.Elapsed.TotalSeconds:F1} s");
        if (measured == "job")
        {
            perScenario = await Measurements.AnalysisSecondsPerScenarioAsync(service, Math.Min(size, 2000));
        }
        Measurement run = results[measured] = Child(measured, azurite);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,8} {run.Kind,6} {run.Seconds,8:F1} {run.ReadSeconds,7:F1} {run.WriteSeconds,8:F1} {run.Scenarios / run.Seconds,8:F0} {run.AnalysisCpuSeconds,7:F1} {run.PeakWorkingSetBytes / 1048576.0,11:F0} {Math.Max(run.PeakManagedBytes, run.PeakGcHeapBytes) / 1048576.0,13:F1}"));
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{size,8} job throughput / floor throughput = {results["floor"].Seconds / results["job"].Seconds:P0}; parse + analyse {perScenario * 1e6:F0} us per scenario on one thread = {perScenario * size:F1} s of CPU"));
}

static Measurement Child(string kind, AzuriteProcess azurite)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Seeder).Assembly.Location);
    }
    foreach (string argument in (string[])["--measure", kind, "--connection", azurite.ConnectionString])
    {
        start.ArgumentList.Add(argument);
    }
    using Process process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0
        ? JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!
        : throw new InvalidOperationException($"The {kind} measurement failed: {output}");
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
