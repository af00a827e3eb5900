using System.Text;
using FineTune.Functions;
using FineTune.Functions.Http;
using FineTune.Functions.Queues;
using FineTune.LocalHost;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

const string FixedEndpointFlag = "--fixed-endpoint";
var builder = WebApplication.CreateBuilder(args.Where(arg => arg != FixedEndpointFlag).ToArray());
// The function app's local.settings.json, as func start reads it, beneath the environment and the command line.
builder.Configuration.AddLocalSettings(
    builder.Configuration["LocalHost:LocalSettings"] ?? Path.Combine(AppContext.BaseDirectory, LocalSettings.FileName));
// Defaults of the %SETTING% names the bindings use (the recompute schedule), beneath every configured value.
builder.Configuration.AddAppSettingDefaults();
bool fixedEndpoint = args.Contains(FixedEndpointFlag) || builder.Configuration.GetValue<bool>("LocalHost:FixedEndpoint");

// Let non-ASCII header bytes through, so a bad X-Workspace-Id is refused by the app as problem+json
// instead of by Kestrel with a bare 400.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1);
// A line per request drowns what the functions log; like Core Tools, show the app's own logs.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

string metadataPath = builder.Configuration["LocalHost:FunctionsMetadata"] ?? Path.Combine(AppContext.BaseDirectory, "functions.metadata");
string hostJsonPath = builder.Configuration["LocalHost:HostJson"] ?? Path.Combine(AppContext.BaseDirectory, "host.json");
LocalFunctionApp functions = LocalFunctionApp.Create(
    FunctionMetadata.Load(metadataPath), HostJson.ReadRoutePrefix(hostJsonPath), builder.Configuration);

// host.json's queue settings, overridable by AzureFunctionsJobHost__extensions__queues__* as under the Functions host.
builder.Services.AddSingleton(QueueHostOptions.Read(hostJsonPath, builder.Configuration));
builder.Services.AddFineTuneFunctions(builder.Configuration);
builder.Services.AddSingleton(functions);
builder.Services.AddHostedService<TimerTriggerService>();
builder.Services.AddHostedService<QueueTriggerService>();

var app = builder.Build();
app.UseStatusCodePages(async statusContext =>
{
    HttpContext context = statusContext.HttpContext;
    string detail = context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => "No function serves this route.",
        StatusCodes.Status405MethodNotAllowed => "The function at this route does not accept this method.",
        _ => "The request was refused.",
    };
    await Problems.ForStatus(context.Response.StatusCode, detail)
        .ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
});
foreach (HttpFunction function in functions.HttpFunctions)
{
    IEndpointConventionBuilder endpoint = function.Methods is null
        ? app.Map(function.Pattern, function.Handler)
        : app.MapMethods(function.Pattern, function.Methods, function.Handler);
    endpoint.WithDisplayName(function.Name);
}
if (fixedEndpoint)
{
    app.MapPost(FixedResponse.Route, FixedResponse.HandleAsync);
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FineTune.LocalHost");
    string baseUrl = app.Urls.FirstOrDefault() ?? "";
    logger.LogWarning("FineTune local host: a development host that runs the function app without Core Tools. Never deploy it.");
    logger.LogWarning("Function keys are not enforced here: every auth level is served as anonymous.");
    foreach (HttpFunction function in functions.HttpFunctions)
    {
        logger.LogInformation("{Function}: [{Methods}] {BaseUrl}/{Pattern} ({AuthLevel})",
            function.Name, function.Methods is null ? "ANY" : string.Join(",", function.Methods), baseUrl, function.Pattern, function.AuthLevel);
    }
    foreach (TimerFunction function in functions.TimerFunctions)
    {
        logger.LogInformation("{Function}: timer {Schedule}", function.Name, function.Expression);
    }
    foreach (QueueFunction function in functions.QueueFunctions)
    {
        logger.LogInformation("{Function}: queue {Queue} ({Connection})", function.Name, function.QueueName, function.Connection);
    }
    if (fixedEndpoint)
    {
        logger.LogWarning("Measurement endpoint on: POST {BaseUrl}{Route}?bytes=N (not a function)", baseUrl, FixedResponse.Route);
    }
});

app.Run();

/// <summary>The local host's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
