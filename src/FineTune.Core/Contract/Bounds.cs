using System.Globalization;

namespace FineTune.Core;

/// <summary>
/// The named ranges of the contract (economics.md section 1). A record property declares its range with
/// <see cref="BoundsAttribute"/>; <see cref="ScenarioLimits.RangeOf"/> says what each range is, so a limit is written once
/// and the reader, the economics' overflow proof and the API document all take it from there.
/// </summary>
public enum Bound
{
    /// <summary>Money inputs, dollars: 0 to 1e9.</summary>
    Money,
    /// <summary>Token prices, dollars per million tokens: 0 to 10,000.</summary>
    Price,
    /// <summary>Rates and shares: 0 to 1.</summary>
    Fraction,
    /// <summary>Accuracy: 0.001 to 1.</summary>
    Accuracy,
    /// <summary>Token counts of one request: whole numbers 0 to 1e7.</summary>
    RequestTokens,
    /// <summary>Tokens of a training set: whole numbers 0 to 1e13.</summary>
    TrainingTokens,
    /// <summary>GPU hours of one training run: 0 to 1e7.</summary>
    GpuHours,
    /// <summary>Requests in month 0: 0.000001 to 1e12.</summary>
    RequestsPerMonth,
    /// <summary>Requests one user makes in a month: above 0, at most 1e12.</summary>
    RequestsPerUser,
    /// <summary>Monthly growth rate: -0.5 to 1.</summary>
    GrowthRate,
    /// <summary>Months of a horizon or a retraining cadence: whole numbers 1 to 120.</summary>
    Months,
    /// <summary>Training epochs: whole numbers 1 to 100.</summary>
    Epochs,
    /// <summary>Minutes one review takes: 0 to 60.</summary>
    ReviewMinutes,
    /// <summary>A benchmark band's threshold, a fraction or dollars per request: 0 to 1e9, as for money.</summary>
    Threshold,
    /// <summary>A price catalog's token rate, dollars per million tokens: 0 to 1,000 (<see cref="PriceLimits"/>).</summary>
    CatalogTokenPrice,
    /// <summary>A price catalog's hosting rate, dollars per hour: 0 to 1,000 (<see cref="PriceLimits"/>).</summary>
    CatalogHostingPrice,
    /// <summary>A monitoring alert threshold, a fraction above plan: 0 to 10.</summary>
    AlertThreshold,
    /// <summary>Requests (or errors) of one approach in one day: whole numbers 0 to 1e12 (<see cref="UsageLimits"/>).</summary>
    DailyRequests,
    /// <summary>Tokens of one approach in one day: whole numbers 0 to 1e15 (<see cref="UsageLimits"/>).</summary>
    DailyTokens,
}

/// <summary>Declares the range of a number property of the contract.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class BoundsAttribute(Bound bound) : Attribute
{
    /// <summary>The named range.</summary>
    public Bound Bound { get; } = bound;
}

/// <summary>An inclusive range of numbers, its lower bound optionally exclusive.</summary>
public readonly record struct NumberRange(decimal Min, decimal Max, bool MinExclusive = false)
{
    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(decimal value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The refusal of a value outside the range, as a sentence that completes "{path} ...".</summary>
    public string Describe(bool wholeNumber) => (wholeNumber, MinExclusive) switch
    {
        (true, _) => string.Create(CultureInfo.InvariantCulture, $"must be a whole number between {Min} and {Max}."),
        (false, true) => string.Create(CultureInfo.InvariantCulture, $"must be greater than {Min} and at most {Max}."),
        _ => string.Create(CultureInfo.InvariantCulture, $"must be between {Min} and {Max}."),
    };
}
