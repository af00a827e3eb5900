namespace FineTune.Core;

/// <summary>
/// The scenario-wide inputs with every default of economics.md section 1 applied. Money in dollars, rates as fractions.
/// </summary>
/// <param name="RevenuePerRequest">Dollars per request; null without a revenue block.</param>
/// <param name="PerUserPerMonth">Subscription dollars per user per month; null when not given.</param>
/// <param name="RequestsPerUserPerMonth">Requests one user makes a month; null when not given.</param>
public sealed record ScenarioTerms(
    int HorizonMonths,
    decimal MonthlyGrowthRate,
    decimal? RevenuePerRequest,
    decimal? PerUserPerMonth,
    decimal? RequestsPerUserPerMonth,
    decimal TargetGrossMargin,
    decimal ValuePerCorrectOutput,
    decimal CostPerError,
    decimal ReviewRate,
    decimal ReviewMinutes,
    decimal ReviewerHourlyRate,
    decimal? RequiredAccuracy,
    decimal CacheHitRate,
    decimal CacheLookupCost,
    decimal BatchShare,
    decimal BatchDiscount)
{
    /// <summary>Applies the defaults: horizon 12, growth 0, batch discount 0.5, target margin 0.5, everything else 0 or absent.</summary>
    public static ScenarioTerms Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Revenue? revenue = scenario.Revenue;
        Quality? quality = scenario.Quality;
        Optimizations? optimizations = scenario.Optimizations;
        decimal? perRequest = revenue is null
            ? null
            : revenue.PerRequest ?? revenue.PerUserPerMonth / revenue.RequestsPerUserPerMonth;
        return new ScenarioTerms(
            scenario.Workload.HorizonMonths ?? ScenarioLimits.DefaultHorizonMonths,
            scenario.Workload.MonthlyGrowthRate ?? 0m,
            perRequest,
            revenue?.PerUserPerMonth,
            revenue?.RequestsPerUserPerMonth,
            revenue?.TargetGrossMargin ?? ScenarioLimits.DefaultTargetGrossMargin,
            quality?.ValuePerCorrectOutput ?? 0m,
            quality?.CostPerError ?? 0m,
            quality?.ReviewRate ?? 0m,
            quality?.ReviewMinutes ?? 0m,
            quality?.ReviewerHourlyRate ?? 0m,
            quality?.RequiredAccuracy,
            optimizations?.CacheHitRate ?? 0m,
            optimizations?.CacheLookupCost ?? 0m,
            optimizations?.BatchShare ?? 0m,
            optimizations?.BatchDiscount ?? ScenarioLimits.DefaultBatchDiscount);
    }
}

/// <summary>The per-request figures of economics.md section 2, in dollars per request (accuracy a fraction).</summary>
public readonly record struct PerRequestFigures(
    decimal ModelTokenCost,
    decimal Accuracy,
    decimal RetrievalCost,
    decimal InferenceCost,
    decimal VerificationCost,
    decimal ErrorCost,
    decimal EconomicCost);

/// <summary>The fixed and training costs of section 3 that do not depend on volume, in dollars.</summary>
/// <param name="FixedMonthly">Fixed monthly cost plus 730 hours of hosting.</param>
/// <param name="InitialTraining">Training compute, data preparation and evaluation, charged in month 0.</param>
/// <param name="RetrainCost">Training compute and evaluation of each later run.</param>
/// <param name="RetrainEveryMonths">Cadence of retraining; null when trained once or not at all.</param>
public readonly record struct FixedFigures(decimal FixedMonthly, decimal InitialTraining, decimal RetrainCost, int? RetrainEveryMonths)
{
    /// <summary>Whether a retraining is charged at the start of month <paramref name="month"/>: every positive multiple of the cadence.</summary>
    public bool RetrainsAt(int month) => RetrainEveryMonths is int every && month > 0 && month % every == 0;

    /// <summary>Retraining dollars charged at the start of month <paramref name="month"/>: at every positive multiple of the cadence.</summary>
    public decimal RetrainingAt(int month) =>
        RetrainEveryMonths is int every && month > 0 && month % every == 0 ? RetrainCost : 0m;

    /// <summary>Retraining spread over its cadence, retrainCost / R, dollars a month; 0 without R.</summary>
    public decimal RetrainingPerMonth => RetrainEveryMonths is int every ? RetrainCost / every : 0m;

    /// <summary>Whether any later month charges a retraining of more than 0 dollars.</summary>
    public bool PaysForRetraining => RetrainEveryMonths is not null && RetrainCost > 0m;

    /// <summary>Retraining runs charged after month 0 up to and including month <paramref name="month"/>: floor(month / R), 0 without R.</summary>
    public int RetrainsThrough(int month) => RetrainEveryMonths is int every ? month / every : 0;

    /// <summary>Training runs within a horizon: 1 + floor((horizon - 1) / R), 1 without R, 0 without training.</summary>
    public int RunsWithin(int horizonMonths, bool hasTraining) => !hasTraining
        ? 0
        : RetrainEveryMonths is int every ? 1 + ((horizonMonths - 1) / every) : 1;
}

