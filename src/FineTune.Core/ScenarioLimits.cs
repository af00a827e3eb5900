namespace FineTune.Core;

/// <summary>
/// The accepted range of every scenario input (economics.md section 1). With these limits no valid scenario can
/// overflow <see cref="decimal"/> anywhere in the model, the 100x scale check included (see the extreme-scenario test).
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Money inputs, dollars.</summary>
    public const decimal MaxMoney = 1_000_000_000m;

    /// <summary>Token prices, dollars per million tokens.</summary>
    public const decimal MaxPricePerMillion = 10_000m;

    /// <summary>Token counts of one request.</summary>
    public const long MaxRequestTokens = 10_000_000;

    /// <summary>Tokens of one training set.</summary>
    public const long MaxTrainingTokens = 10_000_000_000_000;

    /// <summary>GPU hours of one training run.</summary>
    public const decimal MaxGpuHours = 10_000_000m;

    /// <summary>Requests in month 0.</summary>
    public const decimal MaxRequestsPerMonth = 1_000_000_000_000m;

    /// <summary>
    /// The smallest month-0 volume. The spec asks for more than 0; a floor keeps the horizon cost divided by a vanishing
    /// request count (fully loaded cost) inside <see cref="decimal"/>. Nobody plans for fewer requests than this.
    /// </summary>
    public const decimal MinRequestsPerMonth = 0.000001m;

    /// <summary>Projected requests of the last month of the horizon.</summary>
    public const decimal MaxProjectedMonthlyRequests = 1_000_000_000_000_000m;

    /// <summary>Months of the planning horizon, and of a retraining cadence.</summary>
    public const int MaxMonths = 120;

    /// <summary>Default planning horizon, months.</summary>
    public const int DefaultHorizonMonths = 12;

    /// <summary>Monthly growth rate bounds, fractions.</summary>
    public const decimal MinGrowthRate = -0.5m, MaxGrowthRate = 1.0m;

    /// <summary>Training epochs.</summary>
    public const int MaxEpochs = 100;

    /// <summary>Training epochs when the scenario gives none: one pass over the training set.</summary>
    public const int DefaultEpochs = 1;

    /// <summary>Accuracy bounds, fractions.</summary>
    public const decimal MinAccuracy = 0.001m;

    /// <summary>
    /// Minutes one review takes. The spec sets no bound; an hour per output keeps the verification cost of the
    /// 100x scale check inside <see cref="decimal"/> at the largest hourly rate.
    /// </summary>
    public const decimal MaxReviewMinutes = 60m;

    /// <summary>Approaches per scenario.</summary>
    public const int MaxApproaches = 10;

    /// <summary>Scenario name length, characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Default discount on model tokens of batched requests.</summary>
    public const decimal DefaultBatchDiscount = 0.5m;

    /// <summary>Default target gross margin of the scale check.</summary>
    public const decimal DefaultTargetGrossMargin = 0.5m;

    /// <summary>The largest alert threshold of monitoring, a fraction above plan (10 is 1,000 % above).</summary>
    public const decimal MaxAlertThreshold = 10m;

    /// <summary>Default share above plan from which a day is a warning.</summary>
    public const decimal DefaultWarnAbove = 0.25m;

    /// <summary>Default share above plan from which a day is an alert.</summary>
    public const decimal DefaultAlertAbove = 0.5m;

    /// <summary>Default dollar floor below which no day is over plan or a spike.</summary>
    public const decimal DefaultMinimumDollars = 10m;

    /// <summary>The earliest monitoring start date: no AI feature was monitored before it.</summary>
    public static readonly DateOnly MinStartDate = new(2000, 1, 1);

    /// <summary>The latest monitoring start date.</summary>
    public static readonly DateOnly MaxStartDate = new(2099, 12, 31);

    /// <summary>The range a property declares with <see cref="BoundsAttribute"/>.</summary>
    public static NumberRange RangeOf(Bound bound) => bound switch
    {
        Bound.Money => new(0m, MaxMoney),
        Bound.Price => new(0m, MaxPricePerMillion),
        Bound.Fraction => new(0m, 1m),
        Bound.Accuracy => new(MinAccuracy, 1m),
        Bound.RequestTokens => new(0m, MaxRequestTokens),
        Bound.TrainingTokens => new(0m, MaxTrainingTokens),
        Bound.GpuHours => new(0m, MaxGpuHours),
        Bound.RequestsPerMonth => new(MinRequestsPerMonth, MaxRequestsPerMonth),
        Bound.RequestsPerUser => new(0m, MaxRequestsPerMonth, MinExclusive: true),
        Bound.GrowthRate => new(MinGrowthRate, MaxGrowthRate),
        Bound.Months => new(1m, MaxMonths),
        Bound.Epochs => new(1m, MaxEpochs),
        Bound.ReviewMinutes => new(0m, MaxReviewMinutes),
        Bound.Threshold => new(0m, MaxMoney),
        Bound.CatalogTokenPrice => new(0m, PriceLimits.MaxTokenPricePerMillion),
        Bound.CatalogHostingPrice => new(0m, PriceLimits.MaxHostingPerHour),
        Bound.AlertThreshold => new(0m, MaxAlertThreshold),
        Bound.DailyRequests => new(0m, UsageLimits.MaxRequestsPerDay),
        Bound.DailyTokens => new(0m, UsageLimits.MaxTokensPerDay),
        _ => throw new ArgumentOutOfRangeException(nameof(bound), bound, null),
    };
}
