using System.ComponentModel.DataAnnotations;
namespace FineTune.Core;

/// <summary>
/// One version of a price catalog entry (economics.md section 8): the rates of one model in effect from
/// <see cref="EffectiveFrom"/> until <see cref="EffectiveTo"/> (exclusive), where the next version takes over.
/// </summary>
/// <param name="EffectiveFrom">The first day (UTC) these rates apply.</param>
/// <param name="EffectiveTo">The day the next version starts, exclusive; <c>null</c> while no later version exists.</param>
/// <param name="Source">Where the rates come from: a URL and its date, or the price API and region.</param>
/// <param name="RetrievedAt">When the rates were read from their source.</param>
public sealed record ModelPrice(
    ModelId Id,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    PriceRates Rates,
    string Source,
    DateTimeOffset RetrievedAt)
{
    /// <summary>True when these rates apply on <paramref name="date"/>.</summary>
    public bool InEffectOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not DateOnly to || date < to);
}

/// <summary>
/// The rates of a catalog entry. Token rates are dollars per million tokens, hosting dollars per hour. A rate the
/// source does not give is <c>null</c>, never 0; 0 is a rate the source states (OpenAI hosts fine-tuned models free).
/// </summary>
/// <param name="InputPerMillion">Input tokens.</param>
/// <param name="CachedInputPerMillion">Cached input tokens.</param>
/// <param name="OutputPerMillion">Output tokens.</param>
/// <param name="BatchInputPerMillion">Input tokens sent through the batch API.</param>
/// <param name="BatchOutputPerMillion">Output tokens of the batch API.</param>
/// <param name="FineTune">The rates of a fine-tuned model of this base; <c>null</c> when none are known.</param>
public sealed record PriceRates(
    decimal? InputPerMillion,
    decimal? CachedInputPerMillion,
    decimal? OutputPerMillion,
    decimal? BatchInputPerMillion,
    decimal? BatchOutputPerMillion,
    FineTunePrices? FineTune)
{
    /// <summary>No rate known.</summary>
    public static PriceRates None { get; } = new(null, null, null, null, null, null);

    /// <summary>True when no rate at all is known.</summary>
    public bool IsEmpty => this == None || this == None with { FineTune = FineTunePrices.None };

    /// <summary>These rates, each one this has not taken from <paramref name="fallback"/>.</summary>
    public PriceRates Over(PriceRates fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new(
            InputPerMillion ?? fallback.InputPerMillion,
            CachedInputPerMillion ?? fallback.CachedInputPerMillion,
            OutputPerMillion ?? fallback.OutputPerMillion,
            BatchInputPerMillion ?? fallback.BatchInputPerMillion,
            BatchOutputPerMillion ?? fallback.BatchOutputPerMillion,
            FineTune is null ? fallback.FineTune : fallback.FineTune is null ? FineTune : FineTune.Over(fallback.FineTune));
    }

    /// <summary>Each rate as its JSON name (fine-tune rates as <c>fineTune.name</c>) and value, absent ones included.</summary>
    public IEnumerable<(string Name, decimal? Value)> Named()
    {
        yield return ("inputPerMillion", InputPerMillion);
        yield return ("cachedInputPerMillion", CachedInputPerMillion);
        yield return ("outputPerMillion", OutputPerMillion);
        yield return ("batchInputPerMillion", BatchInputPerMillion);
        yield return ("batchOutputPerMillion", BatchOutputPerMillion);
        foreach ((string name, decimal? value) in (FineTune ?? FineTunePrices.None).Named())
        {
            yield return ($"fineTune.{name}", value);
        }
    }
}

/// <summary>What a fine-tuned model of a base model costs; absent rates are <c>null</c>, never 0.</summary>
/// <param name="TrainingPerMillion">Dollars per million trained tokens (tokens times epochs).</param>
/// <param name="InputPerMillion">Input tokens of the fine-tuned model.</param>
/// <param name="CachedInputPerMillion">Cached input tokens of the fine-tuned model.</param>
/// <param name="OutputPerMillion">Output tokens of the fine-tuned model.</param>
/// <param name="HostingPerHour">Dollars per hour the fine-tuned deployment exists, used or not.</param>
public sealed record FineTunePrices(
    decimal? TrainingPerMillion,
    decimal? InputPerMillion,
    decimal? CachedInputPerMillion,
    decimal? OutputPerMillion,
    decimal? HostingPerHour)
{
    /// <summary>No rate known.</summary>
    public static FineTunePrices None { get; } = new(null, null, null, null, null);

    /// <summary>These rates, each one this has not taken from <paramref name="fallback"/>.</summary>
    public FineTunePrices Over(FineTunePrices fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new(
            TrainingPerMillion ?? fallback.TrainingPerMillion,
            InputPerMillion ?? fallback.InputPerMillion,
            CachedInputPerMillion ?? fallback.CachedInputPerMillion,
            OutputPerMillion ?? fallback.OutputPerMillion,
            HostingPerHour ?? fallback.HostingPerHour);
    }

    /// <summary>Each rate as its JSON name and value, absent ones included.</summary>
    public IEnumerable<(string Name, decimal? Value)> Named()
    {
        yield return ("trainingPerMillion", TrainingPerMillion);
        yield return ("inputPerMillion", InputPerMillion);
        yield return ("cachedInputPerMillion", CachedInputPerMillion);
        yield return ("outputPerMillion", OutputPerMillion);
        yield return ("hostingPerHour", HostingPerHour);
    }
}

/// <summary>
/// The body of a new version of a catalog entry (<c>PUT /api/models/...</c>), the id being in the route. A rate left out
/// or null is unknown, never 0; at least one must be given.
/// </summary>
/// <param name="EffectiveFrom">The first day (UTC) the rates apply.</param>
/// <param name="Source">Where the rates come from: a URL and its date.</param>
public sealed record ModelPriceInput(
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? InputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? CachedInputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? OutputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? BatchInputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? BatchOutputPerMillion,
    FineTunePriceInput? FineTune,
    DateOnly EffectiveFrom,
    [property: Length(1, PriceLimits.MaxSourceLength)] string Source)
{
    /// <summary>The rates of the body.</summary>
    public PriceRates ToRates() => new(InputPerMillion, CachedInputPerMillion, OutputPerMillion, BatchInputPerMillion, BatchOutputPerMillion,
        FineTune is { } fineTune
            ? new FineTunePrices(fineTune.TrainingPerMillion, fineTune.InputPerMillion, fineTune.CachedInputPerMillion,
                fineTune.OutputPerMillion, fineTune.HostingPerHour)
            : null);
}

/// <summary>The fine-tuning rates of a <see cref="ModelPriceInput"/>, each optional.</summary>
public sealed record FineTunePriceInput(
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? TrainingPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? InputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? CachedInputPerMillion,
    [property: Bounds(Bound.CatalogTokenPrice)] decimal? OutputPerMillion,
    [property: Bounds(Bound.CatalogHostingPrice)] decimal? HostingPerHour);

/// <summary>The bounds of a catalog rate.</summary>
public static class PriceLimits
{
    /// <summary>
    /// The largest token price the catalog accepts, dollars per million tokens: the dearest models cost a few hundred,
    /// so a price above it is a unit read wrongly (a per-1K price taken per token is 1000 times too high).
    /// </summary>
    public const decimal MaxTokenPricePerMillion = 1_000m;

    /// <summary>The largest hosting price the catalog accepts, dollars per hour.</summary>
    public const decimal MaxHostingPerHour = 1_000m;

    /// <summary>The longest source text kept with a version.</summary>
    public const int MaxSourceLength = 1_000;
}
