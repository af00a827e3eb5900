namespace FineTune.Core;

/// <summary>The tier rules, peer statistics and publication rule of economics.md section 6.</summary>
public static class Tiers
{
    /// <summary>Scenarios needed before a segment's peer figures are published.</summary>
    public const int MinPeerScenarios = 5;

    /// <summary>Distinct workspaces needed among them, so that no one workspace's figures can be read back.</summary>
    public const int MinPeerWorkspaces = 3;

    /// <summary>Workspaces needed before ai-feature-profitability peers (one value per workspace) are published.</summary>
    public const int MinProfitabilityWorkspaces = 5;

    /// <summary>Characters of a band's source.</summary>
    public const int MaxSourceLength = 200;

    /// <summary>
    /// Places <paramref name="value"/> in <paramref name="band"/>. Lower-is-better: below elite is elite, up to the
    /// median range above-median, inside it (bounds included) median, up to low below-median, above low low; mirrored
    /// for higher-is-better.
    /// </summary>
    public static Tier Classify(BenchmarkBand band, decimal value)
    {
        ArgumentNullException.ThrowIfNull(band);
        return band.Direction == Direction.LowerIsBetter
            ? value < band.Elite ? Tier.Elite
                : value < band.MedianLow ? Tier.AboveMedian
                : value <= band.MedianHigh ? Tier.Median
                : value <= band.Low ? Tier.BelowMedian
                : Tier.Low
            : value > band.Elite ? Tier.Elite
                : value > band.MedianHigh ? Tier.AboveMedian
                : value >= band.MedianLow ? Tier.Median
                : value >= band.Low ? Tier.BelowMedian
                : Tier.Low;
    }

    /// <summary>The band for a scenario: its own segment's, else the metric's band from any segment; null when none.</summary>
    public static BenchmarkBand? BandFor(IReadOnlyList<BenchmarkBand> bands, Segment segment, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(bands);
        BenchmarkBand? any = null;
        foreach (BenchmarkBand band in bands)
        {
            if (band.Metric != metric)
            {
                continue;
            }

            if (band.Segment == segment)
            {
                return band;
            }

            any ??= band;
        }

        return any;
    }

    /// <summary>
    /// Problems of a band keyed by field: thresholds must run elite &lt;= medianLow &lt;= medianHigh &lt;= low for
    /// lower-is-better, and low &lt;= medianLow &lt;= medianHigh &lt;= elite for higher-is-better. Empty when valid.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(BenchmarkBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(band.Source) || band.Source.Length > MaxSourceLength)
        {
            errors["source"] = [$"must be 1 to {MaxSourceLength} characters."];
        }

        if (band.MedianLow > band.MedianHigh)
        {
            errors["medianLow"] = ["must not exceed medianHigh."];
        }

        if (band.Direction == Direction.LowerIsBetter)
        {
            if (band.Elite > band.MedianLow)
            {
                errors["elite"] = ["must not exceed medianLow for a lower-is-better metric."];
            }

            if (band.MedianHigh > band.Low)
            {
                errors["low"] = ["must be at least medianHigh for a lower-is-better metric."];
            }
        }
        else
        {
            if (band.Elite < band.MedianHigh)
            {
                errors["elite"] = ["must be at least medianHigh for a higher-is-better metric."];
            }

            if (band.Low > band.MedianLow)
            {
                errors["low"] = ["must not exceed medianLow for a higher-is-better metric."];
            }
        }

