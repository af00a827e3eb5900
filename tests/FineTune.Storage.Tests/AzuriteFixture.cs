using Azure.Data.Tables;
using FineTune.Storage;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

/// <summary>One Azurite for the test collection, stopped when the collection ends.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public AzuriteProcess Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public TableServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        Service = StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));
    }

    public Task DisposeAsync()
    {
        azurite?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
