namespace FineTune.Core;

/// <summary>Computes the whole <see cref="Analysis"/> of a valid scenario. Pure: no clock, no I/O.</summary>
public static class Analyzer
{
    /// <summary>Analyses a scenario that <see cref="ScenarioJson.Parse"/> accepted, placing its metrics in <paramref name="bands"/> (default: <see cref="BenchmarkBands.Seed"/>).</summary>
    public static Analysis Analyze(Scenario scenario, IReadOnlyList<BenchmarkBand>? bands = null) => throw new NotImplementedException();
}
