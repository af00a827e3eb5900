using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>The local host, in process, with its storage at <paramref name="connectionString"/>.</summary>
public sealed class LocalHostFactory(string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>Serves the host over real Kestrel on a free loopback port, and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel();
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", connectionString);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
