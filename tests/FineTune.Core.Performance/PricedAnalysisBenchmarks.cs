using BenchmarkDotNet.Attributes;
using FineTune.Core;

namespace FineTune.Core.Performance;

/// <summary>
/// The repository's sample with every price named through a catalog model (three approaches and a routing, priced from the
/// shipped seed) against the same scenario with those prices typed: resolving the prices must add little to the analysis.
/// The minimum is shown beside the mean: on a machine shared with other work it is the steadier of the two.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class PricedAnalysisBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private Scenario named = null!;
    private Scenario typed = null!;

    [GlobalSetup]
    public void Setup()
    {
        using Stream sample = typeof(PricedAnalysisBenchmarks).Assembly.GetManifestResourceStream("support-triage.json")
            ?? throw new InvalidOperationException("The sample scenario is embedded in this assembly.");
        using var copy = new MemoryStream();
        sample.CopyTo(copy);
        Scenario scenario = ScenarioJson.Parse(copy.ToArray()).Scenario!;
        Approach fineTune = scenario.Approaches[2];
        named = scenario with
        {
            Approaches =
            [
                scenario.Approaches[0] with { Pricing = null, Model = "openai/gpt-4.1-2025-04-14" },
                scenario.Approaches[1] with { Pricing = null, Model = "openai/gpt-4.1-2025-04-14" },
                fineTune with
                {
                    Pricing = null,
                    HostingPerHour = null,
                    Training = fineTune.Training! with { TrainingPerMillion = null },
                    Model = "openai/gpt-4.1-mini-2025-04-14",
                    Routing = fineTune.Routing! with { Pricing = null, Model = "openai/gpt-4.1-nano-2025-04-14" },
                },
            ],
        };
        PricedScenario priced = ScenarioPrices.Resolve(named, PriceSeed.Catalog, Today).Priced
            ?? throw new InvalidOperationException("The seed prices every model the benchmark names.");
        typed = priced.Scenario with
        {
            Approaches = [.. priced.Scenario.Approaches.Select(a =>
                a with { Model = null, Routing = a.Routing is { } routing ? routing with { Model = null } : null })],
        };
    }

    [Benchmark(Baseline = true)]
    public Analysis AnalyzeTyped() => Analyzer.Analyze(typed);

    [Benchmark]
    public Analysis ResolveAndAnalyze() => Analyzer.Analyze(ScenarioPrices.Resolve(named, PriceSeed.Catalog, Today).Priced!);

    [Benchmark]
    public PriceResolution Resolve() => ScenarioPrices.Resolve(named, PriceSeed.Catalog, Today);
}
