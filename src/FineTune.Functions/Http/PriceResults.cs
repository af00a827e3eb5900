using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FineTune.Core;
using FineTune.Functions.Prices;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FineTune.Functions.Http;

/// <summary>The responses of the catalog functions, every decimal rounded once to 8 places.</summary>
public static class PriceResults
{
    /// <summary>200 <c>{items, continuationToken}</c>.</summary>
    public static IActionResult Page(ModelPricePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Ok(new ModelPricePageResource(page.Items.Select(ModelPriceResource.From).ToList(), page.ContinuationToken),
            PriceJsonContext.Default.ModelPricePageResource);
    }

    /// <summary>200 <c>{current, history}</c> of an entry's versions (oldest first), current as of <paramref name="today"/>.</summary>
    public static IActionResult Model(IReadOnlyList<ModelPrice> history, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        ModelPrice? current = history.LastOrDefault(version => version.InEffectOn(today));
        return Ok(new ModelResource(current is null ? null : ModelPriceResource.From(current),
            history.Reverse().Select(ModelPriceResource.From).ToList()), PriceJsonContext.Default.ModelResource);
    }

    /// <summary>200 with one version.</summary>
    public static IActionResult Version(ModelPrice version) =>
        Ok(ModelPriceResource.From(version), PriceJsonContext.Default.ModelPriceResource);

    /// <summary>200 with what a refresh did; 502 when the price API failed.</summary>
    public static IActionResult Refresh(PriceRefreshSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Status == PriceRefreshStatus.Failed
            ? Problems.ForStatus(StatusCodes.Status502BadGateway,
                $"The Azure Retail Prices API failed after {summary.PagesRead} pages; the catalog is unchanged. {summary.Error}")
            : Ok(summary, PriceJsonContext.Default.PriceRefreshSummary);
    }

    /// <summary>404 for an id the catalog does not hold, with up to 5 similar ids.</summary>
    public static IActionResult NotFound(ModelId id, IReadOnlyList<ModelId> similar)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(similar);
        return Problems.NotFound(similar.Count == 0
            ? $"{id} is not in the price catalog."
            : $"{id} is not in the price catalog. Similar ids: {string.Join(", ", similar)}.");
    }

    private static JsonBodyResult Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
}
