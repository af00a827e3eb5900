using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlertStoreTests(AzuriteFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 4, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 3);
    private readonly FixedTimeProvider clock = new(Noon);

    private AlertStore Store() => new(fixture.Service, clock);

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Alert OverPlan(string scenario, DateOnly date, decimal actual, AlertSeverity severity = AlertSeverity.Warning) =>
        new(AlertRules.AlertId(scenario, AlertKind.OverPlan, date), scenario, "prompt", AlertKind.OverPlan, severity, date, actual, 251m,
            actual - 251m, (actual - 251m) / 251m, $"${actual} on {date:yyyy-MM-dd}.");

    private static AlertEvaluation Evaluation(string scenario, DateOnly date, Alert? alert, long basis) =>
        new(scenario, AlertKind.OverPlan, date, alert, basis);

    [Fact]
    public async Task Apply_NewAlert_FiresOnceAndReadsBackExactly()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        Alert alert = OverPlan(scenario, Day, 412.10m) with { ImpactRate = 0.6418326693227091633466135458m };

        AlertWrite first = await store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 1));
        AlertWrite again = await store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 1));
        StoredAlert? read = await store.GetAsync(workspace, alert.Id);

        Assert.Equal(AlertChange.Fired, first.Change);
        Assert.Equal(AlertChange.Unchanged, again.Change);
        Assert.NotNull(read);
        Assert.Equal(alert, read.Alert);
        Assert.Equal((Noon, Noon, (DateTimeOffset?)null, 1L, false, false),
            (read.FiredAt, read.UpdatedAt, read.AcknowledgedAt, read.Basis, read.Withdrawn, read.Notified));
    }

    [Fact]
    public async Task Apply_NewerEvaluation_UpdatesInPlace_AnOlderOneChangesNothing()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 330m), 1));
        clock.Now = Noon.AddHours(1);

        AlertWrite updated = await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 412m, AlertSeverity.Alert), 2));
        AlertWrite stale = await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 330m), 1));
        AlertPage page = (await store.ListAsync(workspace, null, null, 10, null))!;

        Assert.Equal(AlertChange.Updated, updated.Change);
        Assert.Equal(AlertChange.Unchanged, stale.Change);
        StoredAlert listed = Assert.Single(page.Items);
        Assert.Equal((412m, AlertSeverity.Alert, Noon, Noon.AddHours(1), 2L),
            (listed.Alert.Actual, listed.Alert.Severity, listed.FiredAt, listed.UpdatedAt, listed.Basis));
    }

    [Fact]
    public async Task Apply_RuleNoLongerFires_WithdrawsIt_AndFiringAgainIsNotAFirstFiring()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        Alert alert = OverPlan(scenario, Day, 412m);
        await store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 1));

        AlertWrite withdrawn = await store.ApplyAsync(workspace, Evaluation(scenario, Day, null, 2));
        StoredAlert? kept = await store.GetAsync(workspace, alert.Id);
        AlertPage hidden = (await store.ListAsync(workspace, null, null, 10, null))!;
        AlertWrite back = await store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 3));
        AlertPage shown = (await store.ListAsync(workspace, null, null, 10, null))!;

        Assert.Equal(AlertChange.Withdrawn, withdrawn.Change);
        Assert.True(kept?.Withdrawn);
        Assert.Empty(hidden.Items);
        Assert.Equal(AlertChange.Updated, back.Change);
        Assert.Equal(alert.Id, Assert.Single(shown.Items).Alert.Id);
    }

    [Fact]
    public async Task Apply_ManyWritersFireTheSameAlertAtOnce_ExactlyOneReportsItFired()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        Alert alert = OverPlan(scenario, Day, 412m);

        AlertWrite[] writes = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => Task.Run(() => store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 1)))));

        Assert.Single(writes, w => w.Change == AlertChange.Fired);
        Assert.All(writes.Where(w => w.Change != AlertChange.Fired), w => Assert.Equal(AlertChange.Unchanged, w.Change));
        Assert.Single((await store.ListAsync(workspace, null, null, 100, null))!.Items);
    }

    [Fact]
    public async Task ApplyAll_ManyFirstFirings_InsertsThemInTransactions_OneInsertedMeanwhileIsNotFiredTwice()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        (AlertEvaluation, StoredAlert?)[] evaluations =
            [.. Enumerable.Range(0, 120).Select(i => (Evaluation(scenario, Day.AddDays(i), OverPlan(scenario, Day.AddDays(i), 400m), 1), (StoredAlert?)null))];
        // Another writer fired day 70 after these were read as absent: its transaction of 50 falls back to one by one.
        await store.ApplyAsync(workspace, evaluations[70].Item1);

        IReadOnlyList<AlertWrite> writes = await store.ApplyAllAfterReadAsync(workspace, evaluations);
        AlertPage page = (await store.ListAsync(workspace, scenario, null, 1000, null))!;

        Assert.Equal(Enumerable.Range(0, 120).Select(i => i == 70 ? AlertChange.Unchanged : AlertChange.Fired), writes.Select(w => w.Change));
        Assert.Equal(120, page.Items.Count);
        Assert.Equal(Day.AddDays(119), page.Items[0].Alert.Date);
    }

    [Fact]
    public async Task InsertOnce_SecondTime_IsNotAFiring()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        Alert pace = OverPlan(scenario, Day, 412m) with { Id = AlertRules.AlertId(scenario, AlertKind.Pace, Day), Kind = AlertKind.Pace };

        StoredAlert? first = await store.InsertOnceAsync(workspace, pace);
        StoredAlert? second = await store.InsertOnceAsync(workspace, pace with { Actual = 999m });

        Assert.Equal(pace, first?.Alert);
        Assert.Null(second);
        Assert.Equal(412m, (await store.GetAsync(workspace, pace.Id))!.Alert.Actual);
    }

    [Fact]
    public async Task List_NewestFirst_PagedWithContinuationTokens_FilteredByScenarioAndSince()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId(), other = NewId();
        for (int i = 0; i < 5; i++)
        {
            clock.Now = Noon.AddMinutes(i);
            await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(i), OverPlan(scenario, Day.AddDays(i), 400m), 1));
            await store.ApplyAsync(workspace, Evaluation(other, Day.AddDays(i), OverPlan(other, Day.AddDays(i), 400m), 1));
        }

        AlertPage first = (await store.ListAsync(workspace, scenario, null, 2, null))!;
        AlertPage second = (await store.ListAsync(workspace, scenario, null, 2, first.ContinuationToken))!;
        AlertPage third = (await store.ListAsync(workspace, scenario, null, 2, second.ContinuationToken))!;
        AlertPage recent = (await store.ListAsync(workspace, null, Noon.AddMinutes(3), 100, null))!;

        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => Day.AddDays(i)),
            first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Alert.Date));
        Assert.All(first.Items.Concat(second.Items).Concat(third.Items), a => Assert.Equal(scenario, a.Alert.ScenarioId));
        Assert.Null(third.ContinuationToken);
        Assert.Equal(4, recent.Items.Count);
        Assert.All(recent.Items, a => Assert.True(a.FiredAt >= Noon.AddMinutes(3)));
        Assert.Null(await store.ListAsync(NewWorkspace(), scenario, null, 2, first.ContinuationToken));
    }

    [Fact]
    public async Task Acknowledge_SetsTheTimeOnce_UnknownOrWithdrawnIsNull()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        Alert alert = OverPlan(scenario, Day, 412m), gone = OverPlan(scenario, Day.AddDays(1), 412m);
        await store.ApplyAsync(workspace, Evaluation(scenario, Day, alert, 1));
        await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(1), gone, 1));
        await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(1), null, 2));
        clock.Now = Noon.AddHours(2);

        StoredAlert? acknowledged = await store.AcknowledgeAsync(workspace, alert.Id);
        clock.Now = Noon.AddHours(3);
        StoredAlert? again = await store.AcknowledgeAsync(workspace, alert.Id);
        StoredAlert listed = Assert.Single((await store.ListAsync(workspace, null, null, 10, null))!.Items);

        Assert.Equal(Noon.AddHours(2), acknowledged?.AcknowledgedAt);
        Assert.Equal(Noon.AddHours(2), again?.AcknowledgedAt);
        Assert.Equal(Noon.AddHours(2), listed.AcknowledgedAt);
        Assert.Null(await store.AcknowledgeAsync(workspace, gone.Id));
        Assert.Null(await store.AcknowledgeAsync(NewWorkspace(), alert.Id));
        Assert.Null(await store.AcknowledgeAsync(workspace, "not-an-alert"));
    }

    [Fact]
    public async Task DeleteScenario_RemovesBothRowsOfEveryAlert_KeepsOtherScenarios()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId(), other = NewId();
        for (int i = 0; i < 60; i++)
        {
            await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(i), OverPlan(scenario, Day.AddDays(i), 400m), 1));
        }
        await store.ApplyAsync(workspace, Evaluation(other, Day, OverPlan(other, Day, 400m), 1));

        int deleted = await store.DeleteScenarioAsync(workspace, scenario);

        Assert.Equal(60, deleted);
        Assert.Empty(await store.ReadScenarioAsync(workspace, scenario, DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1)));
        Assert.Equal(other, Assert.Single((await store.ListAsync(workspace, null, null, 100, null))!.Items).Alert.ScenarioId);
    }

    [Fact]
    public async Task ReadScenario_ByDate_IncludesWithdrawnAlerts()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        for (int i = 0; i < 5; i++)
        {
            await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(i), OverPlan(scenario, Day.AddDays(i), 400m), 1));
        }
        await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(2), null, 2));

        IReadOnlyList<StoredAlert> read = await store.ReadScenarioAsync(workspace, scenario, Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([Day.AddDays(1), Day.AddDays(2), Day.AddDays(3)], read.Select(a => a.Alert.Date));
        Assert.Equal([false, true, false], read.Select(a => a.Withdrawn));
    }

    [Fact]
    public async Task MarkNotified_NewAlert_BothRowsCarryTheMark()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        StoredAlert fired = (await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 412m), 1))).Alert!;
        StoredAlert listedBefore = Assert.Single((await store.ListAsync(workspace, null, null, 10, null))!.Items);

        await store.MarkNotifiedAsync(workspace, [fired]);
        StoredAlert? read = await store.GetAsync(workspace, fired.Alert.Id);
        StoredAlert listed = Assert.Single((await store.ListAsync(workspace, null, null, 10, null))!.Items);

        Assert.False(fired.Notified);
        Assert.False(listedBefore.Notified);
        Assert.True(read?.Notified);
        Assert.True(listed.Notified);
        Assert.Equal(fired.Alert, read!.Alert);
    }

    [Fact]
    public async Task MarkNotified_ThenAReEvaluationThatReadBeforeTheMark_KeepsTheMark()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        StoredAlert fired = (await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 330m), 1))).Alert!;
        await store.MarkNotifiedAsync(workspace, [fired]);

        // `fired` is the alert as read before the mark: the update's conditional write fails, and it reads again.
        AlertWrite updated = await store.ApplyAfterReadAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 412m), 2), fired);
        AlertWrite withdrawn = await store.ApplyAsync(workspace, Evaluation(scenario, Day, null, 3));
        StoredAlert? read = await store.GetAsync(workspace, fired.Alert.Id);

        Assert.Equal((AlertChange.Updated, 412m, true), (updated.Change, updated.Alert!.Alert.Actual, updated.Alert.Notified));
        Assert.Equal((AlertChange.Withdrawn, true), (withdrawn.Change, withdrawn.Alert!.Notified));
        Assert.Equal((true, true, 3L), (read!.Withdrawn, read.Notified, read.Basis));
    }

    [Fact]
    public async Task MarkNotified_SixtyAlertsOneDeletedMeanwhile_MarksTheRestAndLeavesItDeleted()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId(), deleted = NewId();
        var fired = new List<StoredAlert>();
        for (int i = 0; i < 59; i++)
        {
            fired.Add((await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(i), OverPlan(scenario, Day.AddDays(i), 400m), 1))).Alert!);
        }
        fired.Insert(10, (await store.ApplyAsync(workspace, Evaluation(deleted, Day, OverPlan(deleted, Day, 400m), 1))).Alert!);
        await store.DeleteScenarioAsync(workspace, deleted);

        await store.MarkNotifiedAsync(workspace, fired);
        IReadOnlyList<StoredAlert> read = await store.ReadScenarioAsync(workspace, scenario, DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1));
        AlertPage listed = (await store.ListAsync(workspace, null, null, 100, null))!;

        Assert.Equal(59, read.Count);
        Assert.All(read, alert => Assert.True(alert.Notified));
        Assert.Equal(59, listed.Items.Count);
        Assert.All(listed.Items, alert => Assert.True(alert.Notified));
        Assert.Empty(await store.ReadScenarioAsync(workspace, deleted, DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1)));
    }

    [Fact]
    public async Task ListUnnotified_Cutoff_OnlyStandingUnmarkedAlertsFiredByIt()
    {
        // At noon: one alert left unmarked, one marked, one withdrawn before it was marked; ten minutes later, one more unmarked.
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        StoredAlert missed = (await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 400m), 1))).Alert!;
        StoredAlert marked = (await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(1), OverPlan(scenario, Day.AddDays(1), 400m), 1))).Alert!;
        await store.MarkNotifiedAsync(workspace, [marked]);
        await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(2), OverPlan(scenario, Day.AddDays(2), 400m), 1));
        await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(2), null, 2));
        clock.Now = Noon.AddMinutes(10);
        StoredAlert recent = (await store.ApplyAsync(workspace, Evaluation(scenario, Day.AddDays(3), OverPlan(scenario, Day.AddDays(3), 400m), 1))).Alert!;

        IReadOnlyList<StoredAlert> byFive = await store.ListUnnotifiedAsync(Noon.AddMinutes(5));
        IReadOnlyList<StoredAlert> byTen = await store.ListUnnotifiedAsync(Noon.AddMinutes(10));

        Assert.Equal([missed.Alert], byFive.Where(alert => alert.Workspace == workspace).Select(alert => alert.Alert));
        Assert.Equal([missed.Alert.Id, recent.Alert.Id],
            byTen.Where(alert => alert.Workspace == workspace).Select(alert => alert.Alert.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListUnnotified_RowWrittenBeforeTheMarkExisted_CountsAsNotified()
    {
        AlertStore store = Store();
        string workspace = NewWorkspace(), scenario = NewId();
        StoredAlert fired = (await store.ApplyAsync(workspace, Evaluation(scenario, Day, OverPlan(scenario, Day, 400m), 1))).Alert!;
        TableClient table = fixture.Service.GetTableClient(AlertStore.TableName);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {workspace}")))
        {
            Assert.True(row.Remove("Notified"));
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        StoredAlert? read = await store.GetAsync(workspace, fired.Alert.Id);
        IReadOnlyList<StoredAlert> unnotified = await store.ListUnnotifiedAsync(Noon.AddDays(1));

        Assert.True(read?.Notified);
        Assert.DoesNotContain(unnotified, alert => alert.Workspace == workspace);
    }
}
