using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Storage;
using FineTune.Testing;

// Measures, through the HTTP API of the local host running as a process of its own over a fresh Azurite:
//   1. ingestion of a year of daily records for N scenarios, one POST /api/scenarios/{id}/usage of 365 records each;
//   2. the daily post: one record per scenario, replacing yesterday's;
//   3. GET /api/scenarios/{id}/monitor of a scenario with a year of records, one request at a time;
//   4. the monitoring timer's look for missed alert deliveries over the alerts those posts fired (every one of them marked
//      notified by its post, so none is found);
// then the floor: the same table reads and writes made directly with Azure.Data.Tables, on another fresh Azurite.
// Reports requests per second, latency percentiles and the host's peak resident memory (VmHWM, Linux).
// Loopback only; every phase is bounded by its count of requests.
//   dotnet run -c Release --project tests/FineTune.Monitor.Performance -- [--scenarios 1000] [--days 365] [--concurrency 8] [--views 300]
Options options = Options.Parse(args);
Console.WriteLine($"{options.Scenarios} scenarios x {options.Days} days, {options.Concurrency} connections, {options.Views} monitor views, "
    + $"{Environment.ProcessorCount} cores");
DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
DateOnly start = today.AddDays(1 - options.Days);
byte[] scenarioBody = ScenarioBody(start);
MonitorPlan plan = MonitorPlan.Of(ScenarioJson.Parse(scenarioBody).Scenario!, start);

int errors = await ApiAsync(options, plan, scenarioBody, start, today);
await FloorAsync(options, plan, start, today);
return errors == 0 ? 0 : 1;

static async Task<int> ApiAsync(Options options, MonitorPlan plan, byte[] scenarioBody, DateOnly start, DateOnly today)
{
    using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
    int port = AzuriteProcess.FreePort();
    using Process host = StartHost(azurite.ConnectionString, port);
    try
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        await WaitUntilHealthyAsync(http, host);

        string[] ids = new string[options.Scenarios];
        Phase created = await RunAsync(options.Scenarios, options.Concurrency, async i =>
        {
            using HttpResponseMessage response = await http.PostAsync("/api/scenarios", Json(scenarioBody));
            ids[i] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            return (response.StatusCode == HttpStatusCode.Created, 0);
        });
        Report("API: create scenario", created, host);

        Phase year = await RunAsync(options.Scenarios, options.Concurrency, async i =>
        {
            using HttpResponseMessage response = await http.PostAsync($"/api/scenarios/{ids[i]}/usage",
                Json(UsageBody(plan, i, start, options.Days, spendFactor: 1m)));
            using JsonDocument receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            bool ok = response.StatusCode == HttpStatusCode.OK;
            return (ok, ok ? receipt.RootElement.GetProperty("alerts").GetArrayLength() : 0);
        });
        Report($"API: usage, {options.Days} records", year, host, options.Days);

        Phase daily = await RunAsync(options.Scenarios, options.Concurrency, async i =>
        {
            using HttpResponseMessage response = await http.PostAsync($"/api/scenarios/{ids[i]}/usage",
                Json(UsageBody(plan, i, today.AddDays(-1), 1, spendFactor: 1.02m)));
            await response.Content.CopyToAsync(Stream.Null);
            return (response.StatusCode == HttpStatusCode.OK, 0);
        });
        Report("API: usage, 1 record", daily, host, 1);

        string monitorPath = $"/api/scenarios/{ids[0]}/monitor";
        int bytes = 0;
        await RunAsync(20, 1, async _ =>
        {
            using HttpResponseMessage response = await http.GetAsync(monitorPath);
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            return (response.StatusCode == HttpStatusCode.OK, 0);
        });
        Phase views = await RunAsync(options.Views, 1, async _ =>
        {
            using HttpResponseMessage response = await http.GetAsync(monitorPath);
            await response.Content.CopyToAsync(Stream.Null);
            return (response.StatusCode == HttpStatusCode.OK, 0);
        });
        Report($"API: monitor view ({bytes / 1024} KiB)", views, host);

        var alerts = new AlertStore(StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null)), TimeProvider.System);
        Phase sweep = await RunAsync(20, 1, async _ => ((await alerts.ListUnnotifiedAsync(DateTimeOffset.UtcNow)).Count == 0, 0));
        Report($"missed deliveries, {year.Alerts + daily.Alerts} alerts", sweep, null);
        return views.Errors + year.Errors + daily.Errors + created.Errors + sweep.Errors;
    }
    finally
    {
        host.Kill(entireProcessTree: true);
        host.WaitForExit();
    }
}

