using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;
using static FineTune.Functions.OpenApi.Operations;
using SwaggerDocument = Microsoft.OpenApi.Models.OpenApiDocument;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The app's Swagger 2.0 document, served by <c>GET /api/openapi.json</c> and checked in as the Power Platform
/// connector's <c>apiDefinition.swagger.json</c>. Built once, when the service is first resolved.
/// </summary>
/// <param name="configuration">
/// Names the host: <c>OpenApi:Host</c> (a custom domain, or the API Management gateway), else <c>WEBSITE_HOSTNAME</c>
/// (set by Azure), else <see cref="PlaceholderHost"/>.
/// </param>
public sealed class OpenApiDescription(IConfiguration configuration)
{
    /// <summary>The host of a document built without configuration, as in the checked-in connector.</summary>
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

    /// <summary>The document as indented UTF-8 JSON, ending with a newline.</summary>
    public ReadOnlyMemory<byte> Json { get; } = Serialize(HostOf(configuration));

    /// <summary>The document for <paramref name="host"/> as indented UTF-8 JSON with LF line ends, ending with a newline.</summary>
    public static byte[] Serialize(string host)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var writer = new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = false });
        Build(host).SerializeAsV2(writer);
        writer.Flush();
        text.WriteLine();
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string HostOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[HostSetting] is { Length: > 0 } host ? host
            : configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } websiteHost ? websiteHost
            : PlaceholderHost;
    }

    private static SwaggerDocument Build(string host)
    {
        var document = new SwaggerDocument
        {
            Info = new OpenApiInfo { Title = Title, Description = Summary, Version = "1.0" },
            Servers = [new OpenApiServer { Url = $"https://{host}/{RoutePrefix}" }],
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
                new OpenApiTag { Name = MonitorOperations.Tag, Description = "Actual usage against the plan, alerts and the portfolio." },
                new OpenApiTag { Name = "Service", Description = "Health and this document." },
            ],
        };
        ScenarioSchemas.AddTo(document.Components.Schemas);
        AnalysisSchemas.AddTo(document.Components.Schemas);
        ResourceSchemas.AddTo(document.Components.Schemas);
        BenchmarkSchemas.AddTo(document.Components.Schemas);
        ProblemSchemas.AddTo(document.Components.Schemas);
        MonitorSchemas.AddTo(document.Components.Schemas);
        ScenarioOperations.AddTo(document.Paths);
        BenchmarkOperations.AddTo(document.Paths);
        MonitorOperations.AddTo(document.Paths);
        ServiceOperations.AddTo(document.Paths);
        return document;
    }
}
