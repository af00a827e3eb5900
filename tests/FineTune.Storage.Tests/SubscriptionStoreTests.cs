using FineTune.Core;

namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SubscriptionStoreTests(AzuriteFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly Uri Hook = new("https://198.51.100.7/workflows/run?sig=a%2Bb");

    private SubscriptionStore Store() => new(fixture.Service, new FixedTimeProvider(Noon.AddTicks(4567)));

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task CreateThenGet_ReadsBackEveryField()
    {
        SubscriptionStore store = Store();
        string workspace = NewWorkspace();

        AlertSubscription created = await store.CreateAsync(workspace, Hook, "0190f5c2a1b27c3d8e9f00112233aabb", AlertSeverity.Alert);
        AlertSubscription? read = await store.GetAsync(workspace, created.Id);

        Assert.Equal(created, read);
        Assert.Matches("^[0-9a-f]{32}$", created.Id);
        Assert.Equal(43, created.Secret.Length);
        Assert.Equal(Noon, created.CreatedAt);
        Assert.Equal(Hook, read!.NotificationUrl);
    }

    [Fact]
    public async Task Create_TwoSubscriptions_HaveDifferentIdsAndSecrets()
    {
        SubscriptionStore store = Store();
        string workspace = NewWorkspace();

        AlertSubscription first = await store.CreateAsync(workspace, Hook, null, AlertSeverity.Warning);
        AlertSubscription second = await store.CreateAsync(workspace, Hook, null, AlertSeverity.Warning);

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), (await store.ListAsync(workspace)).Select(s => s.Id));
    }

    [Fact]
    public async Task List_OtherWorkspaceAndIndexRows_AreNotIncluded()
    {
        SubscriptionStore store = Store();
        string workspace = NewWorkspace();
        string other = NewWorkspace();
        AlertSubscription mine = await store.CreateAsync(workspace, Hook, null, AlertSeverity.Warning);
        await store.CreateAsync(other, Hook, null, AlertSeverity.Warning);

        IReadOnlyList<AlertSubscription> listed = await store.ListAsync(workspace);

        Assert.Equal([mine], listed);
        Assert.Null(await store.GetAsync(other, mine.Id));
    }

    [Fact]
    public async Task DeleteById_WithoutTheWorkspace_DeletesOnceThenFindsNothing()
    {
        SubscriptionStore store = Store();
        string workspace = NewWorkspace();
        AlertSubscription created = await store.CreateAsync(workspace, Hook, null, AlertSeverity.Warning);

        bool first = await store.DeleteByIdAsync(created.Id);
        bool second = await store.DeleteByIdAsync(created.Id);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await store.GetAsync(workspace, created.Id));
        Assert.Empty(await store.ListAsync(workspace));
    }

    [Fact]
    public async Task Delete_InTheWorkspace_AlsoRemovesTheIndexRow()
    {
        SubscriptionStore store = Store();
        string workspace = NewWorkspace();
        AlertSubscription created = await store.CreateAsync(workspace, Hook, null, AlertSeverity.Warning);

        Assert.True(await store.DeleteAsync(workspace, created.Id));

        Assert.False(await store.DeleteByIdAsync(created.Id));
        Assert.False(await store.DeleteAsync(workspace, created.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("~ids")]
    [InlineData("0190F5C2A1B27C3D8E9F00112233AABB")]
    [InlineData("0190f5c2a1b27c3d8e9f00112233aabb\n")]
    public async Task MalformedId_NamesNoSubscription(string id)
    {
        SubscriptionStore store = Store();

        Assert.Null(await store.GetAsync(NewWorkspace(), id));
        Assert.False(await store.DeleteByIdAsync(id));
    }

    [Theory]
    [InlineData(AlertSeverity.Warning, AlertSeverity.Warning, true)]
    [InlineData(AlertSeverity.Warning, AlertSeverity.Alert, true)]
    [InlineData(AlertSeverity.Alert, AlertSeverity.Warning, false)]
    [InlineData(AlertSeverity.Alert, AlertSeverity.Alert, true)]
    public void Matches_Severity_AtLeastTheMinimum(AlertSeverity minimum, AlertSeverity severity, bool matches)
    {
        var subscription = new AlertSubscription("id", "ws", Hook, null, minimum, "secret", Noon);

        Assert.Equal(matches, subscription.Matches(Alert("s1", severity)));
    }

    [Fact]
    public void Matches_ScenarioFilter_OnlyThatScenario()
    {
        var subscription = new AlertSubscription("id", "ws", Hook, "s1", AlertSeverity.Warning, "secret", Noon);

        Assert.True(subscription.Matches(Alert("s1", AlertSeverity.Warning)));
        Assert.False(subscription.Matches(Alert("s2", AlertSeverity.Alert)));
    }

    private static Alert Alert(string scenarioId, AlertSeverity severity) =>
        new("a", scenarioId, "ft", AlertKind.Spike, severity, new DateOnly(2026, 11, 30), 20m, 10m, 10m, 1m, "Spike.");
}