// The table operations of each API request, without the app: a year post reads the 28 days before and the year (one range
// query), writes 365 day rows in transactions of 100 and reads the alerts of the year; a daily post reads the scenario, 29
// days, writes one row and reads the day's alerts; a monitor view reads the scenario, the horizon's days and the year's alerts.
static async Task FloorAsync(Options options, MonitorPlan plan, DateOnly start, DateOnly today)
{
    using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
    TableServiceClient service = StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));
    TableClient scenarios = service.GetTableClient("floorscenarios"), usage = service.GetTableClient("floorusage"), alerts = service.GetTableClient("flooralerts");
    foreach (TableClient table in (TableClient[])[scenarios, usage, alerts])
    {
        await table.CreateIfNotExistsAsync();
    }
    string[] ids = [.. Enumerable.Range(0, options.Scenarios).Select(_ => Guid.NewGuid().ToString("N"))];
    string scenarioJson = Encoding.UTF8.GetString(ScenarioBody(start));
    await RunAsync(options.Scenarios, options.Concurrency, async i =>
    {
        await scenarios.AddEntityAsync(new TableEntity("ws", ids[i]) { ["ScenarioJson"] = scenarioJson });
        return (true, 0);
    });
    string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    async Task<int> ReadAsync(TableClient table, string filter)
    {
        int rows = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(filter, 1000))
        {
            rows++;
        }
        return rows;
    }

    Phase year = await RunAsync(options.Scenarios, options.Concurrency, async i =>
    {
        string partition = $"ws:{ids[i]}";
        await scenarios.GetEntityAsync<TableEntity>("ws", ids[i]);
        await ReadAsync(usage, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Key(start.AddDays(-28))} and RowKey le {Key(today)}"));
        string[] records = DayRecords(plan, i, start, options.Days, 1m);
        foreach (int[] chunk in Enumerable.Range(0, records.Length).Chunk(100))
        {
            await usage.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, Key(start.AddDays(d))) { ["Records"] = $"[{records[d]}]", ["Requests"] = 1L, ["Version"] = 1L })));
        }
        await ReadAsync(alerts, TableClient.CreateQueryFilter($"PartitionKey eq {"ws"} and RowKey ge {"a:" + ids[i]} and RowKey lt {"a:" + ids[i] + "."}"));
        return (true, 0);
    });
    Report($"floor: usage, {options.Days} records", year, null, options.Days);

    Phase daily = await RunAsync(options.Scenarios, options.Concurrency, async i =>
    {
        string partition = $"ws:{ids[i]}";
        await scenarios.GetEntityAsync<TableEntity>("ws", ids[i]);
        await ReadAsync(usage, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Key(today.AddDays(-29))} and RowKey le {Key(today.AddDays(-1))}"));
        string record = DayRecords(plan, i, today.AddDays(-1), 1, 1.02m)[0];
        await usage.UpsertEntityAsync(new TableEntity(partition, Key(today.AddDays(-1))) { ["Records"] = $"[{record}]", ["Requests"] = 1L, ["Version"] = 2L },
            TableUpdateMode.Replace);
        await ReadAsync(alerts, TableClient.CreateQueryFilter($"PartitionKey eq {"ws"} and RowKey ge {"a:" + ids[i]} and RowKey lt {"a:" + ids[i] + "."}"));
        return (true, 0);
    });
    Report("floor: usage, 1 record", daily, null, 1);

    Phase views = await RunAsync(options.Views, 1, async _ =>
    {
        await scenarios.GetEntityAsync<TableEntity>("ws", ids[0]);
        int rows = await ReadAsync(usage, TableClient.CreateQueryFilter(
            $"PartitionKey eq {"ws:" + ids[0]} and RowKey ge {Key(start)} and RowKey le {Key(plan.HorizonEnd > today ? plan.HorizonEnd : today)}"));
        await ReadAsync(alerts, TableClient.CreateQueryFilter($"PartitionKey eq {"ws"} and RowKey ge {"a:" + ids[0]} and RowKey lt {"a:" + ids[0] + "."}"));
        return (rows == options.Days, 0);
    });
    Report("floor: monitor view", views, null);
}

