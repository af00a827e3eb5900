using System.Globalization;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class UsageStoreTests(AzuriteFixture fixture)
{
    private static readonly DateOnly Day = new(2026, 11, 3);

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static UsageRecord Record(DateOnly date, string approach = "prompt", long requests = 1000, decimal? spend = null) =>
        new(date, approach, requests, 2_000_000, 500_000, 100_000, spend, 12);

    [Fact]
    public async Task WriteThenRead_ExactSpendAndEveryCount_ReadBackUnchanged()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId();
        UsageRecord[] records = [Record(Day, "ft", spend: 0.1234567890123456789012345678m), Record(Day, "prompt") with { Errors = null, CachedInputTokens = null }];

        Assert.True(await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, records, null)]));
        StoredUsageDay read = Assert.Single(await store.ReadAsync(workspace, scenario, Day, Day));

        Assert.Equal(Day, read.Date);
        Assert.Equal(1, read.Version);
        Assert.Equal(records, read.Records);
        Assert.Equal("0.1234567890123456789012345678", read.Records[0].Spend!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Write_Row_HoldsTheRecordsAsJsonWithTheDayAsRowKey()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId();

        await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day, spend: 12.50m)], null)]);
        TableEntity row = (await fixture.Service.GetTableClient(UsageStore.TableName).GetEntityAsync<TableEntity>($"{workspace}:{scenario}", "2026-11-03")).Value;

        Assert.Contains("\"spend\":12.50", row.GetString("Records"), StringComparison.Ordinal);
        Assert.Equal(1000, row.GetInt64("Requests"));
        Assert.Equal(1, row.GetInt64("Version"));
    }

    [Fact]
    public async Task Write_StaleVersion_WritesNothingAndSaysSo()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId();
        await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day)], null)]);
        StoredUsageDay first = (await store.ReadAsync(workspace, scenario, Day, Day))[0];
        Assert.True(await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day, requests: 2)], first)]));

        bool stale = await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day, requests: 3)], first)]);
        bool alreadyThere = await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day, requests: 4)], null)]);
        StoredUsageDay read = (await store.ReadAsync(workspace, scenario, Day, Day))[0];

        Assert.False(stale);
        Assert.False(alreadyThere);
        Assert.Equal((2L, 2L), (read.Records[0].Requests, read.Version));
    }

    [Fact]
    public async Task Write_OneStaleDayInATransaction_WritesNoneOfIt()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId();
        await store.TryWriteAsync(workspace, scenario, [new UsageDayWrite(Day, [Record(Day)], null)]);

        bool written = await store.TryWriteAsync(workspace, scenario,
            [new UsageDayWrite(Day.AddDays(1), [Record(Day.AddDays(1))], null), new UsageDayWrite(Day, [Record(Day, requests: 9)], null)]);

        Assert.False(written);
        Assert.Single(await store.ReadAsync(workspace, scenario, Day, Day.AddDays(1)));
    }

    [Fact]
    public async Task Read_Range_IsInclusiveOldestFirstAndPerScenario()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId(), other = NewId();
        UsageDayWrite[] days = [.. Enumerable.Range(0, 100).Select(i => new UsageDayWrite(Day.AddDays(i), [Record(Day.AddDays(i))], null))];
        await store.TryWriteAsync(workspace, scenario, days);
        await store.TryWriteAsync(workspace, other, [new UsageDayWrite(Day.AddDays(5), [Record(Day.AddDays(5))], null)]);

        IReadOnlyList<StoredUsageDay> read = await store.ReadAsync(workspace, scenario, Day.AddDays(5), Day.AddDays(14));

        Assert.Equal(Enumerable.Range(5, 10).Select(i => Day.AddDays(i)), read.Select(d => d.Date));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            store.TryWriteAsync(workspace, scenario, [.. days, new UsageDayWrite(Day.AddDays(-1), [], null)]).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task DeleteScenario_ManyDays_LeavesNoneAndKeepsOtherScenarios()
    {
        var store = new UsageStore(fixture.Service);
        string workspace = NewWorkspace(), scenario = NewId(), other = NewId();
        for (int chunk = 0; chunk < 3; chunk++)
        {
            await store.TryWriteAsync(workspace, scenario,
                [.. Enumerable.Range(chunk * 100, 100).Select(i => new UsageDayWrite(Day.AddDays(i), [Record(Day.AddDays(i))], null))]);
        }
        await store.TryWriteAsync(workspace, other, [new UsageDayWrite(Day, [Record(Day)], null)]);

        int deleted = await store.DeleteScenarioAsync(workspace, scenario);

        Assert.Equal(300, deleted);
        Assert.Empty(await store.ReadAsync(workspace, scenario, DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Single(await store.ReadAsync(workspace, other, DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public async Task ScenarioId_NotAnIdThisAppMakes_IsRefusedBeforeItReachesAKey()
    {
        var store = new UsageStore(fixture.Service);

        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync(NewWorkspace(), "x:y", Day, Day));
    }
}
