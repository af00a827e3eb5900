using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions.Recompute;

/// <summary>The services of the benchmark recompute job.</summary>
public static class RecomputeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BenchmarkRecompute"/> and the <see cref="RecomputeSchedule"/> read from
    /// <paramref name="configuration"/>. Needs the stores, a <see cref="TimeProvider"/> and logging, as
    /// <c>AddFineTuneFunctions</c> and the hosts provide.
    /// </summary>
    public static IServiceCollection AddRecompute(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(RecomputeSchedule.FromConfiguration(configuration));
        services.TryAddSingleton(new RecomputeOptions());
        services.AddSingleton<BenchmarkRecompute>();
        return services;
    }
}