        return errors;
    }

    /// <summary>
    /// Quantile <paramref name="q"/> of values sorted ascending, interpolated linearly at position q * (n - 1)
    /// (the spreadsheet and numpy default).
    /// </summary>
    public static decimal Quantile(ReadOnlySpan<decimal> sorted, decimal q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(sorted), "A quantile needs at least one value.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1m);
        decimal position = q * (sorted.Length - 1);
        int lower = (int)decimal.Floor(position);
        decimal fraction = position - lower;
        return lower + 1 < sorted.Length
            ? sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction
            : sorted[lower];
    }

    /// <summary>
    /// The share of the other values in <paramref name="sorted"/> (ascending, the value itself included) that
    /// <paramref name="value"/> beats, ties counting half: (worse + 0.5 * ties) / (n - 1), from 0 to 1 whichever way
    /// <paramref name="direction"/> points; 0.5 when n = 1. Economics.md section 6 calls it the scenario's percentile.
    /// </summary>
    public static decimal ShareOfPeersBeaten(ReadOnlySpan<decimal> sorted, decimal value, Direction direction)
    {
        int n = sorted.Length;
        if (n == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sorted), "A share of peers beaten needs the value among the values.");
        }

        if (n == 1)
        {
            return 0.5m;
        }

        int below = LowerBound(sorted, value);
        int notAbove = UpperBound(sorted, value);
        int equalOthers = notAbove - below - 1;
        if (equalOthers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value must be one of the sorted values.");
        }

        int worse = direction == Direction.LowerIsBetter ? n - notAbove : below;
        return (worse + 0.5m * equalOthers) / (n - 1);
    }

    /// <summary>
    /// Peer statistics of one segment and metric, or null when the publication rule withholds them: at least 5 values
    /// from at least 3 workspaces; for ai-feature-profitability (one value per workspace) at least 5 workspaces.
    /// </summary>
    public static PeerStatistic? Peers(Segment segment, Metric metric, IReadOnlyCollection<PeerValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int workspaces = values.Select(v => v.Workspace).Distinct(StringComparer.Ordinal).Count();
        bool publishable = metric == Metric.AiFeatureProfitability
            ? workspaces >= MinProfitabilityWorkspaces && values.Count >= MinProfitabilityWorkspaces
            : values.Count >= MinPeerScenarios && workspaces >= MinPeerWorkspaces;
        if (!publishable)
        {
            return null;
        }

        decimal[] sorted = values.Select(v => v.Value).ToArray();
        Array.Sort(sorted);
        return new(segment, metric, sorted.Length, workspaces,
            Quantile(sorted, 0.10m), Quantile(sorted, 0.25m), Quantile(sorted, 0.50m), Quantile(sorted, 0.75m), Quantile(sorted, 0.90m));
    }

    /// <summary>
    /// ai-feature-profitability of one workspace: the share of its scenarios with revenue whose recommended approach has a
    /// gross margin above 0. <paramref name="grossMargins"/> holds, per scenario with revenue, that gross margin (null
    /// when no approach was recommended, which counts as not profitable). Null when the workspace has no such scenario.
    /// </summary>
    public static decimal? WorkspaceProfitability(IReadOnlyCollection<decimal?> grossMargins)
    {
        ArgumentNullException.ThrowIfNull(grossMargins);
        return WorkspaceProfitability(grossMargins.Count, grossMargins.Count(margin => margin > 0m));
    }

    /// <summary>
    /// ai-feature-profitability from counts: <paramref name="profitable"/> of the workspace's
    /// <paramref name="withRevenue"/> scenarios with revenue have a positive gross margin. Null when there are none.
    /// </summary>
    public static decimal? WorkspaceProfitability(int withRevenue, int profitable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withRevenue);
        ArgumentOutOfRangeException.ThrowIfNegative(profitable);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profitable, withRevenue);
        return withRevenue == 0 ? null : (decimal)profitable / withRevenue;
    }

    /// <summary>
    /// Which way is better for a metric, by its nature: a cost or a cost share is better lower, a coverage or a
    /// profitability share higher. A band may not turn it round.
    /// </summary>
    public static Direction DirectionOf(Metric metric) => metric switch
    {
        Metric.AiCogsToRevenue or Metric.InferenceCostPerRequest => Direction.LowerIsBetter,
        Metric.ModelRoutingCoverage or Metric.AiFeatureProfitability => Direction.HigherIsBetter,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a benchmarked metric."),
    };

    private static int LowerBound(ReadOnlySpan<decimal> sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<decimal> sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }
}