/// <summary>The horizon figures of economics.md section 3 at one monthly volume, in dollars (rates as fractions).</summary>
/// <param name="Revenue">Null without revenue.</param>
/// <param name="GrossMarginRate">Null without revenue, when revenue is 0, or when the ratio is beyond <see cref="decimal"/>.</param>
/// <param name="AiCogsToRevenue">Null likewise.</param>
public readonly record struct HorizonResult(
    decimal TotalRequests,
    decimal HorizonCost,
    decimal QualityCost,
    decimal FullyLoadedCost,
    decimal CostOfPredictivity,
    decimal? Revenue,
    decimal? GrossMargin,
    decimal? GrossMarginRate,
    decimal? AiCogsToRevenue,
    decimal NetValue,
    decimal MonthlyRunRate,
    int TrainingRuns);

/// <summary>The formulas of economics.md sections 2 and 3, written as the spec writes them. No rounding anywhere.</summary>
public static class Economics
{
    /// <summary>Token prices are quoted per million tokens.</summary>
    public const decimal TokensPerPriceUnit = 1_000_000m;

    /// <summary>Azure bills hosting by the hour; 8760 hours a year / 12 months.</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>Review minutes are priced by the reviewer's hourly rate.</summary>
    public const decimal MinutesPerHour = 60m;

    /// <summary>
    /// modelTokens(p) of section 2: dollars of model tokens for one request at the prices <paramref name="pricing"/>, which
    /// must hold its input and output prices (a scenario <see cref="ScenarioPrices.Resolve"/> returned always does).
    /// </summary>
    /// <exception cref="ArgumentException">The input or output price is absent: the scenario's prices were not resolved.</exception>
    public static decimal ModelTokens(Approach approach, Pricing pricing)
    {
        ArgumentNullException.ThrowIfNull(approach);
        ArgumentNullException.ThrowIfNull(pricing);
        decimal input = pricing.InputPerMillion ?? throw Unpriced(approach, "input price");
        decimal output = pricing.OutputPerMillion ?? throw Unpriced(approach, "output price");

        long cached = approach.CachedInputTokens ?? 0;
        long context = approach.Retrieval?.ContextTokens ?? 0;
        // A pricing without a cached price bills cached tokens at its input price.
        decimal cachedPrice = pricing.CachedInputPerMillion ?? input;
        return ((approach.InputTokens - cached) * input
                + cached * cachedPrice
                + context * input
                + approach.OutputTokens * output) / TokensPerPriceUnit;
    }

    /// <summary>Section 2: every per-request figure of one approach.</summary>
    public static PerRequestFigures PerRequest(Approach approach, ScenarioTerms terms)
    {
        ArgumentNullException.ThrowIfNull(approach);
        ArgumentNullException.ThrowIfNull(terms);

        decimal modelTokenCost = ModelTokens(approach, approach.Pricing ?? throw Unpriced(approach, "pricing"));
        decimal accuracy = approach.Accuracy;
        if (approach.Routing is { } routing)
        {
            decimal s = routing.Share;
            modelTokenCost = (1 - s) * modelTokenCost + s * ModelTokens(approach, routing.Pricing ?? throw Unpriced(approach, "routing pricing"));
            accuracy = (1 - s) * approach.Accuracy + s * routing.Accuracy;
        }

        decimal retrievalCost = approach.Retrieval is { } retrieval
            ? (retrieval.EmbeddingTokens ?? 0) * (retrieval.EmbeddingPerMillion ?? 0m) / TokensPerPriceUnit + (retrieval.CostPerQuery ?? 0m)
            : 0m;
        decimal uncachedCost = modelTokenCost * (1 - terms.BatchShare * terms.BatchDiscount) + retrievalCost;
        decimal inferenceCost = (1 - terms.CacheHitRate) * uncachedCost + terms.CacheHitRate * terms.CacheLookupCost;
        decimal verificationCost = terms.ReviewRate * terms.ReviewMinutes / MinutesPerHour * terms.ReviewerHourlyRate;
        decimal errorCost = (1 - accuracy) * (1 - terms.ReviewRate) * terms.CostPerError;
        decimal economicCost = inferenceCost + verificationCost + errorCost;
        return new(modelTokenCost, accuracy, retrievalCost, inferenceCost, verificationCost, errorCost, economicCost);
    }

