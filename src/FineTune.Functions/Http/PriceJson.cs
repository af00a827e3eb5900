using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;
using FineTune.Functions.Prices;

namespace FineTune.Functions.Http;

/// <summary>
/// One version of a catalog entry as the API shows it (economics.md section 8): <c>{id, provider, model, deployment,
/// effectiveFrom, effectiveTo, inputPerMillion, cachedInputPerMillion, outputPerMillion, batchInputPerMillion,
/// batchOutputPerMillion, fineTune, source, retrievedAt}</c>, absent rates null. Token rates in dollars per million
/// tokens, hosting in dollars per hour.
/// </summary>
/// <param name="EffectiveTo">The first day of the next version, exclusive; null while none exists.</param>
public sealed record ModelPriceResource(
    [property: RegularExpression(ModelId.Pattern)] string Id,
    string Provider,
    string Model,
    string? Deployment,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal? InputPerMillion,
    decimal? CachedInputPerMillion,
    decimal? OutputPerMillion,
    decimal? BatchInputPerMillion,
    decimal? BatchOutputPerMillion,
    FineTunePrices? FineTune,
    string Source,
    DateTimeOffset RetrievedAt)
{
    /// <summary>The API's view of a version.</summary>
    public static ModelPriceResource From(ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        PriceRates rates = price.Rates;
        return new(price.Id.ToString(), price.Id.Provider, price.Id.Model, price.Id.Deployment, price.EffectiveFrom, price.EffectiveTo,
            rates.InputPerMillion, rates.CachedInputPerMillion, rates.OutputPerMillion, rates.BatchInputPerMillion, rates.BatchOutputPerMillion,
            rates.FineTune, price.Source, price.RetrievedAt);
    }
}

/// <summary>One page of the catalog; <see cref="ContinuationToken"/> is <c>null</c> on the last page.</summary>
public sealed record ModelPricePageResource(IReadOnlyList<ModelPriceResource> Items, string? ContinuationToken);

/// <summary>One catalog entry: the version in effect today and every version.</summary>
/// <param name="Current">The version in effect today (UTC); null when none is (its first version starts later).</param>
/// <param name="History">Every version, newest first.</param>
public sealed record ModelResource(ModelPriceResource? Current, IReadOnlyList<ModelPriceResource> History);

/// <summary>Source-generated JSON for the catalog's responses: camelCase, nulls written, decimals rounded.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(RoundedDecimalConverter)])]
[JsonSerializable(typeof(ModelPriceResource))]
[JsonSerializable(typeof(ModelPricePageResource))]
[JsonSerializable(typeof(ModelResource))]
[JsonSerializable(typeof(PriceRefreshSummary))]
public sealed partial class PriceJsonContext : JsonSerializerContext;
