using System.Diagnostics;
using System.Globalization;
using System.Net;

// Measures POST /api/analyses against the same server's fixed-body floor (POST /_dev/fixed, served only when the
// local host runs with --fixed-endpoint). Loopback targets only; every run is bounded in time and request count.
//   dotnet run -c Release --project tests/FineTune.Api.Performance -- [--url http://127.0.0.1:7071] [--body samples/support-triage.json]
//     [--duration 10] [--concurrency 16] [--rounds 2] [--max-requests 500000]

var options = Options.Parse(args);
if (!IsLoopback(options.Url))
{
    Console.Error.WriteLine($"Refusing {options.Url}: this load generator targets loopback addresses only.");
    return 2;
}
byte[] body = File.ReadAllBytes(options.BodyPath);

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    UseProxy = false,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};

int analysisBytes = await ProbeAsync(http, "/api/analyses", body);
if (analysisBytes < 0)
{
    return 1;
}
string fixedPath = $"/_dev/fixed?bytes={analysisBytes.ToString(CultureInfo.InvariantCulture)}";
if (await ProbeAsync(http, fixedPath, body) != analysisBytes)
{
    Console.Error.WriteLine("The fixed endpoint is off or answers another size: start the local host with --fixed-endpoint.");
    return 1;
}

Console.WriteLine($"{options.Url} body {body.Length} B, response {analysisBytes} B, {options.Concurrency} connections, "
    + $"{options.Duration.TotalSeconds:0} s per run, {options.Rounds} rounds, {Environment.ProcessorCount} cores");
await RunAsync(http, "/api/analyses", body, options, TimeSpan.FromSeconds(2));
await RunAsync(http, fixedPath, body, options, TimeSpan.FromSeconds(2));

var results = new Dictionary<string, List<Result>> { ["analyses"] = [], ["fixed"] = [] };
for (int round = 0; round < options.Rounds; round++)
{
    results["fixed"].Add(await RunAsync(http, fixedPath, body, options, options.Duration));
    results["analyses"].Add(await RunAsync(http, "/api/analyses", body, options, options.Duration));
}

Console.WriteLine($"{"endpoint",-22}{"requests",10}{"errors",8}{"req/s",10}{"p50 ms",9}{"p99 ms",9}");
foreach ((string name, List<Result> runs) in results)
{
    Result merged = Result.Merge(runs);
    Console.WriteLine($"{(name == "fixed" ? "POST /_dev/fixed" : "POST /api/analyses"),-22}{merged.Requests,10}{merged.Errors,8}"
        + $"{merged.RequestsPerSecond,10:0}{merged.Percentile(0.50),9:0.00}{merged.Percentile(0.99),9:0.00}");
}
Result analyses = Result.Merge(results["analyses"]);
Result floor = Result.Merge(results["fixed"]);
Console.WriteLine($"analyses vs floor: throughput x{floor.RequestsPerSecond / analyses.RequestsPerSecond:0.00} lower, "
    + $"p50 x{analyses.Percentile(0.50) / floor.Percentile(0.50):0.00}, p99 x{analyses.Percentile(0.99) / floor.Percentile(0.99):0.00}");
return analyses.Errors + floor.Errors == 0 ? 0 : 1;

static bool IsLoopback(Uri url) =>
    url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));

static async Task<int> ProbeAsync(HttpClient http, string path, byte[] body)
{
    using HttpResponseMessage response = await http.PostAsync(path, Json(body));
    byte[] answer = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"POST {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
        return -1;
    }
    return answer.Length;
}

static ByteArrayContent Json(byte[] body)
{
    var content = new ByteArrayContent(body);
    content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
    return content;
}

static async Task<Result> RunAsync(HttpClient http, string path, byte[] body, Options options, TimeSpan duration)
{
    long budget = options.MaxRequests;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
    {
        var latencies = new List<double>(4096);
        int errors = 0;
        while (clock.Elapsed < duration && Interlocked.Decrement(ref budget) >= 0)
        {
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await http.PostAsync(path, Json(body));
            await response.Content.CopyToAsync(Stream.Null);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors++;
            }
        }
        return (latencies, errors);
    })).ToArray();
    var done = await Task.WhenAll(workers);
    double seconds = clock.Elapsed.TotalSeconds;
    return new Result(done.SelectMany(w => w.latencies).ToList(), done.Sum(w => w.errors), seconds);
}

internal sealed record Options(Uri Url, string BodyPath, TimeSpan Duration, int Concurrency, int Rounds, long MaxRequests)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        return new Options(
            new Uri(Get("--url", "http://127.0.0.1:7071")),
            Get("--body", Path.Combine("samples", "support-triage.json")),
            TimeSpan.FromSeconds(Math.Clamp(double.Parse(Get("--duration", "10"), CultureInfo.InvariantCulture), 1, 120)),
            Math.Clamp(int.Parse(Get("--concurrency", "16"), CultureInfo.InvariantCulture), 1, 256),
            Math.Clamp(int.Parse(Get("--rounds", "2"), CultureInfo.InvariantCulture), 1, 10),
            Math.Clamp(long.Parse(Get("--max-requests", "500000"), CultureInfo.InvariantCulture), 1, 5_000_000));
    }
}

internal sealed record Result(List<double> Latencies, int Errors, double Seconds)
{
    public int Requests => Latencies.Count;

    public double RequestsPerSecond => Requests / Seconds;

    public static Result Merge(IEnumerable<Result> runs)
    {
        List<Result> all = runs.ToList();
        return new Result(all.SelectMany(r => r.Latencies).ToList(), all.Sum(r => r.Errors), all.Sum(r => r.Seconds));
    }

    public double Percentile(double q)
    {
        double[] sorted = [.. Latencies.Order()];
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