static Process StartHost(string connectionString, int port)
{
    string configuration = typeof(Options).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    string dll = RepositoryRoot.Combine("src", "FineTune.LocalHost", "bin", configuration, "net10.0", "FineTune.LocalHost.dll");
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--urls");
    start.ArgumentList.Add($"http://127.0.0.1:{port}");
    start.Environment["AzureWebJobsStorage"] = connectionString;
    // The timers stay quiet: once a year, on 1 January.
    start.Environment["BENCHMARK_RECOMPUTE_SCHEDULE"] = "0 0 0 1 1 *";
    start.Environment["MONITOR_SCHEDULE"] = "0 0 0 1 1 *";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    Process process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, line) =>
    {
        if (line.Data is { Length: > 0 } text)
        {
            Console.Error.WriteLine($"host: {text}");
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilHealthyAsync(HttpClient http, Process host)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(60))
    {
        if (host.HasExited)
        {
            throw new InvalidOperationException($"The host exited with code {host.ExitCode}.");
        }
        try
        {
            using HttpResponseMessage response = await http.GetAsync("/api/health");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(200);
    }
    throw new TimeoutException("The host did not answer /api/health within 60 s.");
}

static byte[] ScenarioBody(DateOnly start)
{
    JsonObject scenario = JsonNode.Parse(Samples.SupportTriage())!.AsObject();
    scenario["monitoring"] = new JsonObject
    {
        ["approachId"] = "prompt",
        ["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
    return Encoding.UTF8.GetBytes(scenario.ToJsonString());
}

// A day's spend follows the plan month's cost spread evenly over an average month (real spend does not jump with the length of
// the calendar month): weekdays 10 % above it, weekends 25 % below, +-4 % noise; one day of each year triples (an over-plan
// alert and a spike). Token counts are the prompt approach's per request; errors 10 % (the sample allows 15 %).
static string[] DayRecords(MonitorPlan plan, int scenario, DateOnly from, int days, decimal spendFactor)
{
    var random = new Random(scenario * 7919 + from.DayNumber);
    var records = new string[days];
    for (int d = 0; d < days; d++)
    {
        DateOnly date = from.AddDays(d);
        decimal weekday = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.75m : 1.1m;
        decimal noise = 0.96m + (random.Next(0, 81) / 1000m);
        decimal factor = weekday * noise * spendFactor * (d == 200 + (scenario % 100) ? 3m : 1m);
        decimal spend = Math.Round(Smooth(plan, date) * factor, 2);
        long requests = (long)(66_000m * factor);
        records[d] = string.Create(CultureInfo.InvariantCulture,
            $"{{\"date\":\"{date:yyyy-MM-dd}\",\"approachId\":\"prompt\",\"requests\":{requests},\"inputTokens\":{requests * 2400},")
            + string.Create(CultureInfo.InvariantCulture,
            $"\"cachedInputTokens\":{requests * 1800},\"outputTokens\":{requests * 300},\"spend\":{spend},\"errors\":{requests / 10}}}");
    }
    return records;
}

static byte[] UsageBody(MonitorPlan plan, int scenario, DateOnly from, int days, decimal spendFactor) =>
    Encoding.UTF8.GetBytes("{\"records\":[" + string.Join(",", DayRecords(plan, scenario, from, days, spendFactor)) + "]}");

static decimal Smooth(MonitorPlan plan, DateOnly date) => plan.Plan(date) * MonitorPlan.DaysInMonth(date) / 30.4375m;

static ByteArrayContent Json(byte[] body)
{
    var content = new ByteArrayContent(body);
    content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
    return content;
}

static async Task<Phase> RunAsync(int count, int concurrency, Func<int, Task<(bool Ok, int Alerts)>> send)
{
    int next = -1, errors = 0, alerts = 0;
    var latencies = new double[count];
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
        {
            long started = Stopwatch.GetTimestamp();
            (bool ok, int fired) = await send(i);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Interlocked.Add(ref alerts, fired);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        }
    })));
    return new Phase(latencies, errors, alerts, clock.Elapsed.TotalSeconds);
}

static void Report(string name, Phase phase, Process? host, int recordsPerRequest = 0)
{
    (long peakKiB, long nowKiB) = host is null ? (0, 0) : Memory(host.Id);
    string records = recordsPerRequest > 0
        ? string.Create(CultureInfo.InvariantCulture, $", {phase.Requests * recordsPerRequest / phase.Seconds,9:0} records/s")
        : "";
    string memory = host is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; host RSS {nowKiB / 1024} MiB, peak {peakKiB / 1024} MiB");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-30} {phase.Requests,6} requests in {phase.Seconds,7:0.0} s: {phase.Requests / phase.Seconds,7:0.0} req/s{records}, "
        + $"p50 {phase.Percentile(0.5),7:0.0} ms, p99 {phase.Percentile(0.99),7:0.0} ms, {phase.Errors} errors, {phase.Alerts} alerts{memory}"));
}

// VmHWM is the peak resident set of the process since it started; VmRSS the current one.
static (long PeakKiB, long NowKiB) Memory(int pid)
{
    string[] status = File.ReadAllLines($"/proc/{pid}/status");
    long Field(string name) => long.Parse(status.Single(line => line.StartsWith(name, StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    return (Field("VmHWM:"), Field("VmRSS:"));
}

internal sealed record Phase(double[] Latencies, int Errors, int Alerts, double Seconds)
{
    public int Requests => Latencies.Length;

    public double Percentile(double q)
    {
        double[] sorted = [.. Latencies.Order()];
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}

internal sealed record Options(int Scenarios, int Days, int Concurrency, int Views)
{
    public static Options Parse(string[] args)
    {
        int Get(string name, int fallback, int min, int max)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? Math.Clamp(int.Parse(args[at + 1], CultureInfo.InvariantCulture), min, max) : fallback;
        }
        return new Options(Get("--scenarios", 1000, 1, 100_000), Get("--days", 365, 1, 366), Get("--concurrency", 8, 1, 64),
            Get("--views", 300, 1, 10_000));
    }
}
