using FineTune.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Testing.Host;

/// <summary>
/// The local host in process, on an in-memory test server or (<see cref="StartKestrel"/>) on a real socket, configured
/// by <paramref name="settings"/> above its own <c>local.settings.json</c>, as environment variables would be.
/// </summary>
public sealed class LocalHostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>
    /// The host with its storage at <paramref name="connectionString"/> and any further settings. Unless they name one,
    /// the price API is a loopback port where nothing listens: a test never reaches the internet, even when the price
    /// refresh timer fires during it.
    /// </summary>
    public static LocalHostFactory Over(string connectionString, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>()) { ["AzureWebJobsStorage"] = connectionString };
        settings.TryAdd("Prices:RetailPricesUrl", $"http://127.0.0.1:{AzuriteProcess.FreePort()}/api/retail/prices");
        return new LocalHostFactory(settings);
    }

    /// <summary>The host with its storage at a port where nothing listens: for what is served, not what is stored.</summary>
    public static LocalHostFactory WithoutStorage(IReadOnlyDictionary<string, string?>? more = null) =>
        Over(AzuriteProcess.ConnectionStringFor(AzuriteProcess.FreePort()), more);

    /// <summary>Serves the host over real Kestrel on a free loopback port, and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel();
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach ((string key, string? value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
