namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RecomputeRunStoreTests(AzuriteFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private RecomputeRunStore Store() => new(fixture.Service);

    private static string NewId() => "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void SlotId_AnyOffset_IsTheUtcSecond() =>
        Assert.Equal("2025-03-14T10:00:00Z", RecomputeRunStore.SlotId(new DateTimeOffset(2025, 3, 14, 11, 0, 0, TimeSpan.FromHours(1))));

    [Fact]
    public async Task Claim_NewRun_StartsItHoldingTheLease()
    {
        string id = NewId();

        RecomputeClaim claim = await Store().ClaimAsync(RecomputeTrigger.Schedule, id, Noon, Lease);

        Assert.Equal(RecomputeClaimStatus.Started, claim.Status);
        Assert.True(claim.Holds);
        Assert.Equal(RecomputePhase.Scan, claim.Run.Phase);
        Assert.Equal(1, claim.Run.Attempts);
        Assert.Equal(Noon + Lease, claim.Run.LeaseUntil);
    }

    [Fact]
    public async Task Claim_WhileAnotherHoldsALiveLease_IsBusy()
    {
        string id = NewId();
        await Store().ClaimAsync(RecomputeTrigger.Schedule, id, Noon, Lease);

        RecomputeClaim second = await Store().ClaimAsync(RecomputeTrigger.Schedule, id, Noon.AddMinutes(1), Lease);

        Assert.Equal(RecomputeClaimStatus.Busy, second.Status);
        Assert.False(second.Holds);
    }

    [Fact]
    public async Task Claim_AfterTheLeaseLapsed_ResumesWithCheckpoint()
    {
        RecomputeRunStore store = Store();
        string id = NewId();
        RecomputeRun run = (await store.ClaimAsync(RecomputeTrigger.Schedule, id, Noon, Lease)).Run;
        await store.SaveAsync(run with { Phase = RecomputePhase.Write, Checkpoint = new("ws-a", "0123") });

        RecomputeClaim resumed = await store.ClaimAsync(RecomputeTrigger.Schedule, id, Noon.AddMinutes(6), Lease);

        Assert.Equal(RecomputeClaimStatus.Resumed, resumed.Status);
        Assert.Equal(2, resumed.Run.Attempts);
        Assert.Equal(new RecomputeCheckpoint("ws-a", "0123"), resumed.Run.Checkpoint);
        Assert.Equal(RecomputePhase.Write, resumed.Run.Phase);
    }

    [Fact]
    public async Task Claim_CompletedRun_IsAlreadyCompletedAndBecomesTheLatest()
    {
        RecomputeRunStore store = Store();
        string id = NewId();
        RecomputeRun run = (await store.ClaimAsync(RecomputeTrigger.Manual, id, Noon, Lease)).Run;
        await store.SaveAsync(run with { Phase = RecomputePhase.Done, CompletedAt = Noon, Counts = RecomputeCounts.None with { Scenarios = 42 } });

        RecomputeClaim again = await store.ClaimAsync(RecomputeTrigger.Manual, id, Noon.AddHours(1), Lease);
        RecomputeRun? latest = await store.GetLastCompletedAsync();

        Assert.Equal(RecomputeClaimStatus.AlreadyCompleted, again.Status);
        Assert.Equal(42, again.Run.Counts.Scenarios);
        Assert.NotNull(latest);
    }

    [Fact]
    public async Task Save_AfterAnotherRunTookOver_ReturnsNull()
    {
        RecomputeRunStore store = Store();
        string id = NewId();
        RecomputeRun first = (await store.ClaimAsync(RecomputeTrigger.Schedule, id, Noon, Lease)).Run;
        RecomputeClaim takeover = await store.ClaimAsync(RecomputeTrigger.Schedule, id, Noon.AddMinutes(10), Lease);

        RecomputeRun? saved = await store.SaveAsync(first with { Phase = RecomputePhase.Publish });

        Assert.Equal(RecomputeClaimStatus.Resumed, takeover.Status);
        Assert.Null(saved);
    }
}
