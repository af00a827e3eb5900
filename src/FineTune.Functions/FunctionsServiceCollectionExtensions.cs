using FineTune.Functions.Alerts;
using FineTune.Functions.Recompute;
using FineTune.Functions.OpenApi;
using FineTune.Functions.Prices;
using FineTune.Functions.Reference;
using FineTune.Functions.Usage;
using FineTune.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions;

/// <summary>The services of the function app, shared by the Functions host (Program.cs) and the local host.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores, the reference data of analyses, the price refresh, the recompute job, the alert webhooks and
    /// the API document. Table Storage is reached as
    /// <paramref name="configuration"/> says: <c>TableStorage__tableServiceUri</c> (or <c>AzureWebJobsStorage__tableServiceUri</c>) with an Entra ID identity,
    /// else the connection string in <c>AzureWebJobsStorage</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Table Storage setting is present.</exception>
    public static IServiceCollection AddFineTuneFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(StorageConnection.CreateClient(ReadTableStorageSettings(configuration)));
        services.AddSingleton<ScenarioStore>();
        services.AddSingleton<BenchmarkBandStore>();
        services.AddSingleton<ComparisonStore>();
        services.AddSingleton<PeerStatisticsStore>();
        services.AddSingleton<RecomputeRunStore>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<PriceCatalogStore>();
        services.AddReferenceData(configuration);
        services.AddPriceRefresh(configuration);
        services.AddRecompute(configuration);
        services.AddAlerts(configuration);
        services.AddMonitoring(configuration);
        services.AddSingleton(_ => new OpenApiDescription(configuration));
        return services;
    }

    /// <summary>The Table Storage settings, by the Functions identity-based connection convention.</summary>
    public static TableStorageSettings ReadTableStorageSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (string section in (string[])["TableStorage", "AzureWebJobsStorage"])
        {
            if (configuration[$"{section}:tableServiceUri"] is { Length: > 0 } uri)
            {
                return new(null, new Uri(uri), configuration[$"{section}:credential"], configuration[$"{section}:clientId"]);
            }
            if (configuration[section] is { Length: > 0 } connectionString)
            {
                return new(connectionString, null, null, null);
            }
        }
        throw new InvalidOperationException(
            "Table Storage is not configured: set AzureWebJobsStorage to a connection string "
            + "(UseDevelopmentStorage=true for Azurite), or TableStorage__tableServiceUri for identity-based access.");
    }

    /// <summary>
    /// The Queue Storage settings of the connection <paramref name="connection"/>, as a queue trigger names it (default
    /// <c>AzureWebJobsStorage</c>): <c>{connection}__queueServiceUri</c> with an Entra ID identity, else the connection
    /// string in <c>{connection}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither setting is present.</exception>
    public static QueueStorageSettings ReadQueueStorageSettings(IConfiguration configuration, string connection = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[$"{connection}:queueServiceUri"] is { Length: > 0 } uri)
        {
            return new(null, new Uri(uri), configuration[$"{connection}:credential"], configuration[$"{connection}:clientId"]);
        }
        return configuration[connection] is { Length: > 0 } connectionString
            ? new(connectionString, null, null, null)
            : throw new InvalidOperationException(
                $"Queue Storage is not configured: set {connection} to a connection string "
                + $"(UseDevelopmentStorage=true for Azurite), or {connection}__queueServiceUri for identity-based access.");
    }
}
