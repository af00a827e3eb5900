using System.Diagnostics;
using Azure;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

public sealed class StorageFailureTests
{
    public static TheoryData<Exception, bool> Classified => new()
    {
        { new RequestFailedException(0, "connection refused"), true },
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(404, "not found"), false },
        { new RequestFailedException(412, "condition not met"), false },
        { new AggregateException(new RequestFailedException(0, "a"), new RequestFailedException(0, "b")), true },
        { new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException()), false },
        { new TaskCanceledException("network timeout"), true },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Classified))]
    public void IsUnavailable_Exception_ClassifiedAsOutageOrNot(Exception exception, bool expected) =>
        Assert.Equal(expected, StorageFailure.IsUnavailable(exception));

    [Fact]
    public void IsUnavailable_CancellationTheCallerAskedFor_IsNoOutage()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(StorageFailure.IsUnavailable(new OperationCanceledException(cancelled.Token), cancelled.Token));
    }

    [Fact]
    public async Task Create_NothingListening_FailsAsOutageWithinSeconds()
    {
        var store = new ScenarioStore(
            StorageConnection.CreateClient(new TableStorageSettings(AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()), null, null, null)),
            TimeProvider.System);
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage()).Scenario!;
        var elapsed = Stopwatch.StartNew();

        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => store.CreateAsync("default", scenario));

        Assert.True(StorageFailure.IsUnavailable(failure), failure.ToString());
        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb\n")]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb\r\n")]
    public async Task GetUpdateDelete_IdWithTrailingNewline_AnswerNotFoundWithoutCallingStorage(string id)
    {
        // Nothing listens: any call to storage would fail as an outage, so a plain "not found" shows none was made.
        var store = new ScenarioStore(
            StorageConnection.CreateClient(new TableStorageSettings(AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()), null, null, null)),
            TimeProvider.System);
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage()).Scenario!;

        Assert.Null(await store.GetAsync("default", id));
        Assert.Equal(WriteStatus.NotFound, (await store.UpdateAsync("default", id, scenario, null)).Status);
        Assert.Equal(WriteStatus.NotFound, await store.DeleteAsync("default", id, null));
    }

    [Fact]
    public async Task IsReachable_NothingListening_IsFalse()
    {
        var health = new StorageHealth(StorageConnection.CreateClient(
            new TableStorageSettings(AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()), null, null, null)));

        Assert.False(await health.IsReachableAsync());
    }

    [Fact]
    public void CreateClient_NoConnectionStringNorUri_Throws() =>
        Assert.Throws<ArgumentException>(() => StorageConnection.CreateClient(new TableStorageSettings(null, null, null, null)));
}
