using FineTune.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FineTune.LocalHost.Tests;

/// <summary>
/// The local host in process. Its storage points at a port where nothing listens: these tests look at what is served,
/// not at what is stored.
/// </summary>
public sealed class HostFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
