namespace FineTune.Core.Tests;

/// <summary>The scenario's optional <c>monitoring</c> block (economics.md section 9): every problem named by its JSON path.</summary>
public sealed class MonitoringValidationTests
{
    private static string WithMonitoring(string block) => Samples.Set(Samples.ThreeApproaches, "monitoring", block);

    private static void AssertRefusedAt(string json, params string[] paths) =>
        Assert.Equal(paths.Order(StringComparer.Ordinal), Samples.Errors(json).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Parse_FullBlock_ReadsEveryValue()
    {
        Scenario scenario = Samples.Parse(WithMonitoring(
            """{ "approachId": "ft", "startDate": "2026-11-01", "warnAbove": 0.1, "alertAbove": 0.3, "minimumDollars": 25.5 }"""));

        Assert.Equal(new Monitoring("ft", new DateOnly(2026, 11, 1), 0.1m, 0.3m, 25.5m), scenario.Monitoring);
    }

    [Fact]
    public void Parse_EmptyBlockOrNull_TakesEveryDefault()
    {
        Assert.Equal(new Monitoring(null, null, null, null, null), Samples.Parse(WithMonitoring("{}")).Monitoring);
        Assert.Null(Samples.Parse(WithMonitoring("null")).Monitoring);
    }

    [Fact]
    public void SerializeThenParse_KeepsTheBlockExactly()
    {
        Scenario scenario = Samples.Parse(WithMonitoring("""{ "startDate": "2024-02-29", "minimumDollars": 0.125 }"""));

        string json = ScenarioJson.Serialize(scenario);

        Assert.Contains("\"monitoring\":{\"startDate\":\"2024-02-29\",\"minimumDollars\":0.125}", json, StringComparison.Ordinal);
        Assert.Equal(scenario.Monitoring, Samples.Parse(json).Monitoring);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { """{ "approachId": "gpt" }""", "monitoring.approachId" },
        { """{ "approachId": 3 }""", "monitoring.approachId" },
        { """{ "startDate": "2026-02-30" }""", "monitoring.startDate" },
        { """{ "startDate": "2026-2-3" }""", "monitoring.startDate" },
        { """{ "startDate": "2026-11-01T00:00:00Z" }""", "monitoring.startDate" },
        { """{ "startDate": 20261101 }""", "monitoring.startDate" },
        { """{ "startDate": "1999-12-31" }""", "monitoring.startDate" },
        { """{ "startDate": "2100-01-01" }""", "monitoring.startDate" },
        { """{ "warnAbove": -0.1 }""", "monitoring.warnAbove" },
        { """{ "warnAbove": 10.5, "alertAbove": 10 }""", "monitoring.warnAbove" },
        { """{ "alertAbove": 10.01 }""", "monitoring.alertAbove" },
        { """{ "minimumDollars": -1 }""", "monitoring.minimumDollars" },
        { """{ "warnAbove": 0.6, "alertAbove": 0.4 }""", "monitoring.warnAbove" },
        // Against the other's default: warnAbove 0.25, alertAbove 0.5.
        { """{ "warnAbove": 0.75 }""", "monitoring.warnAbove" },
        { """{ "alertAbove": 0.2 }""", "monitoring.alertAbove" },
        { """{ "approach": "ft" }""", "monitoring.approach" },
        { "[]", "monitoring" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_BadValue_IsRefusedAtItsPath(string block, string path) => AssertRefusedAt(WithMonitoring(block), path);

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedAtOnce() =>
        AssertRefusedAt(WithMonitoring("""{ "approachId": "gpt", "startDate": "soon", "minimumDollars": -1 }"""),
            "monitoring.approachId", "monitoring.startDate", "monitoring.minimumDollars");

    [Fact]
    public void Parse_EqualThresholds_AreAccepted() =>
        Assert.Equal(0.3m, Samples.Parse(WithMonitoring("""{ "warnAbove": 0.3, "alertAbove": 0.3 }""")).Monitoring!.AlertAbove);
}
