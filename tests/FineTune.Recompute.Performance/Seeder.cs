using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FineTune.Core;
using FineTune.Storage;
using FineTune.Testing;

namespace FineTune.Recompute.Performance;

/// <summary>Fills the scenarios table with varied scenarios, written in transactions of 100 per workspace.</summary>
internal static class Seeder
{
    private const int Variants = 240;
    private const int ConcurrentBatches = 8;
    private static readonly string[] Segments = ["ai-first-saas", "enterprise-ai", "consumer-ai", "all-sectors"];

    /// <summary>Stores <paramref name="count"/> scenarios spread evenly over <paramref name="workspaces"/> workspaces.</summary>
    public static async Task SeedAsync(TableServiceClient service, int count, int workspaces, CancellationToken cancellationToken = default)
    {
        TableClient table = service.GetTableClient(ScenarioStore.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        string[] variants = [.. Enumerable.Range(0, Variants).Select(Variant)];
        var batches = new List<List<TableTransactionAction>>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int w = 0; w < workspaces; w++)
        {
            int inWorkspace = count / workspaces + (w < count % workspaces ? 1 : 0);
            for (int i = 0; i < inWorkspace; i++)
            {
                if (i % ComparisonStore.MaxBatchSize == 0)
                {
                    batches.Add([]);
                }
                string json = variants[(w * 7 + i) % Variants];
                var entity = new TableEntity($"ws-{w:D3}", Guid.CreateVersion7().ToString("N"))
                {
                    ["Name"] = "Benchmark scenario", ["Segment"] = Segments[(w * 7 + i) % Variants % Segments.Length],
                    ["ScenarioJson"] = json, ["CreatedAt"] = now, ["UpdatedAt"] = now,
                };
                batches[^1].Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
            }
        }
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBatches, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(batch, token));
    }

    /// <summary>The support-triage sample varied in segment, volume, growth, revenue (a fifth without) and routing.</summary>
    private static string Variant(int i)
    {
        JsonObject scenario = JsonNode.Parse(Samples.SupportTriage())!.AsObject();
        scenario["segment"] = Segments[i % Segments.Length];
        scenario["workload"]!["requestsPerMonth"] = 10_000 * (1 + i % 97) * (1 + i % 11);
        scenario["workload"]!["monthlyGrowthRate"] = i % 6 / 100m;
        if (i % 5 == 0)
        {
            scenario.Remove("revenue");
        }
        else
        {
            scenario["revenue"]!["perUserPerMonth"] = 2 + i % 60;
        }
        scenario["approaches"]![2]!["routing"]!["share"] = i % 10 / 10m;
        ScenarioParseResult parsed = ScenarioJson.Parse(System.Text.Encoding.UTF8.GetBytes(scenario.ToJsonString()));
        return ScenarioJson.Serialize(parsed.Scenario ?? throw new InvalidOperationException("A variant is not valid."));
    }
}
