using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>A real Azurite and the local host in process over it, also on real Kestrel, shared by the tests of the collection.</summary>
public sealed class ApiFixture : AppFixture
{
    /// <summary>The host on real Kestrel, for what only a socket shows: raw header bytes, chunked bodies.</summary>
    public LocalHostFactory KestrelFactory { get; private set; } = null!;

    /// <summary>The base address of <see cref="KestrelFactory"/>.</summary>
    public Uri KestrelAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        KestrelFactory = LocalHostFactory.Over(Azurite.ConnectionString);
        KestrelAddress = KestrelFactory.StartKestrel();
    }

    public override async Task DisposeAsync()
    {
        if (KestrelFactory is not null)
        {
            await KestrelFactory.DisposeAsync();
        }
        await base.DisposeAsync();
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
