using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.Functions.Prices;

/// <summary>One page of the Azure Retail Prices API: <c>{BillingCurrency, Items, NextPageLink, Count}</c>.</summary>
/// <param name="NextPageLink">The next page's address; <c>null</c> (or empty) on the last page.</param>
public sealed record RetailPricePage(IReadOnlyList<RetailPriceItem>? Items, string? NextPageLink);

/// <summary>One price of the Azure Retail Prices API, only the fields the refresh reads.</summary>
/// <param name="RetailPrice">The list price per <paramref name="UnitOfMeasure"/>, in <paramref name="CurrencyCode"/>.</param>
/// <param name="TierMinimumUnits">Where a tier begins; 0 for a flat price or a tiered meter's first tier.</param>
/// <param name="UnitOfMeasure"><c>1K</c> or <c>1M</c> tokens, <c>1 Hour</c> or <c>1/Hour</c>, and others the catalog has no use for.</param>
/// <param name="Type"><c>Consumption</c>, <c>Reservation</c> or <c>DevTestConsumption</c>.</param>
/// <param name="EffectiveStartDate">When the current price began.</param>
public sealed record RetailPriceItem(
    string? CurrencyCode,
    decimal? RetailPrice,
    decimal? TierMinimumUnits,
    string? ArmRegionName,
    DateTimeOffset? EffectiveStartDate,
    string? MeterId,
    string? MeterName,
    string? ProductName,
    string? SkuName,
    string? ServiceName,
    string? UnitOfMeasure,
    string? Type);

/// <summary>
/// Source-generated JSON of the Retail Prices API. The envelope's names are PascalCase and the items' camelCase, so
/// names match in any case; numbers are read as exact decimals; unknown fields are ignored.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(RetailPricePage))]
public sealed partial class RetailPricesJsonContext : JsonSerializerContext;
