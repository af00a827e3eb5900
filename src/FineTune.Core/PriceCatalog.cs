namespace FineTune.Core;

/// <summary>
/// The model price catalog at one moment (economics.md section 8): every version of every entry, each version in effect
/// from its <see cref="ModelPrice.EffectiveFrom"/> until the next version's (exclusive). Immutable.
/// </summary>
public sealed class PriceCatalog
{
    /// <summary>How many similar ids an unknown id is answered with.</summary>
    public const int MaxSimilar = 5;

    private readonly Dictionary<ModelId, ModelPrice[]> byId;

    // The same versions by the id's text, so that a scenario's model is found without parsing it.
    private readonly Dictionary<string, ModelPrice[]> byText;

    /// <summary>
    /// A catalog of <paramref name="versions"/> in any order. Each version's <see cref="ModelPrice.EffectiveTo"/> is set
    /// from the next version of its id, whatever it said.
    /// </summary>
    /// <exception cref="ArgumentException">Two versions of one id start on the same day.</exception>
    public PriceCatalog(IEnumerable<ModelPrice> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        byId = versions
            .GroupBy(version => version.Id)
            .ToDictionary(group => group.Key, group => Chain(group.Key, group));
        byText = byId.ToDictionary(entry => entry.Key.ToString(), entry => entry.Value, StringComparer.Ordinal);
        Versions = byId.Keys
            .Order(ModelId.Order)
            .SelectMany(id => byId[id])
            .ToList();
    }

    /// <summary>A catalog without entries.</summary>
    public static PriceCatalog Empty { get; } = new([]);

    /// <summary>Every version, by id (<see cref="ModelId.Order"/>) then by date.</summary>
    public IReadOnlyList<ModelPrice> Versions { get; }

    /// <summary>How many ids the catalog holds.</summary>
    public int Count => byId.Count;

    /// <summary>True when the catalog has any version of <paramref name="id"/>.</summary>
    public bool Contains(ModelId id) => byId.ContainsKey(id);

    /// <summary>Every version of <paramref name="id"/>, oldest first; empty when the id is unknown.</summary>
    public IReadOnlyList<ModelPrice> History(ModelId id) => byId.TryGetValue(id, out ModelPrice[]? versions) ? versions : [];

    /// <summary>The version of <paramref name="id"/> in effect on <paramref name="date"/>; <c>null</c> when none is.</summary>
    public ModelPrice? InEffect(ModelId id, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.TryGetValue(id, out ModelPrice[]? versions) ? InEffect(versions, date) : null;
    }

    /// <summary>
    /// The version of the id written as <paramref name="id"/> (<see cref="ModelId.ToString"/>) in effect on
    /// <paramref name="date"/>; <c>null</c> when the catalog has no such id or none is in effect then.
    /// </summary>
    public ModelPrice? InEffect(string id, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byText.TryGetValue(id, out ModelPrice[]? versions) ? InEffect(versions, date) : null;
    }

    /// <summary>The latest version of <paramref name="id"/>, in effect now or from a later day; <c>null</c> when unknown.</summary>
    public ModelPrice? Latest(ModelId id) => byId.TryGetValue(id, out ModelPrice[]? versions) ? versions[^1] : null;

    /// <summary>One version per id, the one in effect on <paramref name="date"/>, by id (<see cref="ModelId.Order"/>).</summary>
    public IEnumerable<ModelPrice> InEffectOn(DateOnly date) =>
        byId.Keys.Order(ModelId.Order)
            .Select(id => InEffect(byId[id], date))
            .OfType<ModelPrice>();

