using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions.Reference;

/// <summary>The services of the reference data every analysis reads.</summary>
public static class ReferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReferenceData"/> and its <see cref="ReferenceDataOptions"/> read from
    /// <paramref name="configuration"/> (unless registered before). Needs the band and price stores and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(ReferenceDataOptions.FromConfiguration(configuration));
        services.AddSingleton<ReferenceData>();
        return services;
    }
}
