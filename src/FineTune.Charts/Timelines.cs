using FineTune.Core;

namespace FineTune.Charts;

/// <summary>What the payback and costs charts read from an analysis' timeline, and the retraining lumps between its month ends.</summary>
internal static class Timelines
{
    /// <summary>The analysis' timeline; a programmer's mistake when it was not asked for.</summary>
    public static Timeline Of(Analysis analysis) => analysis.Timeline
        ?? throw new ArgumentException("The analysis has no timeline: analyse with AnalysisSections.Timeline.", nameof(analysis));

    /// <summary>
    /// The retraining charged at the start of <paramref name="month"/> for the approach at <paramref name="index"/>, dollars:
    /// its retrain cost (as the analysis priced it) at every positive multiple of the scenario's cadence.
    /// </summary>
    public static decimal RetrainingAt(Scenario scenario, Analysis analysis, int index, int month) =>
        scenario.Approaches[index].Training?.RetrainEveryMonths is int every && month > 0 && month % every == 0
            ? analysis.Approaches[index].Training.RetrainCost
            : 0m;

    /// <summary>Checks that <paramref name="analysis"/> is the analysis of <paramref name="scenario"/>, approach by approach.</summary>
    public static void CheckPair(Scenario scenario, Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(analysis);
        if (!scenario.Approaches.Select(a => a.Id).SequenceEqual(analysis.Approaches.Select(a => a.Id)))
        {
            throw new ArgumentException("The analysis is not the scenario's: their approaches differ.", nameof(analysis));
        }
    }
}
