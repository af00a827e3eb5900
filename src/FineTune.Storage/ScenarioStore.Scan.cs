using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>A stored scenario as a scan of every workspace reads it; the JSON is parsed only when asked for.</summary>
public sealed class ScannedScenario
{
    private readonly string json;

    internal ScannedScenario(string workspace, string id, DateTimeOffset createdAt, DateTimeOffset updatedAt, string json)
    {
        Workspace = workspace;
        Id = id;
        UpdatedAt = updatedAt;
        CreatedAt = createdAt;
        this.json = json;
    }

    /// <summary>The workspace (the row's partition).</summary>
    public string Workspace { get; }

    /// <summary>The scenario's id.</summary>
    public string Id { get; }

    /// <summary>When the scenario was last written.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>When the scenario was created: its monitoring starts that day unless it names a start date.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Parses the stored JSON; a row that is no longer a valid scenario gives its errors. Safe to call from any thread.</summary>
    public ScenarioParseResult Parse() => ScenarioJson.Parse(Encoding.UTF8.GetBytes(json));
}

/// <summary>One page of a scan over every workspace.</summary>
/// <param name="ContinuationToken">The service's token for the next page; <c>null</c> on the last.</param>
public sealed record ScannedPage(IReadOnlyList<ScannedScenario> Items, string? ContinuationToken);

public sealed partial class ScenarioStore
{
    private static readonly string[] ScanColumns =
        [
            nameof(ScenarioEntity.PartitionKey), nameof(ScenarioEntity.RowKey), nameof(ScenarioEntity.Timestamp),
            nameof(ScenarioEntity.CreatedAt), nameof(ScenarioEntity.UpdatedAt), nameof(ScenarioEntity.ScenarioJson),
        ];

    /// <summary>
    /// Every scenario of every workspace, a page at a time, ordered by workspace then id: a cross-partition query that
    /// follows the service's continuation tokens and holds one page at a time. For maintenance jobs, never for a caller.
    /// </summary>
    /// <param name="pageSize">Rows per page, 1..1000 (the service's own page limit).</param>
    public async IAsyncEnumerable<ScannedPage> ScanAllAsync(
        int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        TableClient table = await tableOnFirstUse.GetAsync(cancellationToken).ConfigureAwait(false);
        await foreach (Page<TableEntity> page in table
            .QueryAsync<TableEntity>(filter: (string?)null, pageSize, ScanColumns, cancellationToken)
            .AsPages(pageSizeHint: pageSize)
            .ConfigureAwait(false))
        {
            var items = new ScannedScenario[page.Values.Count];
            for (int i = 0; i < items.Length; i++)
            {
                ScenarioEntity entity = ScenarioEntity.Read(page.Values[i]);
                items[i] = new ScannedScenario(entity.PartitionKey, entity.RowKey, entity.CreatedAt, entity.UpdatedAt, entity.ScenarioJson);
            }
            yield return new ScannedPage(items, page.ContinuationToken);
        }
    }
}
