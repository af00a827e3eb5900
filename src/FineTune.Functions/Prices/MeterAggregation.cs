using System.Globalization;
using FineTune.Core;

namespace FineTune.Functions.Prices;

/// <summary>The catalog rates of one refresh, entry by entry, and the meters that disagreed.</summary>
/// <param name="Conflicts">Meters left out because another meter priced the same rate differently, with the reason.</param>
public sealed record ObservedRates(IReadOnlyList<ObservedPrice> Prices, IReadOnlyList<(RetailPriceItem Item, string Reason)> Conflicts);

/// <summary>Gathers the mapped meters of a refresh into one observed price per catalog entry.</summary>
public static class MeterAggregation
{
    /// <summary>Microsoft's statement that a fine-tuned deployment bills its tokens at the base model's rates.</summary>
    public const string BaseRateSource =
        "fine-tuned tokens at the base-model rate (https://learn.microsoft.com/azure/foundry/openai/how-to/fine-tuning-cost-management)";

    /// <summary>
    /// One observed price per id of <paramref name="mapped"/>. Meters that price one rate alike (a <c>1K</c> and a
    /// <c>1M</c> meter of the same model) agree; meters that price it differently are all left out and reported. An entry
    /// with a fine-tuning meter (training or hosting) but no fine-tuned token meter takes its fine-tuned token rates from
    /// the base model's, as Microsoft bills them. The entry starts on the latest start day of its meters.
    /// </summary>
    /// <param name="source">Where the rates come from, kept with every version written.</param>
    /// <param name="today">The start day of an entry whose meters give none.</param>
    public static ObservedRates Observe(
        IReadOnlyList<(RetailPriceItem Item, MeterReading Reading)> mapped, string source, DateTimeOffset retrievedAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var prices = new List<ObservedPrice>();
        var conflicts = new List<(RetailPriceItem, string)>();
        foreach (IGrouping<ModelId, (RetailPriceItem Item, MeterReading Reading)> entry in mapped
            .Where(pair => pair.Reading.Outcome == MeterOutcome.Mapped)
            .GroupBy(pair => pair.Reading.Id!)
            .OrderBy(group => group.Key, ModelId.Order))
        {
            var rates = new Dictionary<PriceField, decimal>();
            DateOnly? from = null;
            foreach (IGrouping<PriceField, (RetailPriceItem Item, MeterReading Reading)> field in entry.GroupBy(pair => pair.Reading.Field!.Value))
            {
                decimal[] values = field.Select(pair => pair.Reading.Value!.Value).Distinct().Order().ToArray();
                if (values.Length > 1)
                {
                    string reason = string.Create(CultureInfo.InvariantCulture,
                        $"{entry.Key} {field.Key} priced {string.Join(" and ", values)} by different meters");
                    conflicts.AddRange(field.Select(pair => (pair.Item, reason)));
                    continue;
                }
                rates[field.Key] = values[0];
                foreach ((_, MeterReading reading) in field)
                {
                    if (reading.EffectiveFrom is DateOnly day && (from is null || day > from))
                    {
                        from = day;
                    }
                }
            }
            if (rates.Count > 0)
            {
                (PriceRates observed, bool derived) = RatesOf(rates);
                prices.Add(new ObservedPrice(entry.Key, observed, from ?? today, derived ? $"{source}; {BaseRateSource}" : source, retrievedAt));
            }
        }
        return new ObservedRates(prices, conflicts);
    }

    private static (PriceRates Rates, bool Derived) RatesOf(Dictionary<PriceField, decimal> rates)
    {
        decimal? Rate(PriceField field) => rates.TryGetValue(field, out decimal value) ? value : null;
        bool fineTunable = rates.ContainsKey(PriceField.FineTuneTraining) || rates.ContainsKey(PriceField.FineTuneHosting);
        bool fineTunedTokens = rates.ContainsKey(PriceField.FineTuneInput) || rates.ContainsKey(PriceField.FineTuneCachedInput)
            || rates.ContainsKey(PriceField.FineTuneOutput);
        bool derived = fineTunable && !fineTunedTokens
            && (rates.ContainsKey(PriceField.Input) || rates.ContainsKey(PriceField.CachedInput) || rates.ContainsKey(PriceField.Output));
        FineTunePrices? fineTune = fineTunable || fineTunedTokens
            ? new FineTunePrices(
                Rate(PriceField.FineTuneTraining),
                derived ? Rate(PriceField.Input) : Rate(PriceField.FineTuneInput),
                derived ? Rate(PriceField.CachedInput) : Rate(PriceField.FineTuneCachedInput),
                derived ? Rate(PriceField.Output) : Rate(PriceField.FineTuneOutput),
                Rate(PriceField.FineTuneHosting))
            : null;
        return (new PriceRates(Rate(PriceField.Input), Rate(PriceField.CachedInput), Rate(PriceField.Output),
            Rate(PriceField.BatchInput), Rate(PriceField.BatchOutput), fineTune), derived);
    }
}
