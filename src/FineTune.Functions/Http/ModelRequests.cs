using System.Globalization;
using FineTune.Core;
using FineTune.Functions.Reference;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace FineTune.Functions.Http;

/// <summary>What the catalog functions share: one entry read or written by its route, and the listing's query.</summary>
public static class ModelRequests
{
    /// <summary>The longest text filter of a listing.</summary>
    public const int MaxTextLength = 100;

    /// <summary>200 <c>{current, history}</c> of the entry the route names; 400 for a route that names no id, 404 for an unknown one.</summary>
    public static async Task<IActionResult> GetAsync(
        PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider, string? provider, string? model, string? deployment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (PriceBody.ReadId(provider, model, deployment, errors) is not { } id)
        {
            return Problems.BadRequest(Frozen(errors));
        }
        IReadOnlyList<ModelPrice> history = await store.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        DateOnly today = Today(timeProvider);
        return history.Count == 0
            ? PriceResults.NotFound(id, reference.Current.Prices.Similar(id.ToString(), today))
            : PriceResults.Model(history, today);
    }

    /// <summary>
    /// Writes the body as the latest version of the entry the route names and uses it at once: 200 the version; 400
    /// naming every problem of the route and body, or an <c>effectiveFrom</c> before the latest version's; 413 and 415.
    /// </summary>
    public static async Task<IActionResult> UpsertAsync(
        HttpRequest request, PriceCatalogStore store, ReferenceData reference, TimeProvider timeProvider, string? provider, string? model,
        string? deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(timeProvider);
        RequestValue<ModelPrice> version = await request.ReadJsonBodyAsync(
            body => PriceBody.Parse(body, provider, model, deployment, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (version.IsRefused)
        {
            return version.Refusal;
        }
        PriceUpsertResult result = await store.UpsertAsync(version.Value, cancellationToken).ConfigureAwait(false);
        if (result.Status == PriceUpsertStatus.BeforeLatest)
        {
            return Problems.BadRequest("effectiveFrom", string.Create(CultureInfo.InvariantCulture,
                $"must be on or after {result.LatestEffectiveFrom:yyyy-MM-dd}, when the latest version of {version.Value.Id} starts: history is only added to at its end."));
        }
        await reference.RefreshNowAsync(cancellationToken).ConfigureAwait(false);
        return PriceResults.Version(result.Version!);
    }

    /// <summary>
    /// The listing's query: <c>provider</c>, <c>q</c> (1..100 characters), <c>asOf</c> (YYYY-MM-DD, default today),
    /// <c>pageSize</c> (1..100, default 20) and <c>continuationToken</c>; every problem keyed by its parameter.
    /// </summary>
    public static RequestValue<(ModelPriceQuery Query, int PageSize, string? ContinuationToken)> ReadListQuery(
        HttpRequest request, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? provider = ReadText(request, "provider", errors);
        if (provider is not null && !ModelId.IsValidSegment(provider))
        {
            Add(errors, "provider", "must be a provider name: lower-case letters, digits, '.', '_' and '-'.");
        }
        string? text = ReadText(request, "q", errors);
        if (text is { Length: > MaxTextLength })
        {
            Add(errors, "q", $"must be at most {MaxTextLength} characters.");
        }
        DateOnly asOf = Today(timeProvider);
        if (ReadText(request, "asOf", errors) is { } date
            && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            Add(errors, "asOf", "must be a date, YYYY-MM-DD.");
        }
        if (request.ReadIntQuery("pageSize", 1, 100, 20, out int pageSize) is { } pageSizeError)
        {
            Add(errors, "pageSize", pageSizeError);
        }
        string? token = ReadText(request, "continuationToken", errors);
        if (token is not null && !PriceCatalogStore.IsWellFormedContinuationToken(token))
        {
            Add(errors, "continuationToken", "Must be a continuationToken from a previous page of this list.");
        }
        return errors.Count > 0
            ? RequestValue<(ModelPriceQuery, int, string?)>.Refuse(Problems.BadRequest(Frozen(errors)))
            : RequestValue<(ModelPriceQuery, int, string?)>.Accept((new ModelPriceQuery(provider, text, asOf), pageSize, token));
    }

    /// <summary>Today in UTC, the day prices are looked up for when none is given.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
    }

    // One non-empty value of a query parameter; absent or empty is null; repeated is a problem.
    private static string? ReadText(HttpRequest request, string name, Dictionary<string, List<string>> errors)
    {
        StringValues values = request.Query[name];
        if (values.Count > 1)
        {
            Add(errors, name, "must be given once.");
            return null;
        }
        return values is [{ Length: > 0 } value] ? value : null;
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out List<string>? messages))
        {
            errors[key] = messages = [];
        }
        messages.Add(message);
    }

    private static Dictionary<string, IReadOnlyList<string>> Frozen(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
}
