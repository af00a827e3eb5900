using System.Text.Json;
using FineTune.Core;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>The successful responses of the API.</summary>
public static class ApiResults
{
    /// <summary>200 with the analysis, every decimal rounded once to 8 places.</summary>
    public static IActionResult Analysis(Analysis analysis) =>
        new JsonBodyResult(StatusCodes.Status200OK, AnalysisJson.SerializeToUtf8Bytes(analysis));

    /// <summary>A stored scenario with its <c>ETag</c> header, and a <c>Location</c> header when one is given.</summary>
    public static IActionResult Scenario(StoredScenario stored, int statusCode = StatusCodes.Status200OK, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(ScenarioResource.From(stored), ApiJsonContext.Default.ScenarioResource);
        JsonBodyResult result = new JsonBodyResult(statusCode, body).WithHeader(HeaderNames.ETag, stored.ETag);
        return location is null ? result : result.WithHeader(HeaderNames.Location, location);
    }

    /// <summary>200 with one page of scenarios.</summary>
    public static IActionResult Page(ScenarioPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var resource = new ScenarioPageResource(page.Items.Select(ScenarioResource.From).ToList(), page.ContinuationToken);
        return new JsonBodyResult(
            StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(resource, ApiJsonContext.Default.ScenarioPageResource));
    }

    /// <summary>200 <c>{"status":"healthy"}</c>.</summary>
    public static IActionResult Healthy() =>
        new JsonBodyResult(
            StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(new HealthReport("healthy"), ApiJsonContext.Default.HealthReport));

    /// <summary>204 without a body.</summary>
    public static IActionResult NoContent() => new StatusOnlyResult(StatusCodes.Status204NoContent);
}
