using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FineTune.Testing.Host;

/// <summary>
/// A stand-in for the Azure Retail Prices API, served on a free loopback port by Kestrel: its pages of items, each
/// linking to the next by <c>$skip</c> as the real API does, and whatever faults a test scripts.
/// </summary>
public sealed class FakeRetailPricesApi : IAsyncDisposable
{
    /// <summary>The path the API answers on.</summary>
    public const string Path = "/api/retail/prices";

    private const int PageSize = 1000;

    private readonly WebApplication app;
    private readonly List<string> requests = [];
    private readonly Dictionary<int, int> attempts = [];

    private readonly IReadOnlyList<IReadOnlyList<JsonObject>> pages;
    private readonly Func<int, int, IResult?> fault;
    private readonly Func<int, string?, string?> nextLink;

    private FakeRetailPricesApi(
        WebApplication app, Uri url, IReadOnlyList<IReadOnlyList<JsonObject>> pages, Func<int, int, IResult?> fault, Func<int, string?, string?> nextLink)
    {
        this.app = app;
        Url = url;
        this.pages = pages;
        this.fault = fault;
        this.nextLink = nextLink;
    }

    /// <summary>The API's address, <c>http://127.0.0.1:{port}/api/retail/prices</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts an API serving <paramref name="pages"/>, page i asked for with <c>$skip=1000*i</c>.</summary>
    /// <param name="fault">A response instead of page <c>page</c> on its <c>attempt</c>th request (1 for the first), or null
    /// to serve it: a 429 with Retry-After, a 500, whatever a test needs.</param>
    /// <param name="nextLink">The <c>NextPageLink</c> of a page, given the one the API would write; by default that one.</param>
    public static async Task<FakeRetailPricesApi> StartAsync(
        IReadOnlyList<IReadOnlyList<JsonObject>> pages, Func<int, int, IResult?>? fault = null, Func<int, string?, string?>? nextLink = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakeRetailPricesApi? api = null;
        app.MapGet(Path, (HttpContext context) => api!.Serve(context));
        await app.StartAsync();
        var url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), Path);
        api = new FakeRetailPricesApi(app, url, pages, fault ?? ((_, _) => null), nextLink ?? ((_, link) => link));
        return api;
    }

    /// <summary>One item as the API lists it, its fields camelCase.</summary>
    public static JsonObject Item(
        string meterName, decimal retailPrice, string unitOfMeasure = "1K", string productName = "Azure OpenAI", string type = "Consumption",
        decimal tierMinimumUnits = 0m, string currencyCode = "USD", string effectiveStartDate = "2025-08-01T00:00:00Z") => new()
    {
        ["currencyCode"] = currencyCode,
        ["tierMinimumUnits"] = tierMinimumUnits,
        ["retailPrice"] = retailPrice,
        ["unitPrice"] = retailPrice,
        ["armRegionName"] = "eastus2",
        ["location"] = "US East 2",
        ["effectiveStartDate"] = effectiveStartDate,
        ["meterId"] = Guid.NewGuid().ToString(),
        ["meterName"] = meterName,
        ["productId"] = "DZH318Z0BQ4K",
        ["skuId"] = "DZH318Z0BQ4K/00BX",
        ["productName"] = productName,
        ["skuName"] = meterName.EndsWith(" Tokens", StringComparison.Ordinal) ? meterName[..^" Tokens".Length] : meterName,
        ["serviceName"] = "Foundry Models",
        ["serviceId"] = "DZH3180VQTSB",
        ["serviceFamily"] = "AI + Machine Learning",
        ["unitOfMeasure"] = unitOfMeasure,
        ["type"] = type,
        ["isPrimaryMeterRegion"] = true,
        ["armSkuName"] = "",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Serve(HttpContext context)
    {
        int page = int.TryParse(context.Request.Query["$skip"], NumberStyles.None, CultureInfo.InvariantCulture, out int skip) ? skip / PageSize : 0;
        int attempt;
        lock (requests)
        {
            requests.Add(context.Request.Path + context.Request.QueryString.ToUriComponent());
            attempt = attempts[page] = attempts.GetValueOrDefault(page) + 1;
        }
        if (fault(page, attempt) is { } scripted)
        {
            return scripted;
        }
        if (page >= pages.Count)
        {
            return Results.NotFound();
        }
        string? next = page + 1 < pages.Count
            ? $"{Url}?api-version=2023-01-01-preview&$skip={((page + 1) * PageSize).ToString(CultureInfo.InvariantCulture)}"
            : null;
        var body = new JsonObject
        {
            ["BillingCurrency"] = "USD",
            ["CustomerEntityId"] = "Default",
            ["CustomerEntityType"] = "Retail",
            ["Items"] = new JsonArray([.. pages[page].Select(item => item.DeepClone())]),
            ["NextPageLink"] = nextLink(page, next),
            ["Count"] = pages[page].Count,
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }
}
