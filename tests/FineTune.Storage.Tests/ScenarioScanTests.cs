using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

public sealed class ScenarioScanTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScanAll_ThreeWorkspacesInPagesOfTwo_YieldsEveryScenarioOnceInWorkspaceAndIdOrder()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var store = new ScenarioStore(StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null)),
            new FixedTimeProvider(Noon));
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage()).Scenario!;
        var created = new List<StoredScenario>();
        foreach (string workspace in (string[])["ws-c", "ws-a", "ws-b", "ws-a", "ws-c"])
        {
            created.Add(await store.CreateAsync(workspace, scenario));
        }

        var pages = new List<ScannedPage>();
        await foreach (ScannedPage page in store.ScanAllAsync(pageSize: 2))
        {
            pages.Add(page);
        }
        ScannedScenario[] scanned = [.. pages.SelectMany(page => page.Items)];

        Assert.Equal(3, pages.Count);
        Assert.All(pages.SkipLast(1), page => Assert.NotNull(page.ContinuationToken));
        Assert.Equal(
            created.Select(s => (s.Workspace, s.Id)).OrderBy(k => k.Workspace, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal),
            scanned.Select(s => (s.Workspace, s.Id)));
        Assert.All(scanned, s => Assert.Equal(Noon, s.UpdatedAt));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(scanned[0].Parse().Scenario!));
    }

    [Fact]
    public async Task Parse_RowThatIsNoLongerAScenario_GivesErrorsInsteadOfThrowing()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        var service = StorageConnection.CreateClient(new TableStorageSettings(azurite.ConnectionString, null, null, null));
        var store = new ScenarioStore(service, new FixedTimeProvider(Noon));
        StoredScenario stored = await store.CreateAsync("ws-a", ScenarioJson.Parse(Samples.SupportTriage()).Scenario!);
        await service.GetTableClient(ScenarioStore.TableName).UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity("ws-a", stored.Id) { ["ScenarioJson"] = "{\"name\":1}", ["UpdatedAt"] = Noon });

        ScannedScenario row = (await store.ScanAllAsync().FirstAsync()).Items.Single();

        Assert.False(row.Parse().IsValid);
        Assert.Contains("name", row.Parse().Errors.Keys);
    }
}
