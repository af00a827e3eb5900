using System.Collections;
using FineTune.Core;

namespace FineTune.Functions.Recompute;

/// <summary>
/// The peer statistics of a scan: each segment and metric that meets the publication rule, with its values sorted so
/// that a scenario's share of peers beaten is a binary search.
/// </summary>
internal sealed class PeerIndex
{
    private readonly Dictionary<(Segment, Metric), (PeerStatistic Statistic, decimal[] Sorted)> groups;

    private PeerIndex(Dictionary<(Segment, Metric), (PeerStatistic, decimal[])> groups)
    {
        this.groups = groups;
        Published = [.. groups.Values.Select(group => group.Item1)
            .OrderBy(statistic => statistic.Segment).ThenBy(statistic => statistic.Metric)];
    }

    /// <summary>The statistics that meet the publication rule.</summary>
    public IReadOnlyList<PeerStatistic> Published { get; }

    /// <summary>
    /// Groups every scenario's values by its segment and metric, and every workspace's ai-feature-profitability under
    /// all-sectors, and keeps the groups <see cref="Tiers.Peers"/> publishes.
    /// </summary>
    public static PeerIndex Build(ScanResult scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var published = new Dictionary<(Segment, Metric), (PeerStatistic, decimal[])>();
        foreach (((Segment segment, Metric metric), PeerValues values) in Group(scan))
        {
            if (Tiers.Peers(segment, metric, values) is { } statistic)
            {
                Array.Sort(values.Values);
                published[(segment, metric)] = (statistic, values.Values);
            }
        }
        return new PeerIndex(published);
    }

    /// <summary>The published figures of the group and where <paramref name="value"/> (one of its values) falls; null when unpublished.</summary>
    public PeerPlacement? Place(Segment segment, Metric metric, decimal value) =>
        groups.TryGetValue((segment, metric), out var group) ? Comparisons.AmongPeers(group.Statistic, group.Sorted, value) : null;

    private static Dictionary<(Segment, Metric), PeerValues> Group(ScanResult scan)
    {
        // Counted first, so every group is one exact array of values and one of workspace indexes.
        var counts = new Dictionary<(Segment, Metric), int>();
        Span<MetricValue> values = stackalloc MetricValue[3];
        foreach (ref readonly ScenarioFigures figures in scan.Scenarios)
        {
            for (int i = figures.CopyValues(values) - 1; i >= 0; i--)
            {
                counts[(figures.Segment, values[i].Metric)] = counts.GetValueOrDefault((figures.Segment, values[i].Metric)) + 1;
            }
        }
        var groups = counts.ToDictionary(pair => pair.Key, pair => new PeerValues(pair.Value, scan));
        foreach (ref readonly ScenarioFigures figures in scan.Scenarios)
        {
            for (int i = figures.CopyValues(values) - 1; i >= 0; i--)
            {
                groups[(figures.Segment, values[i].Metric)].Add(values[i].Value, figures.Workspace);
            }
        }
        var profitability = new PeerValues(scan.WorkspaceCount, scan);
        for (int workspace = 0; workspace < scan.WorkspaceCount; workspace++)
        {
            if (scan.Profitability(workspace) is decimal share)
            {
                profitability.Add(share, workspace);
            }
        }
        groups[(Segment.AllSectors, Metric.AiFeatureProfitability)] = profitability.Trimmed();
        return groups;
    }

    /// <summary>One group's values and their workspaces, seen by <see cref="Tiers.Peers"/> as <see cref="PeerValue"/>s without copying.</summary>
    private sealed class PeerValues(int capacity, ScanResult scan) : IReadOnlyCollection<PeerValue>
    {
        private int[] workspaces = new int[capacity];

        public decimal[] Values { get; private set; } = new decimal[capacity];

        public int Count { get; private set; }

        public void Add(decimal value, int workspace)
        {
            Values[Count] = value;
            workspaces[Count++] = workspace;
        }

        public PeerValues Trimmed()
        {
            Values = Values[..Count];
            workspaces = workspaces[..Count];
            return this;
        }

        public IEnumerator<PeerValue> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return new PeerValue(Values[i], scan.WorkspaceName(workspaces[i]));
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
