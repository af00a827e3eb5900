using System.Text.RegularExpressions;
using FineTune.Functions.Recompute;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Prices;

/// <summary>
/// Where and how the price refresh reads the Azure Retail Prices API: <c>Prices__RetailPricesUrl</c> and
/// <c>Prices__Region</c> from the app settings, the schedule from <c>PRICE_REFRESH_SCHEDULE</c>, the rest fixed bounds.
/// </summary>
public sealed partial record PriceRefreshOptions
{
    /// <summary>The app setting the timer's <c>%PRICE_REFRESH_SCHEDULE%</c> names.</summary>
    public const string ScheduleSettingName = "PRICE_REFRESH_SCHEDULE";

    /// <summary>Every day at 03:00 UTC, when the setting is absent.</summary>
    public const string DefaultSchedule = "0 0 3 * * *";

    /// <summary>The setting of the API's address.</summary>
    public const string UrlSetting = "Prices:RetailPricesUrl";

    /// <summary>The setting of the Azure region whose prices are read.</summary>
    public const string RegionSetting = "Prices:Region";

    /// <summary>The API's public address.</summary>
    public static readonly Uri DefaultUrl = new("https://prices.azure.com/api/retail/prices");

    /// <summary>The region read when none is set.</summary>
    public const string DefaultRegion = "eastus2";

    /// <summary>The API's address, without a query.</summary>
    public Uri RetailPricesUrl { get; init; } = DefaultUrl;

    /// <summary>The <c>armRegionName</c> whose prices are read.</summary>
    public string Region { get; init; } = DefaultRegion;

    /// <summary>When the timer runs; a slot runs once.</summary>
    public RecomputeSchedule Schedule { get; init; } = RecomputeSchedule.Parse(DefaultSchedule, ScheduleSettingName);

    /// <summary>
    /// More pages than this fails the run: the Foundry Models meters of a region fill a few pages of up to 1,000 items,
    /// so 200 means a link that never ends.
    /// </summary>
    public int MaxPages { get; init; } = 200;

    /// <summary>Tries of one page, the first included, when the API answers 429 or 5xx or the connection fails.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the second try of a page without <c>Retry-After</c>; doubled for each further try.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries; a <c>Retry-After</c> asking for longer fails the run rather than retrying early.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a scheduled run holds its slot before another may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How many unmapped meter names the summary lists.</summary>
    public int UnmappedListLimit { get; init; } = 50;

    /// <summary>The options in <paramref name="configuration"/>, the defaults where a setting is absent.</summary>
    /// <exception cref="InvalidOperationException">The URL is not an absolute http(s) URL, or the region not a region name.</exception>
    public static PriceRefreshOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Uri url = DefaultUrl;
        if (configuration[UrlSetting] is { Length: > 0 } text
            && (!Uri.TryCreate(text, UriKind.Absolute, out url!) || url.Scheme is not ("https" or "http") || url.Query.Length > 0))
        {
            throw new InvalidOperationException($"{UrlSetting} '{text}' is not an absolute http(s) URL without a query.");
        }
        string region = configuration[RegionSetting] is { Length: > 0 } name ? name : DefaultRegion;
        if (!RegionPattern().IsMatch(region))
        {
            throw new InvalidOperationException($"{RegionSetting} '{region}' is not an Azure region name such as eastus2.");
        }
        return new PriceRefreshOptions
        {
            RetailPricesUrl = url,
            Region = region,
            Schedule = RecomputeSchedule.FromConfiguration(configuration, ScheduleSettingName, DefaultSchedule),
        };
    }

    [GeneratedRegex("^[a-z0-9]{2,40}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
