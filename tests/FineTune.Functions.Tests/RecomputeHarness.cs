using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Functions.Reference;
using FineTune.Storage;
using FineTune.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.Functions.Tests;

/// <summary>A clock that stands still until moved.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Counts the write requests (anything but GET) a client sends, per table.</summary>
public sealed class WriteCounter : HttpPipelineSynchronousPolicy
{
    private int writes;

    public int Writes => Volatile.Read(ref writes);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Request.Method != RequestMethod.Get)
        {
            Interlocked.Increment(ref writes);
        }
    }
}

/// <summary>A dedicated Azurite (peer statistics and bands are global to an account), its stores and the recompute job.</summary>
public sealed class RecomputeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly AzuriteProcess azurite;

    private RecomputeHarness(AzuriteProcess azurite)
    {
        this.azurite = azurite;
        var options = new TableClientOptions();
        options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        Service = new TableServiceClient(azurite.ConnectionString, options);
        Scenarios = new ScenarioStore(Service, Clock);
        Bands = new BenchmarkBandStore(Service, Clock);
        Comparisons = new ComparisonStore(Service);
        Peers = new PeerStatisticsStore(Service);
        Runs = new RecomputeRunStore(Service);
        Prices = new PriceCatalogStore(Service, Clock);
        Reference = new ReferenceData(Bands, Prices, Clock, new ReferenceDataOptions(), NullLogger<ReferenceData>.Instance);
    }

    public FakeClock Clock { get; } = new(Noon);

    public WriteCounter Counter { get; } = new();

    public TableServiceClient Service { get; }

    public string ConnectionString => azurite.ConnectionString;

    public ScenarioStore Scenarios { get; }

    public BenchmarkBandStore Bands { get; }

    public ComparisonStore Comparisons { get; }

    public PeerStatisticsStore Peers { get; }

    public RecomputeRunStore Runs { get; }

    public PriceCatalogStore Prices { get; }

    public ReferenceData Reference { get; }

    public static async Task<RecomputeHarness> StartAsync() => new(await AzuriteProcess.StartAsync());

    public BenchmarkRecompute Job(RecomputeOptions? options = null, ILogger<BenchmarkRecompute>? logger = null) =>
        new(Scenarios, Bands, Comparisons, Peers, Runs, Reference, Clock, options ?? new RecomputeOptions(),
            logger ?? NullLogger<BenchmarkRecompute>.Instance);

    /// <summary>The support-triage sample (enterprise-ai, with revenue), optionally changed.</summary>
    public static Scenario Sample(Action<System.Text.Json.Nodes.JsonObject>? change = null) =>
        ScenarioJson.Parse(change is null ? Samples.SupportTriage() : Samples.SupportTriage(change)).Scenario
            ?? throw new InvalidOperationException("The sample is not valid.");

    /// <summary>Stores <paramref name="perWorkspace"/> scenarios in each of <paramref name="workspaces"/>.</summary>
    public async Task<List<StoredScenario>> SeedAsync(int workspaces, int perWorkspace, Scenario? scenario = null)
    {
        var created = new List<StoredScenario>();
        for (int w = 0; w < workspaces; w++)
        {
            for (int s = 0; s < perWorkspace; s++)
            {
                created.Add(await Scenarios.CreateAsync($"ws-{w}", scenario ?? Sample()));
            }
        }
        return created;
    }

    public ValueTask DisposeAsync()
    {
        azurite.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Keeps every line logged, with its level and its template's values.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)> lines = [];

    public IReadOnlyList<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(pair => pair.Key, pair => pair.Value)
            ?? new Dictionary<string, object?>();
        lock (lines)
        {
            lines.Add((logLevel, formatter(state, exception), values));
        }
    }
}

/// <summary>Calls back synchronously, so a test can act at an exact point of a run.</summary>
public sealed class Callback<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
