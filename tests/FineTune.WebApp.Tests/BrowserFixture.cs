using FineTune.Testing.Host;
using PuppeteerSharp;

namespace FineTune.WebApp.Tests;

/// <summary>A real Azurite, the local host over it on Kestrel, and one headless Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : AppFixture
{
    private LocalHostFactory? kestrel;

    /// <summary>The app's base address on loopback.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The page's address.</summary>
    public Uri PageAddress => new(Address, "/api/app/");

    /// <summary>The browser; each test opens pages in a context of its own.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        kestrel = LocalHostFactory.Over(Azurite.ConnectionString);
        Address = kestrel.StartKestrel();
        Browser = await Chromium.LaunchAsync();
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Browser.Dispose();
        }
        if (kestrel is not null)
        {
            await kestrel.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
