using System.Globalization;

namespace FineTune.Core;

/// <summary>One input of economics.md section 7, with its value today and its valid range.</summary>
/// <param name="Approach">The approach it belongs to; -1 for a workload or quality input.</param>
/// <param name="Current">Its value today, or its default when the scenario leaves it out.</param>
/// <param name="Min">The smallest valid value (<see cref="ScenarioLimits"/>, and for input tokens the cached input tokens).</param>
/// <param name="Max">The largest valid value (for the workload inputs, also the largest the 1e15 projection allows).</param>
internal readonly record struct StudiedInput(StudiedInputKind Kind, int Approach, decimal Current, decimal Min, decimal Max)
{
    /// <summary>Whether the input takes whole values only (token counts and months).</summary>
    public bool IsWhole => Kind is StudiedInputKind.InputTokens or StudiedInputKind.OutputTokens or StudiedInputKind.HorizonMonths;

    /// <summary>The input's JSON path in the scenario.</summary>
    public string Path => Kind switch
    {
        StudiedInputKind.RequestsPerMonth => "workload.requestsPerMonth",
        StudiedInputKind.MonthlyGrowthRate => "workload.monthlyGrowthRate",
        StudiedInputKind.HorizonMonths => "workload.horizonMonths",
        StudiedInputKind.ValuePerCorrectOutput => "quality.valuePerCorrectOutput",
        StudiedInputKind.CostPerError => "quality.costPerError",
        StudiedInputKind.ReviewRate => "quality.reviewRate",
        _ => string.Create(CultureInfo.InvariantCulture, $"approaches[{Approach}].{Kind switch
        {
            StudiedInputKind.Accuracy => "accuracy",
            StudiedInputKind.InputTokens => "inputTokens",
            StudiedInputKind.OutputTokens => "outputTokens",
            StudiedInputKind.InputPerMillion => "pricing.inputPerMillion",
            StudiedInputKind.OutputPerMillion => "pricing.outputPerMillion",
            StudiedInputKind.HostingPerHour => "hostingPerHour",
            StudiedInputKind.FixedMonthlyCost => "fixedMonthlyCost",
            StudiedInputKind.TrainingPerMillion => "training.trainingPerMillion",
            StudiedInputKind.DataPreparationCost => "training.dataPreparationCost",
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not an approach input."),
        }}"),
    };
}

/// <summary>The inputs section 7 studies, in its order.</summary>
internal enum StudiedInputKind
{
    RequestsPerMonth,
    MonthlyGrowthRate,
    HorizonMonths,
    ValuePerCorrectOutput,
    CostPerError,
    ReviewRate,
    Accuracy,
    InputTokens,
    OutputTokens,
    InputPerMillion,
    OutputPerMillion,
    HostingPerHour,
    FixedMonthlyCost,
    TrainingPerMillion,
    DataPreparationCost,
}
