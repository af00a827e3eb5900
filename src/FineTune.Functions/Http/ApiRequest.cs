using FineTune.Storage;
using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using FineTune.Core;
using FineTune.Functions.Reference;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FineTune.Functions.Http;

/// <summary>Turns a request body, read whole, into a value or the refusal to answer with.</summary>
public delegate RequestValue<T> JsonBodyParser<T>(ReadOnlySpan<byte> body);

/// <summary>Which page of a list to read.</summary>
/// <param name="PageSize">Items per page, 1..<see cref="ApiRequest.MaxPageSize"/>.</param>
/// <param name="ContinuationToken">The token of the previous page, well formed for the workspace; null for the first page.</param>
public sealed record PageQuery(int PageSize, string? ContinuationToken);

/// <summary>A stored scenario of the caller's and the scenario it holds under today's rules.</summary>
public sealed record ValidStoredScenario(StoredScenario Stored, Scenario Scenario);

/// <summary>A stored scenario of the caller's, priced from the catalog of <paramref name="Snapshot"/> as its analysis is.</summary>
/// <param name="Priced">The scenario with every price it left out filled in, and the entries that gave them.</param>
/// <param name="Snapshot">The reference data it was priced with: analyse it with the same.</param>
public sealed record PricedStoredScenario(StoredScenario Stored, PricedScenario Priced, ReferenceSnapshot Snapshot)
{
    /// <summary>The scenario the economics reads.</summary>
    public Scenario Scenario => Priced.Scenario;
}

/// <summary>What every function reads from a request: the workspace, conditions, paging and the JSON body.</summary>
public static partial class ApiRequest
{
    /// <summary>The largest body accepted, 256 KiB; larger ones are refused with 413 without being read whole.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The header that names the workspace.</summary>
    public const string WorkspaceHeader = "X-Workspace-Id";

    /// <summary>The workspace of a request without <see cref="WorkspaceHeader"/>.</summary>
    public const string DefaultWorkspace = "default";

