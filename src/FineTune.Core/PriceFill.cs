namespace FineTune.Core;

/// <summary>Which rates of a catalog entry a place in the scenario takes (economics.md section 8).</summary>
public enum PriceUse
{
    /// <summary>A prompt or RAG approach, or a routing: the entry's input, output and cached input rates.</summary>
    Inference,
    /// <summary>A fine-tune approach: the entry's fine-tuned inference rates, its hosting and its training rate.</summary>
    FineTune,
}

/// <summary>A place in a scenario that names a catalog entry.</summary>
/// <param name="Path">The JSON path of the object that names it: <c>approaches[1]</c> or <c>approaches[1].routing</c>.</param>
/// <param name="Model">The id as the scenario writes it, checked here.</param>
/// <param name="Given">The fields (<see cref="PriceFields"/>, relative to <paramref name="Path"/>) the scenario gives itself:
/// they win over the catalog.</param>
public sealed record ModelReference(string Path, string Model, PriceUse Use, IReadOnlySet<string> Given);

/// <summary>The fields a catalog entry can fill, as JSON paths relative to the approach (or routing) that names it.</summary>
public static class PriceFields
{
    /// <summary>The approach's (or routing's) input price, dollars per million tokens.</summary>
    public const string InputPerMillion = "pricing.inputPerMillion";

    /// <summary>The output price, dollars per million tokens.</summary>
    public const string OutputPerMillion = "pricing.outputPerMillion";

    /// <summary>The cached input price, dollars per million tokens; optional (the economics default to the input price).</summary>
    public const string CachedInputPerMillion = "pricing.cachedInputPerMillion";

    /// <summary>A fine-tune approach's hosting, dollars per hour.</summary>
    public const string HostingPerHour = "hostingPerHour";

    /// <summary>A fine-tune approach's training price, dollars per million trained tokens.</summary>
    public const string TrainingPerMillion = "training.trainingPerMillion";

    /// <summary>The field a place names its catalog entry with.</summary>
    public const string Model = "model";

    /// <summary>The fields <paramref name="use"/> fills, in the order they are listed.</summary>
    public static IReadOnlyList<string> For(PriceUse use) => use == PriceUse.FineTune ? FineTuneFields : InferenceFields;

    private static readonly string[] InferenceFields = [InputPerMillion, OutputPerMillion, CachedInputPerMillion];

    private static readonly string[] FineTuneFields = [InputPerMillion, OutputPerMillion, CachedInputPerMillion, HostingPerHour, TrainingPerMillion];

    /// <summary>The position of <paramref name="field"/> in the fields a fine-tune fills, which begin with those the others fill.</summary>
    internal static int IndexOf(string field) => field switch
    {
        InputPerMillion => 0,
        OutputPerMillion => 1,
        CachedInputPerMillion => 2,
        HostingPerHour => 3,
        TrainingPerMillion => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field a catalog entry fills."),
    };
}

/// <summary>The catalog entry a place used, as the analysis lists it.</summary>
/// <param name="Path">The place: <c>approaches[1]</c> or <c>approaches[1].routing</c>.</param>
/// <param name="Model">The id.</param>
/// <param name="EffectiveFrom">The first day of the version used.</param>
/// <param name="Filled">The fields taken from it (relative to <paramref name="Path"/>); empty when the scenario gave them all.</param>
public sealed record PriceUsed(string Path, string Model, DateOnly EffectiveFrom, string Source, IReadOnlyList<string> Filled);

/// <summary>The outcome of <see cref="CatalogPrices.Fill"/>.</summary>
public sealed class PriceFill
{
    private readonly IReadOnlyList<ModelReference> references;

    // Per reference, the value of each field it fills (PriceFields.IndexOf), null where it fills none; null for a
    // reference whose model was not found. Read by position, so filling a scenario neither joins nor hashes a path.
    private readonly decimal?[]?[] values;

    internal PriceFill(
        IReadOnlyList<ModelReference> references, decimal?[]?[] values, IReadOnlyList<PriceUsed> prices,
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        this.references = references;
        this.values = values;
        Prices = prices;
        Errors = errors;
    }

    /// <summary>One entry per place that names a model, in the order given.</summary>
    public IReadOnlyList<PriceUsed> Prices { get; }

    /// <summary>Every problem, keyed by JSON path; empty when the scenario can be priced.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>True when every named model is known and has every rate its place needs.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The value of every field to fill, keyed by its full JSON path (<c>approaches[1].pricing.inputPerMillion</c>).</summary>
    public IReadOnlyDictionary<string, decimal> Values
    {
        get
        {
            var all = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (int r = 0; r < references.Count; r++)
            {
                IReadOnlyList<string> fields = PriceFields.For(references[r].Use);
                for (int f = 0; f < fields.Count; f++)
                {
                    if (ValueOf(r, fields[f]) is decimal value)
                    {
                        all[$"{references[r].Path}.{fields[f]}"] = value;
                    }
                }
            }
            return all;
        }
    }

    /// <summary>
    /// The value to fill at <paramref name="field"/> (<see cref="PriceFields"/>) of the place named by the reference at
    /// <paramref name="reference"/> in the list given to <see cref="CatalogPrices.Fill"/>; <c>null</c> when the place
    /// gives it itself, or its entry lacks it or was not found.
    /// </summary>
    public decimal? ValueOf(int reference, string field)
    {
        int index = PriceFields.IndexOf(field);
        return values[reference] is { } filled && index < filled.Length ? filled[index] : null;
    }
}

