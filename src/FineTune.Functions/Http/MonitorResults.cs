using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FineTune.Core;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FineTune.Functions.Http;

/// <summary>The successful responses of usage, monitoring, alerts and the portfolio, every decimal rounded once to 8 places.</summary>
public static class MonitorResults
{
    /// <summary>200 <c>{accepted, replaced, unchanged, alerts}</c>.</summary>
    public static IActionResult Receipt(UsageReceipt receipt) => Ok(UsageReceiptResource.From(receipt), MonitorJsonContext.Default.UsageReceiptResource);

    /// <summary>200 with the monitor view.</summary>
    public static IActionResult Monitor(MonitorResource monitor) => Ok(monitor, MonitorJsonContext.Default.MonitorResource);

    /// <summary>200 with one alert.</summary>
    public static IActionResult Alert(StoredAlert alert) => Ok(AlertResource.From(alert), MonitorJsonContext.Default.AlertResource);

    /// <summary>200 with one page of alerts.</summary>
    public static IActionResult Alerts(AlertPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Ok(new AlertPageResource([.. page.Items.Select(AlertResource.From)], page.ContinuationToken), MonitorJsonContext.Default.AlertPageResource);
    }

    /// <summary>200 with the workspace's portfolio.</summary>
    public static IActionResult Portfolio(DateOnly asOf, Portfolio portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return Ok(new PortfolioResource(asOf, portfolio.Items, portfolio.Totals), MonitorJsonContext.Default.PortfolioResource);
    }

    private static JsonBodyResult Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
}