    /// <summary>The most items a page of a list holds.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The items a page holds when <c>pageSize</c> is not given.</summary>
    public const int DefaultPageSize = 20;

    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>The workspace named by <see cref="WorkspaceHeader"/>: 1..64 of <c>A-Za-z0-9_-</c>, <c>default</c> when absent.</summary>
    public static RequestValue<string> ReadWorkspace(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(WorkspaceHeader, out StringValues values))
        {
            return RequestValue<string>.Accept(DefaultWorkspace);
        }
        return values is [{ } workspace] && Patterns.IsMatch(Patterns.Workspace, workspace)
            ? RequestValue<string>.Accept(workspace)
            : Refuse(WorkspaceHeader, "Must be one value of 1 to 64 characters from A-Z, a-z, 0-9, _ and -.");
    }

    /// <summary>
    /// The <c>If-Match</c> entity tags (RFC 9110: <c>*</c>, or a comma-separated list of which the current one must be
    /// one), <c>null</c> when absent; a value that is not <c>*</c> alone nor a list of quoted ETags is refused.
    /// </summary>
    public static RequestValue<IReadOnlyList<string>?> ReadIfMatch(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StringValues values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return RequestValue<IReadOnlyList<string>?>.Accept(null);
        }
        return EntityTagHeaderValue.TryParseStrictList(values, out IList<EntityTagHeaderValue>? tags) && IsIfMatchList(tags)
            ? RequestValue<IReadOnlyList<string>?>.Accept(tags.Select(tag => tag.ToString()).ToList())
            : Refuse(HeaderNames.IfMatch, "Must be * or a comma-separated list of ETags as returned in the ETag header.");
    }

    /// <summary>
    /// The page of a list the query asks for: <c>pageSize</c> 1..<see cref="MaxPageSize"/> (default
    /// <see cref="DefaultPageSize"/>) and a <c>continuationToken</c> the store issued for <paramref name="workspace"/>
    /// (absent or empty for the first page); 400 naming each parameter that is not.
    /// </summary>
    public static RequestValue<PageQuery> ReadPageQuery(this HttpRequest request, string workspace)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        if (request.ReadIntQuery("pageSize", 1, MaxPageSize, DefaultPageSize, out int pageSize) is { } pageSizeError)
        {
            errors["pageSize"] = [pageSizeError];
        }
        StringValues tokens = request.Query["continuationToken"];
        string? token = tokens is [{ Length: > 0 } value] ? value : null;
        if (tokens.Count > 1 || (token is not null && !ScenarioStore.IsWellFormedContinuationToken(workspace, token)))
        {
            errors["continuationToken"] = ["Must be a continuationToken from a previous page of this workspace's list."];
        }
        return errors.Count > 0
            ? new RefusalResult(Problems.BadRequest(errors))
            : RequestValue<PageQuery>.Accept(new PageQuery(pageSize, token));
    }

    /// <summary>
    /// The optional sections of an analysis the <c>include</c> query asks for (<c>include=decision,sensitivity,timeline</c>,
    /// comma-separated, repeats allowed; absent or empty for the plain analysis); 400 naming every unknown section.
    /// </summary>
    public static RequestValue<AnalysisSections> ReadAnalysisSections(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string include = string.Join(',', request.Query["include"].Where(value => value is not null));
        return AnalysisSectionNames.TryParse(include, out AnalysisSections sections, out IReadOnlyList<string> unknown)
            ? RequestValue<AnalysisSections>.Accept(sections)
            : Refuse("include", $"names no section of the analysis ({string.Join(", ", unknown.Select(name => $"'{name}'"))}); "
                + $"the sections are {string.Join(", ", AnalysisSectionNames.All)}.");
    }

    /// <summary>An optional integer query parameter in <paramref name="min"/>..<paramref name="max"/>; <c>null</c> when valid, else the message.</summary>
    public static string? ReadIntQuery(this HttpRequest request, string name, int min, int max, int defaultValue, out int value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = defaultValue;
        if (!request.Query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        return values is [{ } text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max
            ? null
            : $"Must be an integer from {min} to {max}.";
    }

    /// <summary>
    /// The body as a scenario, every problem reported at once: 415 unless JSON, 413 over <see cref="MaxBodyBytes"/>
    /// (from Content-Length before reading, or while reading a body of unknown length), 400 with JSON paths when invalid.
    /// </summary>
    public static Task<RequestValue<Scenario>> ReadScenarioAsync(this HttpRequest request, CancellationToken cancellationToken = default) =>
        request.ReadJsonBodyAsync(ParseScenario, cancellationToken);

    /// <summary>
    /// The caller's stored scenario <paramref name="id"/>: refused with the workspace's 400, or with 404 when the caller's
    /// workspace holds no such scenario.
    /// </summary>
    public static async Task<RequestValue<StoredScenario>> ReadOwnScenarioAsync(
        this HttpRequest request, ScenarioStore store, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return RequestValue<StoredScenario>.Refuse(workspace.Refusal);
        }
        StoredScenario? stored = await store.GetAsync(workspace.Value, id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new RefusalResult(Problems.ScenarioNotFound(workspace.Value, id))
            : RequestValue<StoredScenario>.Accept(stored);
    }

    /// <summary>
    /// The caller's stored scenario <paramref name="id"/> and the scenario it holds, for what must analyse it: refused
    /// as by <see cref="ReadOwnScenarioAsync"/>, or with 422 naming every rule of today's that the stored row breaks.
    /// </summary>
    public static async Task<RequestValue<ValidStoredScenario>> ReadOwnValidScenarioAsync(
        this HttpRequest request, ScenarioStore store, string id, CancellationToken cancellationToken = default)
    {
        RequestValue<StoredScenario> stored = await request.ReadOwnScenarioAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (stored.IsRefused)
        {
            return RequestValue<ValidStoredScenario>.Refuse(stored.Refusal);
        }
        ScenarioParseResult parsed = stored.Value.Parse();
        return parsed.IsValid
            ? RequestValue<ValidStoredScenario>.Accept(new ValidStoredScenario(stored.Value, parsed.Scenario!))
            : new RefusalResult(Problems.StoredScenarioInvalid(parsed.Errors));
    }

    /// <summary>
    /// The caller's stored scenario <paramref name="id"/> priced as its analysis is, for what must cost it: refused as by
    /// <see cref="ReadOwnValidScenarioAsync"/>, or with 422 naming the models the catalog can no longer price on the
    /// scenario's <c>pricesAsOf</c> date (else today, UTC).
    /// </summary>
    public static async Task<RequestValue<PricedStoredScenario>> ReadOwnPricedScenarioAsync(
        this HttpRequest request, ScenarioStore store, ReferenceData reference, TimeProvider timeProvider, string id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        RequestValue<ValidStoredScenario> stored = await request.ReadOwnValidScenarioAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (stored.IsRefused)
        {
            return RequestValue<PricedStoredScenario>.Refuse(stored.Refusal);
        }
        ReferenceSnapshot snapshot = await reference.GetAsync(cancellationToken).ConfigureAwait(false);
        PriceResolution priced = snapshot.Price(stored.Value.Scenario, timeProvider);
        return priced.IsValid
            ? RequestValue<PricedStoredScenario>.Accept(new PricedStoredScenario(stored.Value.Stored, priced.Priced, snapshot))
            : new RefusalResult(Problems.StoredScenarioUnpriced(priced.Errors));
    }

    /// <summary>
    /// The body read whole and handed to <paramref name="parse"/>: 415 unless JSON, 413 over <see cref="MaxBodyBytes"/>
    /// (from Content-Length before reading, or while reading a body of unknown length); the parser answers the rest.
    /// </summary>
    public static async Task<RequestValue<T>> ReadJsonBodyAsync<T>(
        this HttpRequest request, JsonBodyParser<T> parse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parse);
        if (!IsJson(request.ContentType))
        {
            return new RefusalResult(Problems.UnsupportedMediaType());
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return new RefusalResult(Problems.PayloadTooLarge());
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int?)request.ContentLength + 1 ?? InitialBufferBytes);
        try
        {
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > MaxBodyBytes)
                {
                    return new RefusalResult(Problems.PayloadTooLarge());
                }
            }
            return parse(buffer.AsSpan(0, length));
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the body itself: over its own size limit, or a broken chunked encoding.
            return new RefusalResult(e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.PayloadTooLarge()
                : Problems.BadRequest("$", "The request body could not be read."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True for <c>application/json</c> and any <c>+json</c> type, in UTF-8 (the only charset JSON allows).</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType))
        {
            return false;
        }
        bool json = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        StringSegment charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return json && (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static RequestValue<Scenario> ParseScenario(ReadOnlySpan<byte> body)
    {
        ScenarioParseResult parsed = ScenarioJson.Parse(body);
        return parsed.IsValid
            ? RequestValue<Scenario>.Accept(parsed.Scenario!)
            : new RefusalResult(Problems.BadRequest(parsed.Errors, "The scenario is not valid; see errors."));
    }

    // "*" alone, or one or more entity tags.
    private static bool IsIfMatchList(IList<EntityTagHeaderValue> tags) =>
        tags is [{ } only] && only.Equals(EntityTagHeaderValue.Any)
        || (tags.Count > 0 && tags.All(tag => !tag.Equals(EntityTagHeaderValue.Any) && EntityTagPattern().IsMatch(tag.Tag.AsSpan())));

    private static RefusalResult Refuse(string key, string message) => new(Problems.BadRequest(key, message));

    // RFC 9110 opaque-tag: a quoted string of visible ASCII other than the quote (the list parser also takes escapes).
    [GeneratedRegex("""^"[\x21\x23-\x7E]*"\z""", RegexOptions.CultureInvariant)]
    private static partial Regex EntityTagPattern();
}
