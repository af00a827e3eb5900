using System.Text.Json;
using System.Text.Json.Serialization;

namespace FineTune.Core;

/// <summary>
/// The catalog's shipped prices: <c>PriceSeed.json</c>, a dated snapshot of OpenAI and Azure OpenAI list prices in
/// which every version names its sources and their dates and a rate no source gives is absent. An empty catalog is
/// seeded from it, and it serves when the stored catalog cannot be read.
/// </summary>
public static class PriceSeed
{
    private const string ResourceName = "FineTune.Core.PriceSeed.json";

    private static readonly Lazy<(DateOnly Date, IReadOnlyList<ModelPrice> Versions)> Loaded = new(Load);

    /// <summary>The day of the snapshot: the latest date among its sources.</summary>
    public static DateOnly SnapshotDate => Loaded.Value.Date;

    /// <summary>Every version of the snapshot, in the file's order.</summary>
    public static IReadOnlyList<ModelPrice> Versions => Loaded.Value.Versions;

    /// <summary>The snapshot as a catalog.</summary>
    public static PriceCatalog Catalog { get; } = new(Versions);

    /// <summary>Reads a seed file's text (<see cref="Versions"/> reads the shipped one).</summary>
    /// <exception cref="InvalidDataException">The text is not a seed: a property unknown or missing, an id or rate out of bounds.</exception>
    public static (DateOnly Date, IReadOnlyList<ModelPrice> Versions) Parse(ReadOnlySpan<byte> utf8Json)
    {
        SeedFile file;
        try
        {
            file = JsonSerializer.Deserialize(utf8Json, PriceSeedJsonContext.Default.SeedFile)
                ?? throw new InvalidDataException("The price seed is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The price seed is not valid: {e.Message}", e);
        }
        return (file.SnapshotDate, file.Entries.Select(ToVersion).ToList());
    }

    private static (DateOnly, IReadOnlyList<ModelPrice>) Load()
    {
        using Stream stream = typeof(PriceSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(PriceSeed).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    private static ModelPrice ToVersion(SeedEntry entry)
    {
        if (!ModelId.TryParse(entry.Id, out ModelId? id))
        {
            throw new InvalidDataException($"'{entry.Id}' in the price seed is not a model id.");
        }
        var rates = new PriceRates(entry.InputPerMillion, entry.CachedInputPerMillion, entry.OutputPerMillion,
            entry.BatchInputPerMillion, entry.BatchOutputPerMillion, entry.FineTune);
        foreach ((string name, decimal? value) in rates.Named())
        {
            decimal max = name.EndsWith("PerHour", StringComparison.Ordinal) ? PriceLimits.MaxHostingPerHour : PriceLimits.MaxTokenPricePerMillion;
            if (value is < 0m || value > max)
            {
                throw new InvalidDataException($"{entry.Id} {name} {value} in the price seed is outside 0..{max}.");
            }
        }
        if (string.IsNullOrWhiteSpace(entry.Source) || entry.Source.Length > PriceLimits.MaxSourceLength)
        {
            throw new InvalidDataException($"{entry.Id} in the price seed needs a source of at most {PriceLimits.MaxSourceLength} characters.");
        }
        return new ModelPrice(id, entry.EffectiveFrom, null, rates, entry.Source, entry.RetrievedAt);
    }

    internal sealed record SeedFile(DateOnly SnapshotDate, string Description, IReadOnlyList<SeedEntry> Entries);

    internal sealed record SeedEntry(
        string Id,
        DateOnly EffectiveFrom,
        decimal? InputPerMillion,
        decimal? CachedInputPerMillion,
        decimal? OutputPerMillion,
        decimal? BatchInputPerMillion,
        decimal? BatchOutputPerMillion,
        FineTunePrices? FineTune,
        string Source,
        DateTimeOffset RetrievedAt);
}

/// <summary>Reads the price seed: exact decimals, every property known, the required ones present.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PriceSeed.SeedFile))]
internal sealed partial class PriceSeedJsonContext : JsonSerializerContext;
