using System.Text;
using Azure.Data.Tables;
using FineTune.Storage;
using FineTune.Testing;
using FineTune.Testing.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>
/// The local host over an Azurite of its own (the monitoring timer scans every scenario of the account) with a clock that
/// stands at <see cref="Now"/> until a test moves it, and the monitoring timer set to once a year so that only tests run it.
/// </summary>
public sealed class MonitorHostFixture : IAsyncLifetime
{
    /// <summary>Tuesday 10 November 2026, noon UTC: "today" for the monitoring tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private AzuriteProcess? azurite;
    private LocalHostFactory? local;

    public FakeClock Clock { get; } = new(Now);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The account's tables, to look behind the API.</summary>
    public TableServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        Service = StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));
        local = LocalHostFactory.Over(azurite.ConnectionString, new Dictionary<string, string?> { ["MONITOR_SCHEDULE"] = "0 0 0 1 1 *" });
        Factory = local.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (local is not null)
        {
            await local.DisposeAsync();
        }
        azurite?.Dispose();
    }

    /// <summary>A client of a workspace of its own unless one is named.</summary>
    public ApiClient Client(string? workspace = null) =>
        new(Factory.CreateClient(), workspace ?? "ws-" + Guid.NewGuid().ToString("N")[..16]);
}

[CollectionDefinition(Name)]
public sealed class MonitorHostCollection : ICollectionFixture<MonitorHostFixture>
{
    public const string Name = "MonitorHost";
}

/// <summary>The monitored scenario of these tests, and usage bodies.</summary>
public static class Monitored
{
    /// <summary>
    /// Three approaches; the prompt one is in production from 1 November 2026: 300,000 requests a month at $0.01 is a plan of
    /// $3,000 a month, $100 a day in November. Revenue $0.02 a request; required accuracy 0.8.
    /// </summary>
    public const string Scenario = """
        {
          "name": "Monitored triage",
          "workload": { "requestsPerMonth": 300000, "horizonMonths": 12 },
          "revenue": { "perRequest": 0.02 },
          "quality": { "requiredAccuracy": 0.8 },
          "approaches": [
            { "id": "prompt", "kind": "prompt", "pricing": { "inputPerMillion": 10, "outputPerMillion": 0 },
              "inputTokens": 1000, "outputTokens": 0, "accuracy": 0.9 },
            { "id": "rag", "kind": "rag", "pricing": { "inputPerMillion": 5, "outputPerMillion": 0 },
              "inputTokens": 1000, "outputTokens": 0, "accuracy": 0.9 },
            { "id": "mini", "kind": "prompt", "pricing": { "inputPerMillion": 1, "outputPerMillion": 0 },
              "inputTokens": 1000, "outputTokens": 0, "accuracy": 0.85 }
          ],
          "monitoring": { "approachId": "prompt", "startDate": "2026-11-01" }
        }
        """;

    public static byte[] ScenarioBody(string? monitoring = null) => Encoding.UTF8.GetBytes(monitoring is null
        ? Scenario
        : Scenario.Replace("""{ "approachId": "prompt", "startDate": "2026-11-01" }""", monitoring, StringComparison.Ordinal));

    /// <summary><c>{"records": [...]}</c> of the given record objects.</summary>
    public static byte[] Batch(params string[] records) => Encoding.UTF8.GetBytes($$"""{ "records": [{{string.Join(", ", records)}}] }""");

    /// <summary>A record of the prompt approach that spent <paramref name="spend"/> dollars on 2026-11-<paramref name="day"/>.</summary>
    public static string Spent(int day, decimal spend, long requests = 1000, string? approach = null) =>
        $$"""{ "date": "2026-11-{{day:00}}", {{(approach is null ? "" : $"\"approachId\": \"{approach}\", ")}}"requests": {{requests}}, "spend": {{spend.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }""";

    public static async Task<string> CreateAsync(ApiClient client, byte[]? body = null) => (await client.CreateAsync(body ?? ScenarioBody())).Id;
}
