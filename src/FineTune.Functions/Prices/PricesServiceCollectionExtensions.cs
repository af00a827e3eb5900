using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions.Prices;

/// <summary>The services of the price refresh.</summary>
public static class PricesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PriceRefresh"/>, its <see cref="PriceRefreshOptions"/> read from <paramref name="configuration"/>
    /// (unless registered before) and the named <see cref="HttpClient"/> of the Retail Prices API. Needs the stores, the
    /// reference data, a <see cref="TimeProvider"/> and logging, as <c>AddFineTuneFunctions</c> and the hosts provide.
    /// </summary>
    public static IServiceCollection AddPriceRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(PriceRefreshOptions.FromConfiguration(configuration));
        services.AddHttpClient(PriceRefresh.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<PriceRefreshOptions>().RequestTimeout);
        services.AddSingleton<PriceRefresh>();
        return services;
    }
}
