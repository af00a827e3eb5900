using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>A real Azurite and the local host in process over it, shared by the tests of the collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    /// <summary>The host on an in-memory test server.</summary>
    public LocalHostFactory Factory { get; private set; } = null!;

    /// <summary>The host on real Kestrel, for what only a socket shows: raw header bytes, chunked bodies.</summary>
    public LocalHostFactory KestrelFactory { get; private set; } = null!;

    /// <summary>The base address of <see cref="KestrelFactory"/>.</summary>
    public Uri KestrelAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        Factory = new LocalHostFactory(azurite.ConnectionString);
        KestrelFactory = new LocalHostFactory(azurite.ConnectionString);
        KestrelAddress = KestrelFactory.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await KestrelFactory.DisposeAsync();
        azurite?.Dispose();
    }

    /// <summary>A client of a workspace of its own, so tests never see each other's scenarios.</summary>
    public ApiClient Client(string? workspace = null) =>
        new(Factory.CreateClient(), workspace ?? "ws-" + Guid.NewGuid().ToString("N")[..16]);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Api";
}
