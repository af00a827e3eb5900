using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using FineTune.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseFineTuneMiddleware();
builder.Services.AddFineTuneFunctions(builder.Configuration);

if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // With "Authorization=AAD;ClientId=..." the exporter signs in as that managed identity (local auth off).
    string? clientId = builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?
        .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(part => part.StartsWith("ClientId=", StringComparison.OrdinalIgnoreCase))
        .Select(part => part["ClientId=".Length..])
        .FirstOrDefault();
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .UseAzureMonitorExporter(options =>
        {
            if (clientId is not null)
            {
                options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            }
        });
}

builder.Build().Run();

// Internal, so that the local host's Program is the one public entry point its tests host.
internal sealed partial class Program;
