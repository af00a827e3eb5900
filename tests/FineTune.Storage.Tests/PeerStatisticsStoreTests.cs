using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

/// <summary>The publication is global to an account, so every test here has an Azurite of its own.</summary>
public sealed class PeerStatisticsStoreTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static PeerStatisticsStore Store(AzuriteProcess azurite) =>
        new(StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null)));

    private static PeerStatistic Statistic(Segment segment, Metric metric) =>
        new(segment, metric, 5, 3, 0.1m, 0.125m, 0.0123456789012345678901234567m, 0.40m, 0.5m);

    [Fact]
    public async Task Get_BeforeAnyPublication_IsEmptyWithoutComputedAt()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();

        PeerStatisticsSnapshot snapshot = await Store(azurite).GetAsync();

        Assert.Null(snapshot.ComputedAt);
        Assert.Empty(snapshot.Statistics);
    }

    [Fact]
    public async Task Publish_ThenPublishFewer_ReplacesTheWholePublication()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        PeerStatisticsStore store = Store(azurite);
        PeerStatistic cost = Statistic(Segment.EnterpriseAi, Metric.InferenceCostPerRequest);
        PeerStatistic routing = Statistic(Segment.EnterpriseAi, Metric.ModelRoutingCoverage);

        await store.PublishAsync(Noon, [cost, routing]);
        PeerStatisticsSnapshot first = await store.GetAsync();
        await store.PublishAsync(Noon.AddHours(1), [routing]);
        PeerStatisticsSnapshot second = await store.GetAsync();

        Assert.Equal(Noon, first.ComputedAt);
        Assert.Equal([cost, routing], first.Statistics);
        Assert.Equal(Noon.AddHours(1), second.ComputedAt);
        Assert.Equal([routing], second.Statistics);
        Assert.Equal("0.40", second.Statistics[0].P75.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Publish_Nothing_KeepsComputedAtAndNoRows()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        PeerStatisticsStore store = Store(azurite);
        await store.PublishAsync(Noon, [Statistic(Segment.ConsumerAi, Metric.ModelRoutingCoverage)]);

        await store.PublishAsync(Noon.AddHours(1), []);
        PeerStatisticsSnapshot snapshot = await store.GetAsync();

        Assert.Equal(Noon.AddHours(1), snapshot.ComputedAt);
        Assert.Empty(snapshot.Statistics);
    }
}
