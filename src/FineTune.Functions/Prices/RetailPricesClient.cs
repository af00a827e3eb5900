using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Prices;

/// <summary>Every item the Retail Prices API listed, and over how many pages.</summary>
public sealed record RetailPriceRead(IReadOnlyList<RetailPriceItem> Items, int Pages);

/// <summary>The Retail Prices API failed: a page could not be read, or its links went wrong. Nothing read counts.</summary>
public sealed class RetailPricesException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public RetailPricesException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public RetailPricesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without a description.</summary>
    public RetailPricesException()
    {
    }
}

/// <summary>
/// Reads the Foundry Models consumption prices of one region from the Azure Retail Prices API, every page through
/// <c>NextPageLink</c>. A page answered 429 or 5xx, or not answered, is tried again after its <c>Retry-After</c> (else a
/// doubling delay), a bounded number of times. A repeated link, a link to another host or more than
/// <see cref="PriceRefreshOptions.MaxPages"/> pages fail the read.
/// </summary>
public sealed class RetailPricesClient(HttpClient http, PriceRefreshOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The API version with savings plans; names in filters are case-sensitive from it on.</summary>
    public const string ApiVersion = "2023-01-01-preview";

    /// <summary>The first page's address: US dollars, the Foundry Models service, the region, consumption prices only.</summary>
    public Uri FirstPage
    {
        get
        {
            string filter = $"serviceName eq 'Foundry Models' and armRegionName eq '{options.Region}' and priceType eq 'Consumption'";
            return new Uri($"{options.RetailPricesUrl.GetLeftPart(UriPartial.Path)}?api-version={ApiVersion}&currencyCode='USD'"
                + $"&$filter={Uri.EscapeDataString(filter)}");
        }
    }

    /// <summary>Pages read whole so far, by the last or current <see cref="ReadAllAsync"/>.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Reads every page.</summary>
    /// <exception cref="RetailPricesException">A page failed after its retries, or the pages' links went wrong.</exception>
    public async Task<RetailPriceRead> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<RetailPriceItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int pages = PagesRead = 0;
        for (Uri? next = FirstPage; next is not null;)
        {
            if (!seen.Add(next.AbsoluteUri))
            {
                throw new RetailPricesException($"Page {pages} links to a page already read: {next}.");
            }
            if (pages == options.MaxPages)
            {
                throw new RetailPricesException($"The API still links to a next page after {options.MaxPages} pages.");
            }
            RetailPricePage page = await ReadPageAsync(next, pages + 1, cancellationToken).ConfigureAwait(false);
            PagesRead = ++pages;
            items.AddRange(page.Items ?? []);
            PriceRefreshLog.PageRead(logger, pages, page.Items?.Count ?? 0, items.Count);
            next = NextPage(page.NextPageLink, pages);
        }
        return new RetailPriceRead(items, pages);
    }

    private Uri? NextPage(string? link, int page)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }
        Uri origin = options.RetailPricesUrl;
        return Uri.TryCreate(link, UriKind.Absolute, out Uri? next)
            && next.Scheme == origin.Scheme && next.Host == origin.Host && next.Port == origin.Port
            ? next
            : throw new RetailPricesException($"Page {page} links to '{link}', not a page of {origin.GetLeftPart(UriPartial.Authority)}.");
    }

    private async Task<RetailPricePage> ReadPageAsync(Uri address, int page, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            string reason;
            try
            {
                using HttpResponseMessage response = await http
                    .GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadBodyAsync(response, page, cancellationToken).ConfigureAwait(false);
                }
                reason = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                {
                    throw new RetailPricesException($"Page {page} was refused with {reason}.");
                }
                delay = RetryAfter(response) ?? Backoff(attempt);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                (reason, delay) = (e.Message, Backoff(attempt));
                if (attempt == options.MaxAttempts)
                {
                    throw new RetailPricesException($"Page {page} could not be read after {attempt} tries: {reason}", e);
                }
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                (reason, delay) = ($"no answer within {options.RequestTimeout.TotalSeconds:F0} s", Backoff(attempt));
                if (attempt == options.MaxAttempts)
                {
                    throw new RetailPricesException($"Page {page} could not be read after {attempt} tries: {reason}", e);
                }
            }
            if (attempt == options.MaxAttempts)
            {
                throw new RetailPricesException($"Page {page} could not be read after {attempt} tries: {reason}.");
            }
            if (delay > options.MaxRetryDelay)
            {
                throw new RetailPricesException(
                    $"Page {page} answered {reason} and asks to wait {delay.TotalSeconds:F0} s, more than {options.MaxRetryDelay.TotalSeconds:F0} s.");
            }
            PriceRefreshLog.Retrying(logger, page, attempt, reason, delay.TotalSeconds);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<RetailPricePage> ReadBodyAsync(HttpResponseMessage response, int page, CancellationToken cancellationToken)
    {
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, RetailPricesJsonContext.Default.RetailPricePage, cancellationToken)
                    .ConfigureAwait(false) ?? throw new RetailPricesException($"Page {page} is JSON null.");
            }
        }
        catch (JsonException e)
        {
            throw new RetailPricesException($"Page {page} is not a Retail Prices page: {e.Message}", e);
        }
    }

    // Retry-After in seconds or as a date; a date in the past means now.
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: TimeSpan delta } => delta,
        { Date: DateTimeOffset date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private TimeSpan Backoff(int attempt)
    {
        TimeSpan delay = options.FirstRetryDelay * Math.Pow(2, attempt - 1);
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }
}
