using FineTune.Charts;
using FineTune.Core;
using FineTune.Functions.Http;
using FineTune.Functions.Reference;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// POST /api/analyses/charts/{kind}.svg: a chart of the scenario in the body, as an SVG image, a model it names priced
/// from the instance's reference data as <c>POST /api/analyses</c> prices it. Storage is read only to notice new reference data.
/// </summary>
public sealed class RenderChart(ReferenceData reference, TimeProvider timeProvider)
{
    /// <summary>The kinds drawn from a scenario alone: all but the monitor, which needs a stored scenario's usage.</summary>
    public static IReadOnlyList<ChartKind> Kinds { get; } = [ChartKind.Payback, ChartKind.Costs, ChartKind.Sensitivity, ChartKind.Scale];

    /// <summary>
    /// 200 <c>image/svg+xml</c>; 404 for another kind; 400, 413 or 415 for a body that is not a valid scenario; 400 for a
    /// model the price catalog cannot price.
    /// </summary>
    [Function(nameof(RenderChart))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "analyses/charts/{kind}.svg")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        RequestValue<ChartKind> chart = ChartResults.ReadKind(kind, Kinds);
        if (workspace.IsRefused || chart.IsRefused)
        {
            return workspace.Refusal ?? chart.Refusal!;
        }
        RequestValue<Scenario> scenario = await request.ReadScenarioAsync(cancellationToken);
        if (scenario.IsRefused)
        {
            return scenario.Refusal;
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken);
        PriceResolution priced = snapshot.Price(scenario.Value, timeProvider);
        return priced.IsValid
            ? ChartResults.Svg(AnalysisCharts.Draw(
                chart.Value, priced.Priced.Scenario, snapshot.Analyze(priced.Priced, AnalysisCharts.SectionsOf(chart.Value))))
            : Problems.ScenarioUnpriced(priced.Errors);
    }
}
