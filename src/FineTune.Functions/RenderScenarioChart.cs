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
/// GET /api/scenarios/{id}/charts/{kind}.svg?from=&amp;to=: a chart of a stored scenario, as an SVG image, priced as its
/// analysis is.
/// </summary>
public sealed class RenderScenarioChart(
    ScenarioStore store, ReferenceData reference, UsageStore usage, AlertStore alerts, TimeProvider timeProvider)
{
    /// <summary>Every kind: the analysis' charts and the monitor.</summary>
    public static IReadOnlyList<ChartKind> Kinds { get; } = Enum.GetValues<ChartKind>();

    /// <summary>
    /// 200 <c>image/svg+xml</c> (the monitor of a scenario without usage draws its plan and says no usage is recorded); 400
    /// for a monitor window the monitor itself refuses; 404 when the workspace has no such scenario or there is no such
    /// kind; 422 for a stored row today's rules refuse, or that names a model the price catalog can no longer price.
    /// </summary>
    [Function(nameof(RenderScenarioChart))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios/{id}/charts/{kind}.svg")] HttpRequest request,
        string id,
        string kind,
        CancellationToken cancellationToken)
    {
        RequestValue<PricedStoredScenario> stored = await request.ReadOwnPricedScenarioAsync(store, reference, timeProvider, id, cancellationToken);
        RequestValue<ChartKind> chart = ChartResults.ReadKind(kind, Kinds);
        if (stored.IsRefused || chart.IsRefused)
        {
            return stored.Refusal ?? chart.Refusal!;
        }
        if (chart.Value != ChartKind.Monitor)
        {
            return ChartResults.Svg(AnalysisCharts.Draw(
                chart.Value, stored.Value.Scenario, stored.Value.Snapshot.Analyze(stored.Value.Priced, AnalysisCharts.SectionsOf(chart.Value))));
        }
        RequestValue<ScenarioMonitorView> monitor = await ScenarioMonitor.ReadAsync(request, stored.Value, usage, alerts, timeProvider, cancellationToken);
        return monitor.IsRefused
            ? monitor.Refusal
            : ChartResults.Svg(MonitorChart.Render(MonitorChartInput.From(monitor.Value.View, monitor.Value.Alerts.Select(a => a.Alert))));
    }
}