    /// <summary>
    /// Up to <see cref="MaxSimilar"/> ids in effect on <paramref name="date"/> that <paramref name="text"/> probably
    /// meant: first those that continue it or that it continues (a model named without its date or deployment), then
    /// by edit distance to the whole id, to the model alone and to <c>provider/model</c>; ties by id.
    /// </summary>
    public IReadOnlyList<ModelId> Similar(string text, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        string query = text.Trim().ToLowerInvariant();
        int tolerance = Math.Max(3, query.Length / 3);
        var ranked = new List<(bool Prefix, int Distance, string Text, ModelId Id)>();
        foreach (ModelPrice version in InEffectOn(date))
        {
            ModelId id = version.Id;
            string whole = id.ToString();
            string providerModel = $"{id.Provider}/{id.Model}";
            bool prefix = query.Length > 0 && (whole.StartsWith(query, StringComparison.Ordinal)
                || id.Model.StartsWith(query, StringComparison.Ordinal)
                || query.StartsWith(providerModel, StringComparison.Ordinal));
            int distance = Math.Min(
                EditDistance.Between(query, whole, tolerance),
                Math.Min(EditDistance.Between(query, id.Model, tolerance), EditDistance.Between(query, providerModel, tolerance)));
            if (prefix || distance <= tolerance)
            {
                ranked.Add((prefix, distance, whole, id));
            }
        }
        return ranked
            .OrderBy(candidate => candidate.Prefix ? 0 : 1)
            .ThenBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Text, StringComparer.Ordinal)
            .Take(MaxSimilar)
            .Select(candidate => candidate.Id)
            .ToList();
    }

    /// <summary>
    /// The versions to add for rates <paramref name="observed"/> at a source (a price API): one for each id whose rates
    /// differ from its latest version, none where they are equal. A rate the source does not give is kept from the
    /// latest version (the source saying nothing is no news that it is gone). The new version starts on the later of
    /// the day the source gives and the latest version's first day; on that same day it replaces the latest version.
    /// </summary>
    /// <exception cref="ArgumentException">An id is observed twice.</exception>
    public PriceChangePlan PlanChanges(IReadOnlyList<ObservedPrice> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var versions = new List<ModelPrice>();
        var seen = new HashSet<ModelId>();
        int unchanged = 0;
        foreach (ObservedPrice price in observed)
        {
            if (!seen.Add(price.Id))
            {
                throw new ArgumentException($"{price.Id} is observed more than once.", nameof(observed));
            }
            ModelPrice? latest = Latest(price.Id);
            PriceRates rates = latest is null ? price.Rates : price.Rates.Over(latest.Rates);
            if (latest is not null && rates == latest.Rates)
            {
                unchanged++;
                continue;
            }
            if (rates.IsEmpty)
            {
                continue;
            }
            DateOnly from = latest is null || price.EffectiveFrom > latest.EffectiveFrom ? price.EffectiveFrom : latest.EffectiveFrom;
            versions.Add(new ModelPrice(price.Id, from, null, rates, SourceOf(price, latest, rates), price.RetrievedAt));
        }
        return new PriceChangePlan(versions, unchanged);
    }

    /// <summary>The observed source, and which rates were kept from the version before when the source gave none.</summary>
    private static string SourceOf(ObservedPrice price, ModelPrice? latest, PriceRates rates)
    {
        if (latest is null)
        {
            return price.Source;
        }
        string[] kept = rates.Named().Zip(price.Rates.Named())
            .Where(pair => pair.First.Value is not null && pair.Second.Value is null)
            .Select(pair => pair.First.Name)
            .ToArray();
        return kept.Length == 0
            ? price.Source
            : $"{price.Source}; {string.Join(", ", kept)} as in the version of {latest.EffectiveFrom:yyyy-MM-dd}";
    }

    private static ModelPrice? InEffect(ModelPrice[] versions, DateOnly date)
    {
        for (int i = versions.Length - 1; i >= 0; i--)
        {
            if (versions[i].EffectiveFrom <= date)
            {
                return versions[i];
            }
        }
        return null;
    }

    private static ModelPrice[] Chain(ModelId id, IEnumerable<ModelPrice> versions)
    {
        ModelPrice[] ordered = versions.OrderBy(version => version.EffectiveFrom).ToArray();
        for (int i = 0; i < ordered.Length; i++)
        {
            DateOnly? next = i + 1 < ordered.Length ? ordered[i + 1].EffectiveFrom : null;
            if (next == ordered[i].EffectiveFrom)
            {
                throw new ArgumentException($"Two versions of {id} start on {next:yyyy-MM-dd}.", nameof(versions));
            }
            ordered[i] = ordered[i] with { EffectiveTo = next };
        }
        return ordered;
    }
}

/// <summary>The rates a source gives for one id, before they are compared with the catalog.</summary>
/// <param name="Rates">What the source gives; a rate it does not give is <c>null</c>.</param>
/// <param name="EffectiveFrom">The day the source says these rates began.</param>
public sealed record ObservedPrice(ModelId Id, PriceRates Rates, DateOnly EffectiveFrom, string Source, DateTimeOffset RetrievedAt);

/// <summary>What <see cref="PriceCatalog.PlanChanges"/> found.</summary>
/// <param name="Versions">The versions to write, one per changed or new id.</param>
/// <param name="Unchanged">Ids whose rates equal their latest version.</param>
public sealed record PriceChangePlan(IReadOnlyList<ModelPrice> Versions, int Unchanged)
{
    /// <summary>Ids that get a new version.</summary>
    public int Changed => Versions.Count;
}

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it is known to exceed <paramref name="limit"/>.</summary>
    public static int Between(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > limit)
            {
                return limit + 1;
            }
            (before, previous, current) = (previous, current, before);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
