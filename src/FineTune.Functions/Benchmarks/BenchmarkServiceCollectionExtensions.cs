using FineTune.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions.Benchmarks;

/// <summary>The services of the benchmark functions: their stores, the recompute job and its schedule.</summary>
public static class BenchmarkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the band, comparison, peer statistics and run stores, <see cref="BenchmarkRecompute"/> and the
    /// <see cref="RecomputeSchedule"/> read from <paramref name="configuration"/>. Needs a <c>TableServiceClient</c>,
    /// a <see cref="TimeProvider"/> and logging, as <c>AddFineTuneFunctions</c> and the hosts provide.
    /// </summary>
    public static IServiceCollection AddBenchmarks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<BenchmarkBandStore>();
        services.AddSingleton<ComparisonStore>();
        services.AddSingleton<PeerStatisticsStore>();
        services.AddSingleton<RecomputeRunStore>();
        services.AddSingleton(RecomputeSchedule.FromConfiguration(configuration));
        services.TryAddSingleton(new RecomputeOptions());
        services.AddSingleton<BenchmarkRecompute>();
        return services;
    }
}
