using BenchmarkDotNet.Attributes;
using FineTune.Core;

namespace FineTune.Core.Performance;

/// <summary>
/// A full analysis of a 3-approach, 24-month scenario with growth and retraining, and the same scenario made to pay
/// back never or only late: the walk stops as soon as the answer is provably known, so "never" must not cost more. The
/// optional sections of economics.md section 7 are timed on their own: under 5 ms and 2 MB for this scenario.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Scenario paysBack = null!;
    private Scenario neverPaysBack = null!;
    private Scenario paysBackLate = null!;
    private byte[] body = null!;
    private Analysis analysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        using Stream sample = typeof(AnalysisBenchmarks).Assembly.GetManifestResourceStream("support-triage.json")
            ?? throw new InvalidOperationException("The sample scenario is embedded in this assembly.");
        using var copy = new MemoryStream();
        sample.CopyTo(copy);
        body = copy.ToArray();
        paysBack = ScenarioJson.Parse(body).Scenario!;
        analysis = Analyzer.Analyze(paysBack);
        // Hosting at $400 an hour outweighs the fine-tune's savings in every month: both views say never.
        neverPaysBack = paysBack with
        {
            Approaches = [paysBack.Approaches[0], paysBack.Approaches[1], paysBack.Approaches[2] with { HostingPerHour = 400m }],
        };
        // Hosting that almost eats the savings: the cost view pays back only in month 22.5 of 24.
        paysBackLate = paysBack with
        {
            Approaches = [paysBack.Approaches[0], paysBack.Approaches[1], paysBack.Approaches[2] with { HostingPerHour = 20m }],
        };
    }

    [Benchmark(Baseline = true)]
    public Analysis Analyze() => Analyzer.Analyze(paysBack);

    [Benchmark]
    public Analysis AnalyzeNeverPaysBack() => Analyzer.Analyze(neverPaysBack);

    [Benchmark]
    public Analysis AnalyzePaysBackLate() => Analyzer.Analyze(paysBackLate);

    /// <summary>Section 7 on top of the plain analysis: what a request with include=decision,sensitivity,timeline computes.</summary>
    [Benchmark]
    public Analysis AnalyzeWithDecisionSensitivityTimeline() =>
        Analyzer.Analyze(paysBack, sections: AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline);

    [Benchmark]
    public ScenarioParseResult Parse() => ScenarioJson.Parse(body);

    [Benchmark]
    public byte[] Serialize() => AnalysisJson.SerializeToUtf8Bytes(analysis);

    [Benchmark]
    public byte[] ParseAnalyzeSerialize() => AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(ScenarioJson.Parse(body).Scenario!));
}
