using FineTune.Testing;
using Xunit;

namespace FineTune.Testing.Host;

/// <summary>
/// A real Azurite and the local host in process over it, shared by the tests of a collection. A test project derives
/// from it to add what its tests look at.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    /// <summary>The Azurite the host stores in.</summary>
    public AzuriteProcess Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>The host on an in-memory test server.</summary>
    public LocalHostFactory Factory { get; private set; } = null!;

    /// <summary>Settings of the host beyond its storage; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Whether Azurite's Queue service runs too; off by default, as most tests need only tables.</summary>
    protected virtual bool Queues => false;

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(Queues);
        Factory = LocalHostFactory.Over(azurite.ConnectionString, Settings);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        azurite?.Dispose();
    }
}
