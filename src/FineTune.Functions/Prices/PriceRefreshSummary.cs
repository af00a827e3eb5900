using System.Text.Json.Serialization;

namespace FineTune.Functions.Prices;

/// <summary>How a price refresh ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PriceRefreshStatus>))]
public enum PriceRefreshStatus
{
    /// <summary>Every page was read and the changes written.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The API failed; the catalog is untouched.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>A run of this schedule slot completed before: nothing done.</summary>
    [JsonStringEnumMemberName("already-completed")] AlreadyCompleted,
    /// <summary>Another run holds this schedule slot: nothing done.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
}

/// <summary>What one price refresh did (the body of <c>POST /api/models/refresh</c>).</summary>
/// <param name="RunId">The schedule slot of a timer run, or the start and a suffix of a manual one.</param>
/// <param name="PagesRead">Pages of the Retail Prices API read whole.</param>
/// <param name="ItemsRead">Prices on them.</param>
/// <param name="Skipped">Prices left out by rule: reservations, dev/test, tiers beyond the first, other currencies.</param>
/// <param name="Mapped">Prices mapped to a catalog rate.</param>
/// <param name="Unmapped">Prices whose meter, unit or size the table does not read; <paramref name="UnmappedMeters"/> names some.</param>
/// <param name="Changed">Catalog entries given a new version.</param>
/// <param name="Unchanged">Catalog entries whose rates the API confirmed.</param>
/// <param name="PriceVersion">The catalog's version after the run; null when it read nothing.</param>
/// <param name="UnmappedMeters">Distinct unmapped meters with the reason, by name, at most 50.</param>
/// <param name="Error">Why the run failed; null otherwise.</param>
public sealed record PriceRefreshSummary(
    string RunId,
    PriceRefreshStatus Status,
    int PagesRead,
    int ItemsRead,
    int Skipped,
    int Mapped,
    int Unmapped,
    int Changed,
    int Unchanged,
    long? PriceVersion,
    IReadOnlyList<string> UnmappedMeters,
    long DurationMilliseconds,
    string? Error);
