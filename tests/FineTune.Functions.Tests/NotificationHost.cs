using FineTune.Functions.Usage;
using FineTune.Testing;
using FineTune.Testing.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Tests;

/// <summary>
/// Alerts from usage to webhooks: a real Azurite with its Queue service, the local host over it with a clock that stands at
/// <see cref="Now"/> until a test moves it (the monitoring timer once a year, so that only tests run it), loopback webhooks
/// and queue retries a second apart, a webhook receiver on Kestrel; and a second host over the same tables whose queue
/// endpoint refuses every connection, as during a queue outage.
/// </summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    /// <summary>Tuesday 10 November 2026, noon UTC: "today" for these tests.</summary>
    public static readonly DateTimeOffset Now = MonitorHostFixture.Now;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["MONITOR_SCHEDULE"] = "0 0 0 1 1 *",
        ["Alerts:AllowLoopbackHttp"] = "true",
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
    };

    private AzuriteProcess? azurite;
    private LocalHostFactory? local;
    private LocalHostFactory? localQueueDown;
    private WebhookReceiver? receiver;

    public FakeClock Clock { get; } = new(Now);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The host whose queue is out of reach; its tables are <see cref="Factory"/>'s.</summary>
    public WebApplicationFactory<Program> QueueDownFactory { get; private set; } = null!;

    /// <summary>What the ingestion of <see cref="QueueDownFactory"/> logged.</summary>
    public ListLogger<UsageIngestion> QueueDownLog { get; } = new();

    public WebhookReceiver Receiver => receiver ?? throw new InvalidOperationException("The receiver has not started.");

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(queues: true);
        receiver = await WebhookReceiver.StartAsync();
        local = LocalHostFactory.Over(azurite.ConnectionString, Settings);
        Factory = local.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        localQueueDown = LocalHostFactory.Over(AzuriteProcess.ConnectionStringFor(azurite.Port), Settings);
        QueueDownFactory = localQueueDown.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<ILogger<UsageIngestion>>(QueueDownLog)));
        // Starts the host, and with it the queue listener.
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable? factory in (IAsyncDisposable?[])[Factory, local, QueueDownFactory, localQueueDown])
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
        azurite?.Dispose();
    }

    /// <summary>A client of a workspace of its own.</summary>
    public ApiClient Client() => new(Factory.CreateClient(), NewWorkspace());

    /// <summary>A client of <paramref name="workspace"/> through the host whose queue is out of reach.</summary>
    public ApiClient QueueDownClient(string workspace) => new(QueueDownFactory.CreateClient(), workspace);

    private static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..16];
}

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationFixture>
{
    public const string Name = "Notification";
}
