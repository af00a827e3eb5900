using System.Text;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScenarioStoreTests(AzuriteFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, 123, TimeSpan.Zero);
    private readonly FixedTimeProvider clock = new(Noon);

    private ScenarioStore Store() => new(fixture.Service, clock);

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    private static Scenario Sample(Func<string, string>? change = null)
    {
        string json = Encoding.UTF8.GetString(Samples.SupportTriage());
        ScenarioParseResult parsed = ScenarioJson.Parse(Encoding.UTF8.GetBytes(change is null ? json : change(json)));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return parsed.Scenario!;
    }

    [Fact]
    public async Task CreateThenGet_DecimalsBeyondDoublePrecision_ReadBackExactly()
    {
        Scenario scenario = Sample(json => json
            .Replace("\"accuracy\": 0.86", "\"accuracy\": 0.1234567890123456789", StringComparison.Ordinal)
            .Replace("\"fixedMonthlyCost\": 250", "\"fixedMonthlyCost\": 1e9", StringComparison.Ordinal));
        ScenarioStore store = Store();
        string workspace = NewWorkspace();

        StoredScenario created = await store.CreateAsync(workspace, scenario);
        StoredScenario? read = await store.GetAsync(workspace, created.Id);

        Assert.NotNull(read);
        Scenario readBack = read.Parse().Scenario!;
        Assert.Equal(0.1234567890123456789m, readBack.Approaches[0].Accuracy);
        Assert.Equal("0.1234567890123456789", readBack.Approaches[0].Accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000_000m, readBack.Approaches[1].FixedMonthlyCost);
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(readBack));
        Assert.Equal(created.Json, read.Json);
    }

    [Fact]
    public async Task Create_Row_HoldsScenarioAsJsonTextWithNameAndSegmentColumns()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        Scenario scenario = Sample();

        StoredScenario created = await store.CreateAsync(workspace, scenario);
        TableEntity row = (await fixture.Service.GetTableClient(ScenarioStore.TableName).GetEntityAsync<TableEntity>(workspace, created.Id)).Value;

        Assert.Equal(ScenarioJson.Serialize(scenario), row.GetString("ScenarioJson"));
        Assert.Equal("Support ticket triage", row.GetString("Name"));
        Assert.Equal("enterprise-ai", row.GetString("Segment"));
    }

    [Fact]
    public async Task Create_InjectedClock_SetsCreatedAtAndUpdatedAt()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();

        StoredScenario created = await store.CreateAsync(workspace, Sample());
        clock.Now = Noon.AddHours(1);
        UpdateResult updated = await store.UpdateAsync(workspace, created.Id, Sample(), [created.ETag]);
        StoredScenario? read = await store.GetAsync(workspace, created.Id);

        Assert.Equal(Noon, created.CreatedAt);
        Assert.Equal(Noon, created.UpdatedAt);
        Assert.Equal(WriteStatus.Done, updated.Status);
        Assert.Equal(Noon, read!.CreatedAt);
        Assert.Equal(Noon.AddHours(1), read.UpdatedAt);
        Assert.Equal(updated.Scenario!.ETag, read.ETag);
    }

    [Fact]
    public async Task Update_StaleETag_IsPreconditionFailedAndKeepsCurrentVersion()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        StoredScenario created = await store.CreateAsync(workspace, Sample());
        UpdateResult first = await store.UpdateAsync(workspace, created.Id, Sample(), [created.ETag]);

        UpdateResult stale = await store.UpdateAsync(workspace, created.Id, Sample(), [created.ETag]);

        Assert.Equal(WriteStatus.Done, first.Status);
        Assert.NotEqual(created.ETag, first.Scenario!.ETag);
        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal(first.Scenario.ETag, (await store.GetAsync(workspace, created.Id))!.ETag);
    }

    [Fact]
    public async Task UpdateAndDelete_ETagList_ActOnlyWhenTheListNamesTheCurrentVersion()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        StoredScenario created = await store.CreateAsync(workspace, Sample());

        UpdateResult updated = await store.UpdateAsync(workspace, created.Id, Sample(), ["\"other\"", created.ETag]);
        WriteStatus staleDelete = await store.DeleteAsync(workspace, created.Id, ["\"other\"", created.ETag]);
        WriteStatus deleted = await store.DeleteAsync(workspace, created.Id, [created.ETag, updated.Scenario!.ETag]);

        Assert.Equal(WriteStatus.Done, updated.Status);
        Assert.Equal(WriteStatus.PreconditionFailed, staleDelete);
        Assert.Equal(WriteStatus.Done, deleted);
        Assert.Null(await store.GetAsync(workspace, created.Id));
    }

    [Fact]
    public async Task GetUpdateDelete_OtherWorkspace_SeeNothing()
    {
        ScenarioStore store = Store();
        string owner = NewWorkspace();
        string other = NewWorkspace();
        StoredScenario created = await store.CreateAsync(owner, Sample());

        Assert.Null(await store.GetAsync(other, created.Id));
        Assert.Equal(WriteStatus.NotFound, (await store.UpdateAsync(other, created.Id, Sample(), null)).Status);
        Assert.Equal(WriteStatus.NotFound, await store.DeleteAsync(other, created.Id, null));
        Assert.Empty((await store.ListAsync(other, 10, null))!.Items);
        Assert.NotNull(await store.GetAsync(owner, created.Id));
    }

    [Fact]
    public async Task Delete_CurrentETag_RemovesScenario()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        StoredScenario created = await store.CreateAsync(workspace, Sample());

        WriteStatus deleted = await store.DeleteAsync(workspace, created.Id, [created.ETag]);

        Assert.Equal(WriteStatus.Done, deleted);
        Assert.Null(await store.GetAsync(workspace, created.Id));
        Assert.Equal(WriteStatus.NotFound, await store.DeleteAsync(workspace, created.Id, null));
    }

    [Fact]
    public async Task List_ThreePagesOfTwo_ReturnsEveryScenarioOnceOldestFirst()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            clock.Now = Noon.AddSeconds(i);
            ids.Add((await store.CreateAsync(workspace, Sample())).Id);
        }

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            ScenarioPage page = (await store.ListAsync(workspace, 2, token))!;
            seen.AddRange(page.Items.Select(item => item.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task List_TokenOfAnotherWorkspace_IsRefused()
    {
        ScenarioStore store = Store();
        string owner = NewWorkspace();
        await store.CreateAsync(owner, Sample());
        await store.CreateAsync(owner, Sample());
        string token = (await store.ListAsync(owner, 1, null))!.ContinuationToken!;

        Assert.True(ScenarioStore.IsWellFormedContinuationToken(owner, token));
        Assert.False(ScenarioStore.IsWellFormedContinuationToken(NewWorkspace(), token));
        Assert.Null(await store.ListAsync(NewWorkspace(), 1, token));
    }

    /// <summary>Rows that today's rules refuse, written past the store: looser rules once, or a hand at the table.</summary>
    private static readonly string[] Refused =
    [
        """{"name":"broken"}""",
        """{"name":"old","workload":{"requestsPerMonth":-5,"horizonMonths":12},"approaches":[],"extra":true}""",
        "not JSON at all",
        "",
    ];

    public static TheoryData<string> RefusedRows => [.. Refused];

    [Theory]
    [MemberData(nameof(RefusedRows))]
    public async Task Get_RowTodaysRulesRefuse_ReadsAsStoredAndParseNamesTheRules(string json)
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        string id = Guid.NewGuid().ToString("N");
        await WriteRowAsync(workspace, id, json);

        StoredScenario? read = await store.GetAsync(workspace, id);

        Assert.NotNull(read);
        Assert.Equal(json, read.Json);
        Assert.Equal((Noon, Noon.AddHours(1)), (read.CreatedAt, read.UpdatedAt));
        ScenarioParseResult parsed = read.Parse();
        Assert.False(parsed.IsValid);
        Assert.NotEmpty(parsed.Errors);
    }

    [Fact]
    public async Task List_RowsTodaysRulesRefuseBetweenValidOnes_ReturnsEveryRowAsStored()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        StoredScenario valid = await store.CreateAsync(workspace, Sample());
        foreach (string json in Refused)
        {
            await WriteRowAsync(workspace, Guid.NewGuid().ToString("N"), json);
        }
        // A row with no scenario column at all, under a key the store would never make.
        await fixture.Service.GetTableClient(ScenarioStore.TableName).AddEntityAsync(new TableEntity(workspace, "by-hand"));

        ScenarioPage page = (await store.ListAsync(workspace, 10, null))!;

        Assert.Equal(Refused.Length + 2, page.Items.Count);
        Assert.Equal(valid, Assert.Single(page.Items, item => item.Id == valid.Id));
        Assert.Equal([.. Refused.Append("").Order()], page.Items.Where(item => item.Id != valid.Id).Select(item => item.Json).Order());
        Assert.Equal("", Assert.Single(page.Items, item => item.Id == "by-hand").Json);
    }

    [Fact]
    public async Task GetListAndScan_ColumnsOfAnotherTypeOrMissing_ReadAsNoScenarioAtTheRowsLastWrite()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        string id = Guid.NewGuid().ToString("N");
        TableClient table = fixture.Service.GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(workspace, id) { ["ScenarioJson"] = 42, ["CreatedAt"] = "yesterday" });
        DateTimeOffset written = (await table.GetEntityAsync<TableEntity>(workspace, id)).Value.Timestamp!.Value;

        StoredScenario? read = await store.GetAsync(workspace, id);
        ScenarioPage page = (await store.ListAsync(workspace, 10, null))!;
        ScannedScenario scanned = await ScanOneAsync(store, workspace);

        Assert.Equal(("", written, written), (read!.Json, read.CreatedAt, read.UpdatedAt));
        Assert.Equal(read, Assert.Single(page.Items));
        Assert.Equal((id, written), (scanned.Id, scanned.UpdatedAt));
        Assert.False(scanned.Parse().IsValid);
    }

    [Fact]
    public async Task Update_RowTodaysRulesRefuse_ReplacesItWithAValidScenario()
    {
        ScenarioStore store = Store();
        string workspace = NewWorkspace();
        string id = Guid.NewGuid().ToString("N");
        await WriteRowAsync(workspace, id, """{"name":"broken"}""");
        StoredScenario broken = (await store.GetAsync(workspace, id))!;

        UpdateResult updated = await store.UpdateAsync(workspace, id, Sample(), [broken.ETag]);

        Assert.Equal(WriteStatus.Done, updated.Status);
        Assert.True((await store.GetAsync(workspace, id))!.Parse().IsValid);
        Assert.Equal(Noon, updated.Scenario!.CreatedAt);
    }

    private static async Task<ScannedScenario> ScanOneAsync(ScenarioStore store, string workspace)
    {
        await foreach (ScannedPage page in store.ScanAllAsync())
        {
            if (page.Items.SingleOrDefault(item => item.Workspace == workspace) is { } item)
            {
                return item;
            }
        }
        throw new InvalidOperationException($"No row of {workspace} was scanned.");
    }

    private async Task WriteRowAsync(string workspace, string id, string json)
    {
        TableClient table = fixture.Service.GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(workspace, id)
        {
            ["Name"] = "written past the store",
            ["ScenarioJson"] = json,
            ["CreatedAt"] = Noon,
            ["UpdatedAt"] = Noon.AddHours(1),
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("ZGVmYXVsdA")]
    public void IsWellFormedContinuationToken_Garbage_IsFalse(string token) =>
        Assert.False(ScenarioStore.IsWellFormedContinuationToken("default", token));

    [Theory]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb", true)]
    [InlineData("0190F5C2A1B27C3D8E9F00112233AABB", false)]
    [InlineData("../scenarios", false)]
    [InlineData("", false)]
    public void IsWellFormedId_Shapes_AreRecognised(string id, bool expected) =>
        Assert.Equal(expected, ScenarioStore.IsWellFormedId(id));
}
