using FineTune.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Usage;

/// <summary>The services of usage, alerts and the monitoring timer.</summary>
public static class UsageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the usage, alert and monitor-run stores, the ingestion, the daily evaluation and the
    /// <see cref="MonitorSchedule"/> read from <paramref name="configuration"/>. Needs a <see cref="Azure.Data.Tables.TableServiceClient"/>,
    /// the scenario store, a <see cref="TimeProvider"/> and logging, as <c>AddFineTuneFunctions</c> and the hosts provide.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<UsageStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<MonitorRunStore>();
        services.AddSingleton<UsageIngestion>();
        services.AddSingleton<MonitorEvaluation>();
        services.AddSingleton(MonitorSchedule.FromConfiguration(configuration));
        return services;
    }
}