    /// <summary>Section 3: the fixed monthly cost and the training costs of one approach.</summary>
    public static FixedFigures Fixed(Approach approach)
    {
        ArgumentNullException.ThrowIfNull(approach);
        decimal fixedMonthly = (approach.FixedMonthlyCost ?? 0m) + (approach.HostingPerHour ?? 0m) * HoursPerMonth;
        if (approach.Training is not { } training)
        {
            return new(fixedMonthly, 0m, 0m, null);
        }

        // Absent costs are 0 and epochs 1 (economics.md section 1): a hosted fine-tune has no GPU hours.
        decimal compute = (training.TrainingTokens ?? 0) * (training.Epochs ?? ScenarioLimits.DefaultEpochs) * (training.TrainingPerMillion ?? 0m)
                / TokensPerPriceUnit
            + (training.GpuHours ?? 0m) * (training.GpuHourlyRate ?? 0m);
        decimal evaluation = training.EvaluationCost ?? 0m;
        decimal initial = compute + (training.DataPreparationCost ?? 0m) + evaluation;
        decimal retrain = compute + evaluation;
        return new(fixedMonthly, initial, retrain, training.RetrainEveryMonths);
    }

    /// <summary>
    /// V(m) = requestsPerMonth * (1 + monthlyGrowthRate)^m for m = 0 .. horizonMonths - 1 into <paramref name="volumes"/>
    /// (whose length is the horizon), each month as the previous one times (1 + monthlyGrowthRate): compounding as the
    /// validation projects the last month, one multiplication a month.
    /// </summary>
    public static void Volumes(decimal requestsPerMonth, decimal monthlyGrowthRate, Span<decimal> volumes)
    {
        decimal factor = 1 + monthlyGrowthRate;
        decimal volume = requestsPerMonth;
        for (int m = 0; m < volumes.Length; m++)
        {
            volumes[m] = volume;
            volume *= factor;
        }
    }

    /// <summary>totalRequests of section 3: the sum of V(m) over the horizon.</summary>
    public static decimal TotalRequests(ReadOnlySpan<decimal> volumes)
    {
        decimal total = 0m;
        foreach (decimal v in volumes)
        {
            total += v;
        }

        return total;
    }

    /// <summary>Section 3 for one approach over the monthly volumes <paramref name="volumes"/> (V(0) is month 0).</summary>
    public static HorizonResult Horizon(
        Approach approach, ScenarioTerms terms, PerRequestFigures perRequest, FixedFigures fixedFigures, ReadOnlySpan<decimal> volumes)
    {
        if (volumes.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(volumes), "A horizon has at least one month.");
        }

