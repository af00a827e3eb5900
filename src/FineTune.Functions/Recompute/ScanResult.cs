using System.Runtime.InteropServices;
using FineTune.Core;

namespace FineTune.Functions.Recompute;

/// <summary>What the scan of every scenario accumulates: compact figures per scenario and revenue counts per workspace.</summary>
internal sealed class ScanResult
{
    private readonly List<ScenarioFigures> scenarios = [];
    private readonly List<string> workspaces = [];
    private readonly Dictionary<string, int> workspaceIndex = new(StringComparer.Ordinal);
    private readonly List<int> withRevenue = [];
    private readonly List<int> profitable = [];

    /// <summary>Valid scenarios scanned.</summary>
    public int Count => scenarios.Count;

    /// <summary>Rows skipped because they no longer hold a valid scenario.</summary>
    public int Invalid { get; private set; }

    /// <summary>Workspaces with at least one valid scenario.</summary>
    public int WorkspaceCount => workspaces.Count;

    /// <summary>The figures, in scan order until <see cref="SortForWriting"/>.</summary>
    public ReadOnlySpan<ScenarioFigures> Scenarios => CollectionsMarshal.AsSpan(scenarios);

    public string WorkspaceName(int workspace) => workspaces[workspace];

    /// <summary>Adds a scanned scenario; <paramref name="metrics"/> is null for a row that is not a valid scenario.</summary>
    public void Add(string workspace, string id, DateTimeOffset updatedAt, ScenarioMetrics? metrics)
    {
        if (metrics is null)
        {
            Invalid++;
            return;
        }
        if (!workspaceIndex.TryGetValue(workspace, out int index))
        {
            index = workspaces.Count;
            workspaceIndex.Add(workspace, index);
            workspaces.Add(workspace);
            withRevenue.Add(0);
            profitable.Add(0);
        }
        scenarios.Add(ScenarioFigures.Of(id, index, updatedAt, metrics));
        if (metrics.HasRevenue)
        {
            withRevenue[index]++;
            profitable[index] += metrics.Profitable ? 1 : 0;
        }
    }

    /// <summary>
    /// ai-feature-profitability of a workspace: the share of its scenarios with revenue whose recommended approach has a
    /// positive gross margin; null without such a scenario.
    /// </summary>
    public decimal? Profitability(int workspace) => Tiers.WorkspaceProfitability(withRevenue[workspace], profitable[workspace]);

    /// <summary>Orders the figures by workspace name, then id (both ordinal): the order checkpoints are compared in.</summary>
    public void SortForWriting()
    {
        int[] rank = new int[workspaces.Count];
        int[] byName = [.. Enumerable.Range(0, workspaces.Count).OrderBy(i => workspaces[i], StringComparer.Ordinal)];
        for (int r = 0; r < byName.Length; r++)
        {
            rank[byName[r]] = r;
        }
        CollectionsMarshal.AsSpan(scenarios).Sort((a, b) =>
            a.Workspace == b.Workspace ? a.Id.CompareTo(b.Id) : rank[a.Workspace].CompareTo(rank[b.Workspace]));
    }
}
