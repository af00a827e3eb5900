using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Functions.Http;
using FineTune.Functions.Prices;
using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;
using static FineTune.Functions.OpenApi.Operations;
using SwaggerDocument = Microsoft.OpenApi.Models.OpenApiDocument;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The app's Swagger 2.0 document, served by <c>GET /api/openapi.json</c> and checked in as the Power Platform
/// connector's <c>apiDefinition.swagger.json</c> (for <see cref="PlaceholderHost"/>). Built once per host.
/// </summary>
/// <param name="configuration">
/// Names the host: <c>OpenApi:Host</c> (a custom domain, or the API Management gateway), else <c>WEBSITE_HOSTNAME</c>
/// (set by Azure); without either (a local run) each request gets the document of the host and scheme it came to.
/// </param>
public sealed class OpenApiDescription(IConfiguration configuration)
{
    /// <summary>The host of the checked-in connector, which its importer replaces by the app's own.</summary>
    public const string PlaceholderHost = "your-function-app.azurewebsites.net";

    /// <summary>The setting that names the host.</summary>
    public const string HostSetting = "OpenApi:Host";

    /// <summary>The route prefix of host.json; the document's basePath.</summary>
    public const string RoutePrefix = "api";

    private const string Title = "Fine-Tuning Economics";

    private const string Summary =
        "Tells whether fine-tuning an LLM pays off. Send a scenario of prompt, RAG and fine-tune approaches with their token "
        + "prices, volumes and quality figures; get back the cost per request, break-even and payback, a recommendation, a scale "
        + "check and benchmark tiers. Scenarios are stored per workspace and compared with anonymous peer statistics.";

    // Hosts a local run is reached by are few (localhost, 127.0.0.1); past this many, documents are built and not kept.
    private const int MaxRequestHosts = 8;

    private readonly string? configuredHost = ConfiguredHost(configuration);
    private readonly ConcurrentDictionary<(string Scheme, string Host), byte[]> requestHosts = new();
    private byte[]? configured;

    /// <summary>The document of the configured host, over https; of <see cref="PlaceholderHost"/> when none is configured.</summary>
    public ReadOnlyMemory<byte> Json => configured ??= Serialize(configuredHost ?? PlaceholderHost);

    /// <summary>
    /// The document a request to <paramref name="host"/> over <paramref name="scheme"/> is served: the configured host's,
    /// else (a local run) one naming that very host and scheme, so a tool importing it calls the app that served it.
    /// </summary>
    public ReadOnlyMemory<byte> JsonFor(string scheme, string host)
    {
        if (configuredHost is not null || string.IsNullOrEmpty(host))
        {
            return Json;
        }
        scheme = scheme == "http" ? "http" : "https";
        return requestHosts.TryGetValue((scheme, host), out byte[]? known) ? known
            : requestHosts.Count < MaxRequestHosts ? requestHosts.GetOrAdd((scheme, host), key => Serialize(key.Host, key.Scheme))
            : Serialize(host, scheme);
    }

