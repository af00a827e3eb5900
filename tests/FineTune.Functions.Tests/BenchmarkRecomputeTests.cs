using FineTune.Core;
using FineTune.Functions.Recompute;
using FineTune.Storage;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Tests;

/// <summary>The recompute job against a dedicated Azurite per test: peer statistics and run records are global.</summary>
public sealed class BenchmarkRecomputeTests
{
    private static readonly DateTimeOffset Slot = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunSlot_FourScenariosFromThreeWorkspaces_PublishesNoPeers()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 3, perWorkspace: 1);
        await harness.Scenarios.CreateAsync("ws-0", RecomputeHarness.Sample());

        RecomputeSummary summary = await harness.Job().RunSlotAsync(Slot);
        PeerStatisticsSnapshot peers = await harness.Peers.GetAsync();

        Assert.Equal(4, summary.Scenarios);
        Assert.Equal(0, summary.PeerRowsPublished);
        Assert.Equal(Slot, peers.ComputedAt);
        Assert.Empty(peers.Statistics);
    }

    [Fact]
    public async Task RunSlot_FiveScenariosFromThreeWorkspaces_PublishesTheSegmentsMetricsAndPlacesEachScenario()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        List<StoredScenario> created = await harness.SeedAsync(workspaces: 3, perWorkspace: 1);
        created.Add(await harness.Scenarios.CreateAsync("ws-0", RecomputeHarness.Sample()));
        created.Add(await harness.Scenarios.CreateAsync("ws-1", RecomputeHarness.Sample()));

        RecomputeSummary summary = await harness.Job().RunSlotAsync(Slot);
        PeerStatisticsSnapshot peers = await harness.Peers.GetAsync();
        StoredComparison? comparison = await harness.Comparisons.GetAsync("ws-2", created[2].Id);

        Assert.Equal(3, summary.PeerRowsPublished);
        Assert.Equal(
            [Metric.AiCogsToRevenue, Metric.InferenceCostPerRequest, Metric.ModelRoutingCoverage],
            peers.Statistics.Select(s => s.Metric));
        Assert.All(peers.Statistics, s => Assert.Equal((Segment.EnterpriseAi, 5, 3), (s.Segment, s.Count, s.Workspaces)));
        Assert.NotNull(comparison);
        // Five equal values: every other one ties, so the share of peers beaten is (0 + 0.5 * 4) / 4.
        Assert.All(comparison.Metrics.Where(m => m.Metric != Metric.AiFeatureProfitability), m => Assert.Equal(0.5m, m.Peers!.ShareOfPeersBeaten));
        // Three workspaces are too few for ai-feature-profitability peers, but each workspace has its own figure.
        MetricComparison profitability = Assert.Single(comparison.Metrics, m => m.Metric == Metric.AiFeatureProfitability);
        Assert.Null(profitability.Peers);
    }

    [Fact]
    public async Task RunSlot_FiveWorkspacesWithRevenue_PublishesAiFeatureProfitabilityUnderAllSectors()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        List<StoredScenario> created = await harness.SeedAsync(workspaces: 5, perWorkspace: 1);
        Analysis analysis = Analyzer.Analyze(created[0].Parse().Scenario!);
        decimal expected = analysis.Approaches.Single(a => a.Id == analysis.Recommendation.ApproachId).Horizon.GrossMargin > 0 ? 1m : 0m;

        await harness.Job().RunSlotAsync(Slot);
        PeerStatisticsSnapshot peers = await harness.Peers.GetAsync();
        StoredComparison? comparison = await harness.Comparisons.GetAsync("ws-4", created[4].Id);

        PeerStatistic statistic = Assert.Single(peers.Statistics, s => s.Metric == Metric.AiFeatureProfitability);
        Assert.Equal((Segment.AllSectors, 5, 5, expected), (statistic.Segment, statistic.Count, statistic.Workspaces, statistic.P50));
        MetricComparison metric = Assert.Single(comparison!.Metrics, m => m.Metric == Metric.AiFeatureProfitability);
        Assert.Equal(expected, metric.Value);
        Assert.Equal(Segment.AllSectors, metric.Band.Segment);
        Assert.Equal(0.5m, metric.Peers!.ShareOfPeersBeaten);
    }

    [Fact]
    public async Task RunSlot_SameSlotAgainOrPastDue_WritesNothing()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 2, perWorkspace: 3);
        BenchmarkRecompute job = harness.Job();
        RecomputeSummary first = await job.RunSlotAsync(Slot);
        int writesAfterFirst = harness.Counter.Writes;

        harness.Clock.Now = Slot.AddMinutes(20);
        RecomputeSummary again = await job.RunSlotAsync(Slot);
        RecomputeSummary pastDue = await harness.Job().RunSlotAsync(Slot);

        Assert.Equal((RecomputeStatus.Completed, false), (first.Status, first.Resumed));
        Assert.Equal(6, first.ComparisonsWritten);
        Assert.Equal(RecomputeStatus.AlreadyCompleted, again.Status);
        Assert.Equal(RecomputeStatus.AlreadyCompleted, pastDue.Status);
        Assert.Equal((0, 0), (again.ComparisonsWritten, again.Scenarios));
        Assert.Equal(writesAfterFirst, harness.Counter.Writes);
    }

    [Fact]
    public async Task RunManual_AfterTheSlotRan_RunsAgain()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 1, perWorkspace: 2);
        await harness.Job().RunSlotAsync(Slot);

        RecomputeSummary manual = await harness.Job().RunManualAsync();

        Assert.Equal((RecomputeTrigger.Manual, RecomputeStatus.Completed, false, 2), (manual.Trigger, manual.Status, manual.Resumed, manual.ComparisonsWritten));
    }

    [Fact]
    public async Task RunSlot_CancelledAfterTheFirstWriteWave_NextRunOfTheSlotWritesOnlyTheRest()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        List<StoredScenario> created = await harness.SeedAsync(workspaces: 3, perWorkspace: 2);
        var options = new RecomputeOptions { ConcurrentWrites = 1 };
        using var stop = new CancellationTokenSource();
        var cancelAfterFirstWave = new Callback<RecomputeProgress>(p =>
        {
            if (p.Phase == RecomputePhase.Write)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Job(options).RunSlotAsync(Slot, cancelAfterFirstWave, stop.Token));
        RecomputeRun? interrupted = await harness.Runs.GetAsync(RecomputeTrigger.Schedule, RecomputeRunStore.SlotId(Slot));
        RecomputeSummary resumed = await harness.Job(options).RunSlotAsync(Slot);
        RecomputeRun? done = await harness.Runs.GetAsync(RecomputeTrigger.Schedule, RecomputeRunStore.SlotId(Slot));

        Assert.Equal(RecomputePhase.Write, interrupted!.Phase);
        Assert.Equal(new RecomputeCheckpoint("ws-0", created.Where(s => s.Workspace == "ws-0").Max(s => s.Id)!), interrupted.Checkpoint);
        Assert.Equal((RecomputeStatus.Completed, true), (resumed.Status, resumed.Resumed));
        Assert.Equal((2, 4, 2), (resumed.Attempts, resumed.ComparisonsWritten, resumed.ComparisonsAlreadyWritten));
        Assert.Equal((RecomputePhase.Done, 6), (done!.Phase, done.Counts.ComparisonsWritten));
        Assert.All(await Task.WhenAll(created.Select(s => harness.Comparisons.GetAsync(s.Workspace, s.Id))), Assert.NotNull);
    }

    [Fact]
    public async Task RunSlot_CancelledDuringTheScan_NextSlotCompletesTheWork()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        List<StoredScenario> created = await harness.SeedAsync(workspaces: 2, perWorkspace: 3);
        var options = new RecomputeOptions { PageSize = 2 };
        using var stop = new CancellationTokenSource();
        var cancelAfterFirstPage = new Callback<RecomputeProgress>(_ => stop.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Job(options).RunSlotAsync(Slot, cancelAfterFirstPage, stop.Token));
        int comparisonsAfterCancel = (await Task.WhenAll(created.Select(s => harness.Comparisons.GetAsync(s.Workspace, s.Id)))).Count(c => c is not null);
        RecomputeSummary next = await harness.Job(options).RunSlotAsync(Slot.AddHours(1));

        Assert.Equal(0, comparisonsAfterCancel);
        Assert.Equal((RecomputeStatus.Completed, false, 6, 6), (next.Status, next.Resumed, next.Scenarios, next.ComparisonsWritten));
        Assert.All(await Task.WhenAll(created.Select(s => harness.Comparisons.GetAsync(s.Workspace, s.Id))), Assert.NotNull);
    }

    [Fact]
    public async Task RunSlot_ResumedAfterCancelledScan_ScansAgainAndWritesEverything()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 2, perWorkspace: 3);
        var options = new RecomputeOptions { PageSize = 2 };
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Job(options).RunSlotAsync(Slot, new Callback<RecomputeProgress>(_ => stop.Cancel()), stop.Token));
        RecomputeSummary resumed = await harness.Job(options).RunSlotAsync(Slot);

        Assert.Equal((RecomputeStatus.Completed, true, 6, 0), (resumed.Status, resumed.Resumed, resumed.ComparisonsWritten, resumed.ComparisonsAlreadyWritten));
    }

    [Fact]
    public async Task RunSlot_RowsTodaysRulesRefuse_AreSkippedCountedAndLoggedWithWhatIsRefused()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        await harness.SeedAsync(workspaces: 1, perWorkspace: 2);
        Azure.Data.Tables.TableClient table = harness.Service.GetTableClient(ScenarioStore.TableName);
        string broken = Guid.NewGuid().ToString("N");
        string notJson = Guid.NewGuid().ToString("N");
        string mistyped = Guid.NewGuid().ToString("N");
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("ws-0", broken)
        {
            ["ScenarioJson"] = "{\"name\":\"broken\"}",
            ["UpdatedAt"] = RecomputeHarness.Noon,
        });
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("ws-1", notJson) { ["ScenarioJson"] = "not JSON" });
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("ws-1", mistyped) { ["ScenarioJson"] = 7, ["UpdatedAt"] = "noon" });
        // A valid scenario under a key the store would never make.
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("ws-1", "by-hand")
        {
            ["ScenarioJson"] = ScenarioJson.Serialize(RecomputeHarness.Sample()),
        });
        var log = new ListLogger<BenchmarkRecompute>();

        RecomputeSummary summary = await harness.Job(logger: log).RunSlotAsync(Slot);

        Assert.Equal((2, 4, 2, 1), (summary.Scenarios, summary.InvalidScenarios, summary.ComparisonsWritten, summary.Workspaces));
        var skipped = log.Lines.Where(line => line.Level == LogLevel.Warning && line.Values.ContainsKey("Refused"))
            .ToDictionary(line => $"{line.Values["Workspace"]}/{line.Values["ScenarioId"]}", line => (string)line.Values["Refused"]!);
        Assert.Equal(
            ((string[])[$"ws-0/{broken}", $"ws-1/{mistyped}", $"ws-1/{notJson}", "ws-1/by-hand"]).Order(StringComparer.Ordinal),
            skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("workload, approaches", skipped[$"ws-0/{broken}"]);
        Assert.Equal("$", skipped[$"ws-1/{notJson}"]);
        Assert.Equal("$", skipped[$"ws-1/{mistyped}"]);
        Assert.Equal("an id the store does not make", skipped["ws-1/by-hand"]);
        Assert.Null(await harness.Comparisons.GetAsync("ws-0", broken));
    }

    [Fact]
    public async Task RunSlot_ComparisonTiers_MatchTheAnalysisOfTheScenario()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        StoredScenario stored = (await harness.SeedAsync(workspaces: 1, perWorkspace: 1))[0];

        await harness.Job().RunSlotAsync(Slot);
        StoredComparison? comparison = await harness.Comparisons.GetAsync("ws-0", stored.Id);

        Analysis analysis = Analyzer.Analyze(stored.Parse().Scenario!);
        Assert.Equal(
            analysis.Benchmarks.Select(b => (b.Metric, b.Value, b.Tier, b.Band)),
            comparison!.Metrics.Where(m => m.Metric != Metric.AiFeatureProfitability).Select(m => (m.Metric, m.Value, m.Tier, m.Band)));
        Assert.Equal((Slot, 1L, stored.UpdatedAt), (comparison.ComputedAt, comparison.BenchmarkVersion, comparison.ScenarioUpdatedAt));
    }

    [Fact]
    public async Task RunSlot_ScenariosNamingModels_PricesThemAsOfTheirDayAndSkipsAndCountsTheOneTheCatalogCannotPrice()
    {
        await using RecomputeHarness harness = await RecomputeHarness.StartAsync();
        // The seed's OpenAI prices start on 2025-08-07; the run's day is 2025-03-14.
        Scenario named = RecomputeHarness.Sample(scenario =>
        {
            System.Text.Json.Nodes.JsonObject prompt = scenario["approaches"]![0]!.AsObject();
            prompt.Remove("pricing");
            prompt["model"] = "openai/gpt-4.1-mini-2025-04-14";
        });
        StoredScenario tooEarly = await harness.Scenarios.CreateAsync("ws-0", named);
        StoredScenario priced = await harness.Scenarios.CreateAsync("ws-0", named with { PricesAsOf = new DateOnly(2025, 9, 1) });
        var log = new ListLogger<BenchmarkRecompute>();

        RecomputeSummary summary = await harness.Job(logger: log).RunSlotAsync(Slot);
        StoredComparison? comparison = await harness.Comparisons.GetAsync("ws-0", priced.Id);

        Assert.Equal((1, 1, 1L, 1L), (summary.Scenarios, summary.InvalidScenarios, summary.BenchmarkVersion, summary.PriceVersion));
        Assert.Equal("approaches[0].model", Assert.Single(log.Lines, line => line.Values.ContainsKey("Refused")).Values["Refused"]);
        Assert.Null(await harness.Comparisons.GetAsync("ws-0", tooEarly.Id));
        Assert.Equal(1L, comparison!.PriceVersion);
        PricedScenario expected = ScenarioPrices.Resolve(priced.Parse().Scenario!, PriceSeed.Catalog, new DateOnly(2025, 3, 14)).Priced!;
        Assert.Equal(
            Analyzer.Analyze(expected).Benchmarks.Select(b => (b.Metric, b.Value, b.Tier)),
            comparison.Metrics.Where(m => m.Metric != Metric.AiFeatureProfitability).Select(m => (m.Metric, m.Value, m.Tier)));
    }
}
