using FineTune.Core;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>Benchmark bands, peer statistics, their recompute and a stored scenario's comparison with them.</summary>
internal static class BenchmarkOperations
{
    private const string Tag = "Benchmarks";

    /// <summary>Adds the benchmark paths.</summary>
    public static void AddTo(OpenApiPaths paths)
    {
        paths.Add("/scenarios/{id}/comparison", new OpenApiPathItem { Operations = { [OperationType.Get] = GetScenarioComparison() } });
        paths.Add("/benchmarks", new OpenApiPathItem { Operations = { [OperationType.Get] = ListBenchmarks() } });
        paths.Add("/benchmarks/{segment}/{metric}", new OpenApiPathItem { Operations = { [OperationType.Put] = UpsertBenchmarkBand() } });
        paths.Add("/benchmarks/peers", new OpenApiPathItem { Operations = { [OperationType.Get] = GetPeerStatistics() } });
        paths.Add("/benchmarks/recompute", new OpenApiPathItem { Operations = { [OperationType.Post] = RecomputeBenchmarks() } });
    }

    private static OpenApiOperation GetScenarioComparison() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetScenarioComparison),
        Summary = "Compare a scenario with benchmarks",
        Description = "Returns a stored scenario's metrics with their tiers and their place among peers, as of the last recompute; "
            + "before any recompute, tiers computed on the spot and no peers.",
        Parameters = [Workspace(), ScenarioId()],
        Responses = Responses(
            Json(200, "The comparison.", Ref("Comparison")),
            BadRequest("X-Workspace-Id is not valid."),
            NotFound(),
            StoredScenarioInvalid(),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation ListBenchmarks() => new OpenApiOperation
    {
        OperationId = nameof(Functions.ListBenchmarks),
        Summary = "List benchmark bands",
        Description = "Returns every benchmark band in force and the bands' version.",
        Responses = Responses(
            Json(200, "The bands and their version.", Ref("BenchmarkSet")),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation UpsertBenchmarkBand() => new OpenApiOperation
    {
        OperationId = nameof(Functions.UpsertBenchmarkBand),
        Summary = "Set a benchmark band",
        Description = "Creates or replaces the band of one segment and metric, and bumps the bands' version.",
        Parameters =
        [
            Parameter("segment", ParameterLocation.Path, "Segment", "The segment of the band.", Visibility.Important,
                OneOf<Segment>(), required: true),
            Parameter("metric", ParameterLocation.Path, "Metric", "The metric of the band.", Visibility.Important,
                OneOf<Metric>(), required: true),
        ],
        RequestBody = JsonBody("band", "BenchmarkBandInput", "Band", "The band's thresholds and source."),
        Responses = Responses(
            Json(200, "The band as stored.", Ref("BenchmarkBand")),
            BadRequest("The band is not valid, its direction is not the metric's own, or the segment or metric is unknown."),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
    }.Secured(Access.MasterKey, Visibility.Advanced, Tag);

    private static OpenApiOperation GetPeerStatistics() => new OpenApiOperation
    {
        OperationId = nameof(Functions.GetPeerStatistics),
        Summary = "Get peer statistics",
        Description = "Returns the published peer statistics of the last recompute: aggregates across workspaces, visible to all.",
        Responses = Responses(
            Json(200, "The peer statistics.", Ref("PeerStatistics")),
            StorageUnavailable()),
    }.Secured(Access.FunctionKey, Visibility.Advanced, Tag);

    private static OpenApiOperation RecomputeBenchmarks() => new OpenApiOperation
    {
        OperationId = nameof(Functions.RecomputeBenchmarks),
        Summary = "Recompute benchmarks",
        Description = "Runs the scheduled benchmark recompute now: peer statistics and every stored scenario's comparison. "
            + "A manual run always runs.",
        Responses = Responses(
            Json(200, "What the run did.", Ref("RecomputeSummary")),
            StorageUnavailable()),
    }.Secured(Access.MasterKey, Visibility.Advanced, Tag);
}
