using FineTune.Charts;
using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// GET /api/scenarios/{id}/charts/{kind}.svg: a chart of a stored scenario, as an SVG image, priced as its analysis is.
/// </summary>
public sealed class RenderScenarioChart(ScenarioStore store, ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>Every kind: the analysis' charts and the monitor.</summary>
    public static IReadOnlyList<ChartKind> Kinds { get; } = Enum.GetValues<ChartKind>();

    /// <summary>
    /// 200 <c>image/svg+xml</c>; 404 when the workspace has no such scenario or there is no such kind; 422 for a stored row
    /// today's rules refuse, or that names a model the price catalog can no longer price.
    /// </summary>
    [Function(nameof(RenderScenarioChart))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/charts/{kind}.svg")] HttpRequest request,
        string id,
        string kind,
        CancellationToken cancellationToken)
    {
        RequestValue<ValidStoredScenario> stored = await request.ReadOwnValidScenarioAsync(store, id, cancellationToken);
        if (stored.IsRefused)
        {
            return stored.Refusal;
        }
        RequestValue<ChartKind> chart = ChartResults.ReadKind(kind, Kinds);
        if (chart.IsRefused)
        {
            return chart.Refusal;
        }
        if (chart.Value == ChartKind.Monitor)
        {
            return ChartResults.NotYet("The monitor chart draws the scenario's recorded usage against its plan, which this version does not record yet.");
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        PriceResolution priced = snapshot.Price(stored.Value.Scenario, timeProvider);
        return priced.IsValid
            ? ChartResults.Drawing(AnalysisCharts.Draw(chart.Value, snapshot.Analyze(priced.Priced)))
            : Problems.StoredScenarioUnpriced(priced.Errors);
    }
}
