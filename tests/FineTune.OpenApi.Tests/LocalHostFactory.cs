using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FineTune.OpenApi.Tests;

/// <summary>The local host, in process, with its storage at <paramref name="connectionString"/> and no host configured for the document.</summary>
public sealed class LocalHostFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The checked-in connector is the document of an unconfigured app, whatever this machine's environment says.
        builder.UseSetting("OpenApi:Host", "");
        builder.UseSetting("WEBSITE_HOSTNAME", "");
    }
}