        return Horizon(approach, terms, perRequest, fixedFigures, volumes.Length, volumes[0], TotalRequests(volumes));
    }

    /// <summary>
    /// Section 3 for one approach over <paramref name="horizonMonths"/> months holding <paramref name="totalRequests"/>
    /// requests, <paramref name="firstMonthRequests"/> of them in month 0. The sum over m of
    /// (V(m) * inferenceCost + fixedMonthly) is taken as totalRequests * inferenceCost + horizonMonths * fixedMonthly:
    /// the same sum, rounded once instead of once a month.
    /// </summary>
    public static HorizonResult Horizon(
        Approach approach,
        ScenarioTerms terms,
        PerRequestFigures perRequest,
        FixedFigures fixedFigures,
        int horizonMonths,
        decimal firstMonthRequests,
        decimal totalRequests)
    {
        ArgumentNullException.ThrowIfNull(approach);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMonths, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalRequests);

        int runs = fixedFigures.RunsWithin(horizonMonths, approach.Training is not null);
        decimal horizonCost = HorizonCost(perRequest, fixedFigures, runs, horizonMonths, totalRequests);
        decimal qualityCost = QualityCost(perRequest, totalRequests);
        decimal fullyLoadedCost = horizonCost / totalRequests;
        decimal costOfPredictivity = (fullyLoadedCost + perRequest.VerificationCost) / perRequest.Accuracy;

        decimal? revenue = totalRequests * terms.RevenuePerRequest;
        decimal? grossMargin = revenue - horizonCost;
        decimal? grossMarginRate = Ratio(grossMargin, revenue);
        decimal? aiCogsToRevenue = Ratio(horizonCost, revenue);
        decimal netValue = NetValue(perRequest, terms.ValuePerCorrectOutput, totalRequests, horizonCost, qualityCost);
        decimal monthlyRunRate = firstMonthRequests * perRequest.InferenceCost + fixedFigures.FixedMonthly;

        return new(totalRequests, horizonCost, qualityCost, fullyLoadedCost, costOfPredictivity, revenue, grossMargin,
            grossMarginRate, aiCogsToRevenue, netValue, monthlyRunRate, runs);
    }

    // A missing price is never read as 0: the economics runs only on a scenario whose prices are resolved.
    private static ArgumentException Unpriced(Approach approach, string what) => new(
        $"Approach '{approach.Id}' has no {what}: resolve the scenario's prices (ScenarioPrices.Resolve) before analysing it.",
        nameof(approach));

    /// <summary>
    /// horizonCost of section 3, dollars: initialTraining + (runs - 1) * retrainCost + totalRequests * inferenceCost +
    /// horizonMonths * fixedMonthly, the running costs summed as one product each (the same sum as month by month, rounded once).
    /// </summary>
    public static decimal HorizonCost(PerRequestFigures perRequest, FixedFigures fixedFigures, int runs, int horizonMonths, decimal totalRequests)
    {
        decimal running = totalRequests * perRequest.InferenceCost + horizonMonths * fixedFigures.FixedMonthly;

        // Without training the training figures are 0, so (runs - 1) * retrainCost is 0 too.
        return fixedFigures.InitialTraining + (runs - 1) * fixedFigures.RetrainCost + running;
    }

    /// <summary>qualityCost of section 3, dollars: totalRequests * (verificationCost + errorCost).</summary>
    public static decimal QualityCost(PerRequestFigures perRequest, decimal totalRequests) =>
        totalRequests * (perRequest.VerificationCost + perRequest.ErrorCost);

    /// <summary>netValue of section 3, dollars: totalRequests * accuracy * valuePerCorrectOutput - horizonCost - qualityCost.</summary>
    public static decimal NetValue(
        PerRequestFigures perRequest, decimal valuePerCorrectOutput, decimal totalRequests, decimal horizonCost, decimal qualityCost) =>
        totalRequests * perRequest.Accuracy * valuePerCorrectOutput - horizonCost - qualityCost;

    /// <summary>allInCost of section 3, dollars per request: (horizonCost + qualityCost) / totalRequests, quality included.</summary>
    public static decimal AllInCost(HorizonResult horizon) => (horizon.HorizonCost + horizon.QualityCost) / horizon.TotalRequests;

    /// <summary>
    /// perUser of section 3, dollars a month: one subscriber's AI cost (requestsPerUserPerMonth x fullyLoadedCost), the
    /// subscription, and the margin between them; null unless both per-user revenue fields are given.
    /// </summary>
    public static PerUserFigures? PerUser(ScenarioTerms terms, HorizonResult horizon)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.PerUserPerMonth is not decimal revenue || terms.RequestsPerUserPerMonth is not decimal requests)
        {
            return null;
        }

        // A vanishing volume can make the fully loaded cost so large that a heavy user's month is beyond decimal: null then.
        // Up to 1e16 dollars a request no valid user (at most 1e12 requests a month) comes near it, so most need no division.
        decimal cost = Math.Abs(horizon.FullyLoadedCost);
        if (cost > 10_000_000_000_000_000m && cost > decimal.MaxValue / 2m / Math.Max(requests, 1m))
        {
            return null;
        }

        decimal aiCost = requests * horizon.FullyLoadedCost;
        return new PerUserFigures(aiCost, revenue, revenue - aiCost);
    }

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/>; null when either is null, the denominator is 0, or the
    /// quotient lies beyond <see cref="decimal"/> (a vanishing denominator), so no ratio is ever a silent 0 or a crash.
    /// </summary>
    public static decimal? Ratio(decimal? numerator, decimal? denominator)
    {
        if (numerator is not decimal n || denominator is not decimal d || d == 0m)
        {
            return null;
        }

        decimal absD = Math.Abs(d);
        // With |d| < 1, decimal.MaxValue * |d| cannot overflow, and |n| below it keeps |n / d| below decimal.MaxValue. The
        // quotient in double tells the common case (far below 7.9e28) without that costly product.
        if (absD < 1m && Math.Abs((double)n / (double)d) > 1e27 && Math.Abs(n) >= decimal.MaxValue * absD)
        {
            return null;
        }

        return n / d;
    }
}
