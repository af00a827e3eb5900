using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>Source-generated JSON for what rows keep as text: exact decimals (no rounding), absent values omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(StoredPeerPlacementConverter)])]
[JsonSerializable(typeof(MetricComparison[]))]
[JsonSerializable(typeof(StoredPeerPlacement))]
[JsonSerializable(typeof(UsageRecord[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

/// <summary>
/// A peer placement as comparison rows keep it. Rows written before the figure was named shareOfPeersBeaten call it
/// percentile: the same formula, so they read as they are.
/// </summary>
internal sealed record StoredPeerPlacement(
    int Count, int Workspaces, decimal P10, decimal P25, decimal P50, decimal P75, decimal P90,
    decimal? ShareOfPeersBeaten,
    decimal? Percentile = null)
{
    public static StoredPeerPlacement From(PeerPlacement placement) => new(
        placement.Count, placement.Workspaces, placement.P10, placement.P25, placement.P50, placement.P75, placement.P90,
        placement.ShareOfPeersBeaten);

    public PeerPlacement ToPlacement() => new(Count, Workspaces, P10, P25, P50, P75, P90,
        ShareOfPeersBeaten ?? Percentile ?? throw new InvalidDataException("A stored peer placement has no shareOfPeersBeaten."));
}

/// <summary>Reads and writes <see cref="PeerPlacement"/> through <see cref="StoredPeerPlacement"/>.</summary>
internal sealed class StoredPeerPlacementConverter : JsonConverter<PeerPlacement>
{
    public override PeerPlacement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, StorageJsonContext.Default.StoredPeerPlacement)?.ToPlacement();

    public override void Write(Utf8JsonWriter writer, PeerPlacement value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, StoredPeerPlacement.From(value), StorageJsonContext.Default.StoredPeerPlacement);
}
