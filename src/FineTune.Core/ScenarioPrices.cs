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

    /// <summary>The fields a place can give itself, in the order of the bits of <see cref="GivenSets"/>.</summary>
    private static readonly string[] GivenFields =
        [PriceFields.InputPerMillion, PriceFields.OutputPerMillion, PriceFields.CachedInputPerMillion, PriceFields.HostingPerHour, PriceFields.TrainingPerMillion];

    /// <summary>Every set of given fields, by the bits of <see cref="GivenFields"/>: made once, shared by every scenario.</summary>
    private static readonly IReadOnlySet<string>[] GivenSets = [.. Enumerable.Range(0, 1 << GivenFields.Length)
        .Select(bits => (IReadOnlySet<string>)GivenFields.Where((_, i) => (bits & (1 << i)) != 0).ToHashSet(StringComparer.Ordinal))];

    /// <summary>The paths of the approaches a scenario can hold, and of their routings, made once.</summary>
    private static readonly string[] ApproachPaths = [.. Enumerable.Range(0, ScenarioLimits.MaxApproaches)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"approaches[{i}]"))];

    private static readonly string[] RoutingPaths = [.. ApproachPaths.Select(path => $"{path}.routing")];

    /// <summary>
    /// The scenario priced from <paramref name="catalog"/> as of its <see cref="Scenario.PricesAsOf"/>, or
    /// <paramref name="today"/> (UTC) when it gives none; a scenario that names no model is returned as it is. An id
    /// the catalog does not know, or prices on no version that day, and a rate a place needs that neither the scenario
    /// nor its entry gives, are errors: a price is never taken as 0 for want of one.
    /// </summary>
    /// <param name="scenario">A scenario <see cref="ScenarioJson.Parse"/> accepted.</param>
    /// <exception cref="ArgumentException">The scenario has more approaches than a valid one may.</exception>
    public static PriceResolution Resolve(Scenario scenario, PriceCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(catalog);
        if (scenario.Approaches.Count > ScenarioLimits.MaxApproaches)
        {
            throw new ArgumentException($"A valid scenario has at most {ScenarioLimits.MaxApproaches} approaches.", nameof(scenario));
        }
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
        int reference = 0;
        for (int i = 0; i < approaches.Length; i++)
        {
            approaches[i] = Filled(scenario.Approaches[i], fill, ref reference);
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
                (references ??= []).Add(new ModelReference(ApproachPaths[i], model, use,
                    Given(approach.Pricing, approach.HostingPerHour, approach.Training?.TrainingPerMillion)));
            }
            if (approach.Routing is { Model: { } routed } routing)
            {
                (references ??= []).Add(new ModelReference(RoutingPaths[i], routed, PriceUse.Inference, Given(routing.Pricing, null, null)));
            }
        }
        return references;
    }

    /// <summary>The fields of <see cref="GivenFields"/> a place gives itself.</summary>
    private static IReadOnlySet<string> Given(Pricing? pricing, decimal? hostingPerHour, decimal? trainingPerMillion) => GivenSets[
        (pricing?.InputPerMillion is null ? 0 : 1)
        | (pricing?.OutputPerMillion is null ? 0 : 2)
        | (pricing?.CachedInputPerMillion is null ? 0 : 4)
        | (hostingPerHour is null ? 0 : 8)
        | (trainingPerMillion is null ? 0 : 16)];

    /// <summary>
    /// The approach with the values <see cref="CatalogPrices.Fill"/> found for it and its routing, whose references are
    /// the next in the list <see cref="References"/> made (<paramref name="reference"/>, moved past them).
    /// </summary>
    private static Approach Filled(Approach approach, PriceFill fill, ref int reference)
    {
        Approach filled = approach;
        if (approach.Model is not null)
        {
            int own = reference++;
            filled = approach with
            {
                Pricing = Filled(approach.Pricing, fill, own),
                HostingPerHour = approach.HostingPerHour ?? fill.ValueOf(own, PriceFields.HostingPerHour),
                Training = approach.Training is { } training
                    ? training with { TrainingPerMillion = training.TrainingPerMillion ?? fill.ValueOf(own, PriceFields.TrainingPerMillion) }
                    : null,
            };
        }
        if (approach.Routing is { Model: not null } routing)
        {
            filled = filled with { Routing = routing with { Pricing = Filled(routing.Pricing, fill, reference++) } };
        }
        return filled;
    }

    private static Pricing Filled(Pricing? pricing, PriceFill fill, int reference) => new(
        pricing?.InputPerMillion ?? fill.ValueOf(reference, PriceFields.InputPerMillion),
        pricing?.OutputPerMillion ?? fill.ValueOf(reference, PriceFields.OutputPerMillion),
        pricing?.CachedInputPerMillion ?? fill.ValueOf(reference, PriceFields.CachedInputPerMillion));
}
