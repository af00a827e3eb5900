using System.ComponentModel.DataAnnotations;

namespace FineTune.Core;

/// <summary>
/// One day's actual usage of one approach (economics.md section 9). Token counts are the day's totals, not per request.
/// A record replaces the one of the same scenario, approach and date.
/// </summary>
/// <param name="Date">The UTC day the usage belongs to.</param>
/// <param name="ApproachId">The approach that served the requests; null, the scenario's monitored approach (resolved when stored).</param>
/// <param name="Requests">Requests served that day.</param>
/// <param name="InputTokens">Input tokens of the day, cached ones included; absent, 0.</param>
/// <param name="CachedInputTokens">Input tokens billed at the cached price; absent, 0.</param>
/// <param name="OutputTokens">Output tokens of the day; absent, 0.</param>
/// <param name="Spend">Dollars actually spent that day, everything included; when given it is the day's actual as it stands.</param>
/// <param name="Errors">Wrong outputs among the requests; absent, the day says nothing about accuracy.</param>
public sealed record UsageRecord(
    DateOnly Date,
    [property: RegularExpression(Patterns.ApproachId)] string? ApproachId,
    [property: Bounds(Bound.DailyRequests)] long Requests,
    [property: Bounds(Bound.DailyTokens)] long? InputTokens,
    [property: Bounds(Bound.DailyTokens)] long? CachedInputTokens,
    [property: Bounds(Bound.DailyTokens)] long? OutputTokens,
    [property: Bounds(Bound.Money)] decimal? Spend,
    [property: Bounds(Bound.DailyRequests)] long? Errors);

/// <summary>The body of a usage post: 1 to 366 daily records of a stored scenario.</summary>
public sealed record UsageBatch([property: Length(1, UsageLimits.MaxRecordsPerBatch)] IReadOnlyList<UsageRecord> Records);

/// <summary>The accepted range of a usage record.</summary>
public static class UsageLimits
{
    /// <summary>Daily records in one request.</summary>
    public const int MaxRecordsPerBatch = 366;

    /// <summary>Requests of one approach in one day.</summary>
    public const long MaxRequestsPerDay = 1_000_000_000_000;

    /// <summary>Tokens of one approach in one day; priced at 10,000 dollars per million this stays far inside <see cref="decimal"/>.</summary>
    public const long MaxTokensPerDay = 1_000_000_000_000_000;

    /// <summary>Dollars of one approach in one day.</summary>
    public const decimal MaxSpendPerDay = ScenarioLimits.MaxMoney;
}

/// <summary>The usage of one day, every record of the day summed.</summary>
/// <param name="Requests">Requests of every record.</param>
/// <param name="Actual">actual(d) in dollars: the sum of the records that can be priced; null when none can.</param>
/// <param name="Errors">Errors of the records that report errors; null when none does.</param>
/// <param name="RequestsWithErrors">Requests of the records that report errors, the denominator of the error rate.</param>
/// <param name="UnpricedRecords">Records that cannot be priced (no spend, and no token count or an approach the scenario no longer has): left out of <paramref name="Actual"/>.</param>
public sealed record DayUsage(DateOnly Date, long Requests, decimal? Actual, long? Errors, long RequestsWithErrors, int UnpricedRecords);

/// <summary>Combining a day's stored records with newly arrived ones.</summary>
public static class UsageRecords
{
    /// <summary>
    /// The records of one day after <paramref name="incoming"/> arrived: each replaces the stored one of the same approach,
    /// the others stay. Ordered by approach id (ordinal), so equal days have equal lists.
    /// </summary>
    /// <param name="stored">The day's records as stored; approach ids resolved.</param>
    /// <param name="incoming">New records of the same day, at most one per approach; approach ids resolved.</param>
    public static DayMerge Merge(IReadOnlyList<UsageRecord> stored, IReadOnlyList<UsageRecord> incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        var byApproach = new SortedDictionary<string, UsageRecord>(StringComparer.Ordinal);
        foreach (UsageRecord record in stored)
        {
            byApproach[ApproachOf(record)] = record;
        }

        int added = 0, replaced = 0, unchanged = 0;
        foreach (UsageRecord record in incoming)
        {
            string approach = ApproachOf(record);
            if (byApproach.TryGetValue(approach, out UsageRecord? previous))
            {
                if (previous == record)
                {
                    unchanged++;
                    continue;
                }

                replaced++;
            }
            else
            {
                added++;
            }

            byApproach[approach] = record;
        }

        return new DayMerge([.. byApproach.Values], added, replaced, unchanged);
    }

    private static string ApproachOf(UsageRecord record) =>
        record.ApproachId ?? throw new ArgumentException("Stored and merged records name their approach.", nameof(record));
}

/// <summary>A day's records after a merge.</summary>
/// <param name="Added">Incoming records of an approach the day had no record of.</param>
/// <param name="Replaced">Incoming records that replaced a different stored one.</param>
/// <param name="Unchanged">Incoming records equal to the stored one: nothing to write for them.</param>
public sealed record DayMerge(IReadOnlyList<UsageRecord> Records, int Added, int Replaced, int Unchanged)
{
    /// <summary>True when the day must be written: a record was added or replaced.</summary>
    public bool Changed => Added + Replaced > 0;
}
