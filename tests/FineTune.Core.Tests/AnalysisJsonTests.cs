using System.Text.Json;
using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>The hand-written analysis writer says exactly what the source-generated serializer says.</summary>
public sealed class AnalysisJsonTests
{
    private static void AssertSameAsSerializer(Analysis analysis) =>
        Assert.Equal(
            JsonSerializer.Serialize(analysis, FineTuneJsonContext.Default.Analysis),
            System.Text.Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(analysis)));

    [Fact]
    public void SerializeToUtf8Bytes_Sample_EqualsTheSourceGeneratedSerializer() =>
        AssertSameAsSerializer(Analyzer.Analyze(Samples.Parse(Samples.ThreeApproaches)));

    [Fact]
    public void SerializeToUtf8Bytes_NoEligibleApproach_WritesNullsLikeTheSerializer()
    {
        Scenario scenario = Samples.Parse(Samples.ThreeApproaches);
        Analysis analysis = Analyzer.Analyze(scenario with { Quality = scenario.Quality! with { RequiredAccuracy = 0.99m }, Revenue = null });

        Assert.Null(analysis.Recommendation.ApproachId);
        AssertSameAsSerializer(analysis);
    }

    [Fact]
    public void SerializeToUtf8Bytes_AnyValidScenario_EqualsTheSourceGeneratedSerializer() =>
        PropertyTests.ScenarioGen.Sample(scenario => AssertSameAsSerializer(Analyzer.Analyze(scenario)), iter: 300);
}