    /// <summary>The document for <paramref name="host"/> as indented UTF-8 JSON with LF line ends, ending with a newline.</summary>
    public static byte[] Serialize(string host, string scheme = "https")
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var writer = new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = false });
        Build(host, scheme).SerializeAsV2(writer);
        writer.Flush();
        text.WriteLine();
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? ConfiguredHost(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[HostSetting] is { Length: > 0 } host ? host
            : configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } websiteHost ? websiteHost
            : null;
    }

    /// <summary>
    /// Every body the API reads or writes, derived from its record: request bodies first, so a response that echoes one
    /// (a stored scenario) refers to the same definition.
    /// </summary>
    private static void AddDefinitions(ContractSchemas schemas)
    {
        schemas.AddInput(ScenarioJson.Contract.Root);
        schemas.AddInput(BandJson.Root);
        schemas.AddInput(PriceBody.Root);
        schemas.AddInput(UsageBody.Root);
        schemas.AddOutput(ContractObject.Of(FineTuneJsonContext.Default.Analysis));
        schemas.AddOutput(ContractObject.Of(ApiJsonContext.Default.ScenarioResource));
        schemas.AddOutput(ContractObject.Of(ApiJsonContext.Default.ScenarioPageResource));
        schemas.AddOutput(ContractObject.Of(ApiJsonContext.Default.HealthReport));
        schemas.AddOutput(ContractObject.Of(ApiJsonContext.Default.Problem));
        schemas.AddOutput(ContractObject.Of(BenchmarkJsonContext.Default.BenchmarkSetResource));
        schemas.AddOutput(ContractObject.Of(BenchmarkJsonContext.Default.PeerStatisticsResource));
        schemas.AddOutput(ContractObject.Of(BenchmarkJsonContext.Default.ComparisonResource));
        schemas.AddOutput(ContractObject.Of(BenchmarkJsonContext.Default.RecomputeSummary));
        schemas.AddOutput(ContractObject.Of(PriceJsonContext.Default.ModelPriceResource));
        schemas.AddOutput(ContractObject.Of(PriceJsonContext.Default.ModelPricePageResource));
        schemas.AddOutput(ContractObject.Of(PriceJsonContext.Default.ModelResource));
        schemas.AddOutput(ContractObject.Of(PriceJsonContext.Default.PriceRefreshSummary));
        schemas.AddOutput(ContractObject.Of(MonitorJsonContext.Default.UsageReceiptResource));
        schemas.AddOutput(ContractObject.Of(MonitorJsonContext.Default.AlertPageResource));
        schemas.AddOutput(ContractObject.Of(MonitorJsonContext.Default.MonitorResource));
        schemas.AddOutput(ContractObject.Of(MonitorJsonContext.Default.PortfolioResource));
        schemas.AddOutput(ContractObject.Of(AlertJsonContext.Default.Alert));
        schemas.AddOutput(ContractObject.Of(AlertJsonContext.Default.SubscriptionResource));
    }

    private static SwaggerDocument Build(string host, string scheme)
    {
        var document = new SwaggerDocument
        {
            Info = new OpenApiInfo { Title = Title, Description = Summary, Version = "1.0" },
            Servers = [new OpenApiServer { Url = $"{scheme}://{host}/{RoutePrefix}" }],
            Paths = [],
            Components = new OpenApiComponents
            {
                SecuritySchemes =
                {
                    [ApiKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = FunctionKeyHeader,
                        Description = "A function key of the app (the master key for the admin operations). Behind API Management, "
                            + "send your subscription key in Ocp-Apim-Subscription-Key instead: the gateway adds the function key.",
                    },
                },
            },
            Tags =
            [
                new OpenApiTag { Name = "Scenarios", Description = "Analyse scenarios and store them per workspace." },
                new OpenApiTag { Name = "Benchmarks", Description = "Benchmark bands, peer statistics and comparisons." },
                new OpenApiTag { Name = "Prices", Description = "The model price catalog: dated, sourced list prices." },
                new OpenApiTag { Name = MonitorOperations.Tag, Description = "Actual usage against the plan, alerts and the portfolio." },
                new OpenApiTag { Name = SubscriptionOperations.Tag, Description = "Webhooks of the workspace's cost alerts." },
                new OpenApiTag { Name = ChartOperations.Tag, Description = "Charts of a scenario as SVG images." },
                new OpenApiTag { Name = "Service", Description = "Health and this document." },
            ],
        };
        var schemas = new ContractSchemas(document.Components.Schemas);
        AddDefinitions(schemas);
        ScenarioOperations.AddTo(document.Paths);
        BenchmarkOperations.AddTo(document.Paths);
        PriceOperations.AddTo(document.Paths);
        MonitorOperations.AddTo(document.Paths);
        ServiceOperations.AddTo(document.Paths);
        SubscriptionOperations.AddTo(document.Paths, schemas);
        ChartOperations.AddTo(document.Paths);
        WebAppOperations.AddTo(document.Paths);
        return document;
    }
}
