using System.Globalization;
using System.Text.Json;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>Every refusal of the API, as <c>application/problem+json</c> (RFC 9457).</summary>
public static class Problems
{
    /// <summary>The media type of every error response.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Seconds a caller should wait before retrying after storage was unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>400 with every problem found, keyed by JSON path (or by header or query parameter name).</summary>
    public static IActionResult BadRequest(
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string detail = "The request has invalid values; see errors.") =>
        Create(StatusCodes.Status400BadRequest, detail, errors);

    /// <summary>400 for a single problem with <paramref name="key"/>.</summary>
    public static IActionResult BadRequest(string key, string message) =>
        BadRequest(new Dictionary<string, IReadOnlyList<string>> { [key] = [message] });

    /// <summary>404: the resource does not exist, or belongs to another workspace (the two are indistinguishable).</summary>
    public static IActionResult NotFound(string detail = "No such resource in this workspace.") =>
        Create(StatusCodes.Status404NotFound, detail);

    /// <summary>
    /// 404 for a scenario id the caller's <paramref name="workspace"/> does not hold. It names only what the caller sent,
    /// so a foreign id reads like an unknown one and reveals nothing of the workspace that holds it.
    /// </summary>
    public static IActionResult ScenarioNotFound(string workspace, string id) =>
        NotFound($"No scenario {id} in workspace '{workspace}'.");

    /// <summary>412: the <c>If-Match</c> ETag is no longer the current one.</summary>
    public static IActionResult PreconditionFailed() =>
        Create(StatusCodes.Status412PreconditionFailed, "The scenario changed since the ETag in If-Match; read it again and retry.");

    /// <summary>
    /// 422 for a stored scenario that today's rules refuse (a row written when they were looser, or by hand), with every
    /// rule it breaks keyed by JSON path: it reads back as stored, but cannot be analysed until it is replaced.
    /// </summary>
    public static IActionResult StoredScenarioInvalid(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity,
            "The stored scenario breaks today's rules (it was written when they were looser, or by hand); see errors. "
            + "Replace it with PUT to analyse it.",
            errors);

    /// <summary>
    /// 400 for a scenario that names a model the price catalog cannot price (an unknown id, or none in effect on its
    /// <c>pricesAsOf</c>, with similar ids), or whose entry lacks a price the approach needs, keyed by JSON path.
    /// </summary>
    public static IActionResult ScenarioUnpriced(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        BadRequest(errors, "The scenario names models the price catalog cannot price; see errors. "
            + "Name another model (GET /api/models lists them), change pricesAsOf, or give the prices in the scenario.");

    /// <summary>
    /// 422 for a stored scenario that names a model the price catalog can no longer price on its <c>pricesAsOf</c> (or
    /// today), keyed by JSON path: it reads back as stored, but cannot be analysed until it is replaced.
    /// </summary>
    public static IActionResult StoredScenarioUnpriced(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity,
            "The stored scenario names models the price catalog cannot price on its pricesAsOf date (or today); see errors. "
            + "Replace it with PUT, naming another model or giving the prices, to analyse it.",
            errors);

    /// <summary>413: the body is larger than <see cref="ApiRequest.MaxBodyBytes"/>.</summary>
    public static IActionResult PayloadTooLarge() =>
        Create(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {ApiRequest.MaxBodyBytes / 1024} KiB.");

    /// <summary>415: the body is not JSON.</summary>
    public static IActionResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json (or a +json type) in UTF-8.");

    /// <summary>503 with <c>Retry-After</c>: storage could not be reached.</summary>
    public static IActionResult StorageUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "Storage is unreachable at the moment; retry later.")
            .WithHeader(HeaderNames.RetryAfter, RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>A problem for any error status, titled with its reason phrase: for refusals the host makes itself (unknown route or method).</summary>
    public static IActionResult ForStatus(int statusCode, string detail) => Create(statusCode, detail);

    /// <summary>
    /// The response for an exception a function let escape, when it is one the API answers itself: storage being
    /// unreachable is a 503. Anything else returns <c>null</c> and stays a failure of the host.
    /// </summary>
    public static IActionResult? ForException(Exception exception, CancellationToken requestAborted) =>
        StorageFailure.IsUnavailable(exception, requestAborted) ? StorageUnavailable() : null;

    private static JsonBodyResult Create(int status, string detail, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null)
    {
        string title = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
        var problem = new Problem(TypeFor(status), title, status, detail, errors);
        return new JsonBodyResult(status, JsonSerializer.SerializeToUtf8Bytes(problem, ApiJsonContext.Default.Problem), ContentType);
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        412 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
