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
        Assert.Equal(0.1234567890123456789m, read.Scenario.Approaches[0].Accuracy);
        Assert.Equal("0.1234567890123456789", read.Scenario.Approaches[0].Accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000_000m, read.Scenario.Approaches[1].FixedMonthlyCost);
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(read.Scenario));
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