/// <summary>Fills the prices a scenario leaves out from the catalog entries it names (economics.md section 8). Pure.</summary>
public static class CatalogPrices
{

    /// <summary>
    /// The values to fill for each of <paramref name="references"/> from the version of its entry in effect on
    /// <paramref name="asOf"/>. A field the scenario gives wins and is not filled. An unknown id, or one with no version in
    /// effect that day, is an error at <c>{path}.model</c> listing up to 5 similar ids. A rate the place needs and neither
    /// the scenario nor the entry gives (the input and output prices; for a fine-tune also hosting and training) is an
    /// error at that field's path: never a silent 0. The cached input price is filled when the entry has one.
    /// </summary>
    public static PriceFill Fill(IReadOnlyList<ModelReference> references, PriceCatalog catalog, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(catalog);
        var values = new decimal?[]?[references.Count];
        var prices = new List<PriceUsed>(references.Count);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (int r = 0; r < references.Count; r++)
        {
            ModelReference reference = references[r];
            ModelPrice? version = Find(reference, catalog, asOf, errors);
            if (version is null)
            {
                continue;
            }
            IReadOnlyList<string> fields = PriceFields.For(reference.Use);
            var filled = new List<string>(fields.Count);
            var rates = new decimal?[fields.Count];
            values[r] = rates;
            for (int f = 0; f < fields.Count; f++)
            {
                string field = fields[f];
                if (reference.Given.Contains(field))
                {
                    continue;
                }
                if (RateOf(version.Rates, reference.Use, field) is decimal rate)
                {
                    rates[f] = rate;
                    filled.Add(field);
                }
                else if (field != PriceFields.CachedInputPerMillion)
                {
                    errors[$"{reference.Path}.{field}"] = [Lacking(version, reference.Use, field)];
                }
            }
            // The version was found by the reference's text, which is its id's.
            prices.Add(new PriceUsed(reference.Path, reference.Model, version.EffectiveFrom, version.Source, filled));
        }
        return new PriceFill(references, values, prices, errors);
    }

    private static ModelPrice? Find(ModelReference reference, PriceCatalog catalog, DateOnly asOf, Dictionary<string, IReadOnlyList<string>> errors)
    {
        // Looked up by its text: an id in the catalog needs no parsing; only a refusal does.
        if (catalog.InEffect(reference.Model, asOf) is { } version)
        {
            return version;
        }
        string path = $"{reference.Path}.{PriceFields.Model}";
        if (!ModelId.TryParse(reference.Model, out ModelId? id))
        {
            errors[path] = [$"must be a catalog id: lower case provider/model or provider/model/deployment.{SimilarText(catalog, reference.Model, asOf)}"];
            return null;
        }
        string known = catalog.Contains(id)
            ? $"{id} has no price in effect on {asOf:yyyy-MM-dd}; its prices start on {catalog.History(id)[0].EffectiveFrom:yyyy-MM-dd}."
            : $"{id} is not in the price catalog.";
        errors[path] = [known + SimilarText(catalog, reference.Model, asOf)];
        return null;
    }

    private static string SimilarText(PriceCatalog catalog, string text, DateOnly asOf) =>
        catalog.Similar(text, asOf) is { Count: > 0 } similar
            ? $" Similar ids: {string.Join(", ", similar)}."
            : " No similar id is in effect on that date.";

    private static decimal? RateOf(PriceRates rates, PriceUse use, string field) => (use, field) switch
    {
        (PriceUse.Inference, PriceFields.InputPerMillion) => rates.InputPerMillion,
        (PriceUse.Inference, PriceFields.OutputPerMillion) => rates.OutputPerMillion,
        (PriceUse.Inference, PriceFields.CachedInputPerMillion) => rates.CachedInputPerMillion,
        (PriceUse.FineTune, PriceFields.InputPerMillion) => rates.FineTune?.InputPerMillion,
        (PriceUse.FineTune, PriceFields.OutputPerMillion) => rates.FineTune?.OutputPerMillion,
        (PriceUse.FineTune, PriceFields.CachedInputPerMillion) => rates.FineTune?.CachedInputPerMillion,
        (PriceUse.FineTune, PriceFields.HostingPerHour) => rates.FineTune?.HostingPerHour,
        (PriceUse.FineTune, PriceFields.TrainingPerMillion) => rates.FineTune?.TrainingPerMillion,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, $"Not a field that {use} fills."),
    };

    private static string Lacking(ModelPrice version, PriceUse use, string field)
    {
        string what = use == PriceUse.FineTune
            ? version.Rates.FineTune is null
                ? "has no fine-tuning prices"
                : $"has no fine-tuned {Rate(field)}"
            : $"has no {Rate(field)}";
        return $"is required: {version.Id} (version of {version.EffectiveFrom:yyyy-MM-dd}) {what}; give it in the scenario.";
    }

    private static string Rate(string field) => field switch
    {
        PriceFields.InputPerMillion => "input price",
        PriceFields.OutputPerMillion => "output price",
        PriceFields.CachedInputPerMillion => "cached input price",
        PriceFields.HostingPerHour => "hosting price",
        _ => "training price",
    };
}
