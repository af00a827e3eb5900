using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FineTune.Core;

/// <summary>A scenario whose every price the economics reads is present, and the catalog entries that gave the missing ones.</summary>
/// <param name="Scenario">The scenario with the prices it left out filled in; its model ids and <c>pricesAsOf</c> as written.</param>
/// <param name="Prices">One entry per approach or routing that names a model, in the scenario's order; empty when none does.</param>
public sealed record PricedScenario(Scenario Scenario, IReadOnlyList<PriceUsed> Prices);

/// <summary>The outcome of <see cref="ScenarioPrices.Resolve"/>: the priced scenario, or every problem found.</summary>
/// <param name="Errors">Keyed by JSON path: <c>approaches[1].model</c> for an id the catalog cannot price that day (with up to
/// 5 similar ids), or the path of a price the approach needs and its entry lacks (<c>approaches[2].hostingPerHour</c>).</param>
public sealed record PriceResolution(PricedScenario? Priced, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    /// <summary>True when the scenario is priced.</summary>
    [MemberNotNullWhen(true, nameof(Priced))]
    public bool IsValid => Priced is not null && Errors.Count == 0;
}

/// <summary>
/// Turns a scenario as the caller wrote it into the scenario the economics reads (economics.md section 8): every
/// approach and routing that names a model takes the prices it leaves out from the catalog entry in effect on the
/// scenario's <c>pricesAsOf</c> (else today), and a price it gives itself wins. Pure: the day is given.
/// </summary>
public static class ScenarioPrices
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The scenario priced from <paramref name="catalog"/> as of its <see cref="Scenario.PricesAsOf"/>, or
    /// <paramref name="today"/> (UTC) when it gives none; a scenario that names no model is returned as it is. An id
    /// the catalog does not know, or prices on no version that day, and a rate a place needs that neither the scenario
    /// nor its entry gives, are errors: a price is never taken as 0 for want of one.
    /// </summary>
    /// <param name="scenario">A scenario <see cref="ScenarioJson.Parse"/> accepted.</param>
    public static PriceResolution Resolve(Scenario scenario, PriceCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(catalog);
        List<ModelReference>? references = References(scenario.Approaches);
        if (references is null)
        {
            return new(new PricedScenario(scenario, []), NoErrors);
        }
        PriceFill fill = CatalogPrices.Fill(references, catalog, scenario.PricesAsOf ?? today);
        if (!fill.IsValid)
        {
            return new(null, fill.Errors);
        }
        var approaches = new Approach[scenario.Approaches.Count];
        for (int i = 0; i < approaches.Length; i++)
        {
            approaches[i] = Filled(scenario.Approaches[i], PathOf(i), fill.Values);
        }
        return new(new PricedScenario(scenario with { Approaches = approaches }, fill.Prices), NoErrors);
    }

    /// <summary>The places that name a model, with the fields each gives itself; null when none does.</summary>
    private static List<ModelReference>? References(IReadOnlyList<Approach> approaches)
    {
        List<ModelReference>? references = null;
        for (int i = 0; i < approaches.Count; i++)
        {
            Approach approach = approaches[i];
            if (approach.Model is { } model)
            {
                PriceUse use = approach.Kind == ApproachKind.FineTune ? PriceUse.FineTune : PriceUse.Inference;
                (references ??= []).Add(new ModelReference(PathOf(i), model, use,
                    Given(approach.Pricing, approach.HostingPerHour, approach.Training?.TrainingPerMillion)));
            }
            if (approach.Routing is { Model: { } routed } routing)
            {
                (references ??= []).Add(new ModelReference(RoutingPath(PathOf(i)), routed, PriceUse.Inference,
                    Given(routing.Pricing, null, null)));
            }
        }
        return references;
    }

    private static HashSet<string> Given(Pricing? pricing, decimal? hostingPerHour, decimal? trainingPerMillion)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        Add(PriceFields.InputPerMillion, pricing?.InputPerMillion);
        Add(PriceFields.OutputPerMillion, pricing?.OutputPerMillion);
        Add(PriceFields.CachedInputPerMillion, pricing?.CachedInputPerMillion);
        Add(PriceFields.HostingPerHour, hostingPerHour);
        Add(PriceFields.TrainingPerMillion, trainingPerMillion);
        return given;

        void Add(string field, decimal? value)
        {
            if (value is not null)
            {
                given.Add(field);
            }
        }
    }

    /// <summary>The approach with the values <see cref="CatalogPrices.Fill"/> found for it and its routing.</summary>
    private static Approach Filled(Approach approach, string path, IReadOnlyDictionary<string, decimal> values)
    {
        Approach filled = approach;
        if (approach.Model is not null)
        {
            filled = approach with
            {
                Pricing = Filled(approach.Pricing, path, values),
                HostingPerHour = approach.HostingPerHour ?? Value(values, path, PriceFields.HostingPerHour),
                Training = approach.Training is { } training
                    ? training with { TrainingPerMillion = training.TrainingPerMillion ?? Value(values, path, PriceFields.TrainingPerMillion) }
                    : null,
            };
        }
        if (approach.Routing is { Model: not null } routing)
        {
            filled = filled with { Routing = routing with { Pricing = Filled(routing.Pricing, RoutingPath(path), values) } };
        }
        return filled;
    }

    private static Pricing Filled(Pricing? pricing, string path, IReadOnlyDictionary<string, decimal> values) => new(
        pricing?.InputPerMillion ?? Value(values, path, PriceFields.InputPerMillion),
        pricing?.OutputPerMillion ?? Value(values, path, PriceFields.OutputPerMillion),
        pricing?.CachedInputPerMillion ?? Value(values, path, PriceFields.CachedInputPerMillion));

    private static decimal? Value(IReadOnlyDictionary<string, decimal> values, string path, string field) =>
        values.TryGetValue($"{path}.{field}", out decimal value) ? value : null;

    private static string PathOf(int approach) => string.Create(CultureInfo.InvariantCulture, $"approaches[{approach}]");

    private static string RoutingPath(string approachPath) => $"{approachPath}.routing";
}
