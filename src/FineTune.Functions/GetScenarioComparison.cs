using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios/{id}/comparison: a stored scenario's metrics in their bands and among their peers.</summary>
public sealed class GetScenarioComparison(
    ScenarioStore scenarios, ComparisonStore comparisons, BenchmarkBandStore bands, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>
    /// 200 with the comparison of the last recompute, <c>stale</c> when the scenario, the bands or the prices changed
    /// since; before any recompute covered the scenario, tiers computed on the spot with the current bands and prices
    /// and no peers. 404 when the workspace has no such scenario; 422 naming the rules a stored row written when they were
    /// looser (or by hand) breaks, or the models the price catalog can no longer price.
    /// </summary>
    [Function(nameof(GetScenarioComparison))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/comparison")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        RequestValue<PricedStoredScenario> own = await request.ReadOwnPricedScenarioAsync(scenarios, reference, timeProvider, id, cancellationToken);
        if (own.IsRefused)
        {
            return own.Refusal;
        }
        ReferenceSnapshot snapshot = own.Value.Snapshot;
        Task<BenchmarkBandSet> current = bands.GetAsync(cancellationToken);
        StoredComparison? comparison = await comparisons.GetAsync(own.Value.Stored.Workspace, id, cancellationToken);
        BenchmarkBandSet bandSet = await current;
        return BenchmarkResults.Comparison(comparison is null
            ? ComparisonResource.OnTheSpot(own.Value.Stored.Id, own.Value.Priced, bandSet, snapshot.PriceVersion)
            : ComparisonResource.From(comparison, own.Value.Stored, bandSet.Version, snapshot.PriceVersion));
    }
}
