using FineTune.Functions.Queues;
using FineTune.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FineTune.Functions.Alerts;

/// <summary>Registers the webhook subscriptions and the alert deliveries.</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Adds the subscription store, the notifier the alert rules call, the delivery queue and its deliverer. The queue
    /// is reached as the queue trigger reaches it (<c>AzureWebJobsStorage</c>, or <c>AzureWebJobsStorage__queueServiceUri</c>
    /// with an identity), with host.json's message encoding; nothing connects until a queue is first used.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // The local host registers the host.json it serves with first; under the Functions host, the one deployed with the app.
        services.TryAddSingleton(_ => QueueHostOptions.Read(Path.Combine(AppContext.BaseDirectory, "host.json"), configuration));
        services.AddSingleton(AlertOptions.Read(configuration));
        services.AddSingleton(provider => new AlertDeliveryQueue(QueueConnection.CreateClient(
            FunctionsServiceCollectionExtensions.ReadQueueStorageSettings(configuration),
            provider.GetRequiredService<QueueHostOptions>().MessageEncoding)));
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<NotificationUrlCheck>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertDeliverer>();
        return services;
    }
}
