using FineTune.Testing;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>
/// The local host over its own Azurite, with the recompute timer set to once a year so that only the tests start
/// recomputes: peer statistics and bands are global to the account.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly AzuriteProcess azurite;
    private readonly LocalHostFactory factory;

    private BenchmarkHost(AzuriteProcess azurite)
    {
        this.azurite = azurite;
        factory = LocalHostFactory.Over(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["BENCHMARK_RECOMPUTE_SCHEDULE"] = "0 0 0 1 1 *",
        });
    }

    public static async Task<BenchmarkHost> StartAsync() => new(await AzuriteProcess.StartAsync());

    /// <summary>A client of a workspace of its own unless one is named.</summary>
    public ApiClient Client(string? workspace = null) =>
        new(factory.CreateClient(), workspace ?? "ws-" + Guid.NewGuid().ToString("N")[..16]);

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        azurite.Dispose();
    }
}

/// <summary>One <see cref="BenchmarkHost"/> for a collection whose tests change no bands.</summary>
public sealed class BenchmarkHostFixture : IAsyncLifetime
{
    public BenchmarkHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BenchmarkHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BenchmarkHostCollection : ICollectionFixture<BenchmarkHostFixture>
{
    public const string Name = "BenchmarkHost";
}
