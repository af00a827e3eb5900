using Azure.Storage.Queues;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>
/// A real Azurite with its Queue service, the local host over it with loopback webhooks allowed and retries a second
/// apart (host settings, as AzureFunctionsJobHost__ overrides of host.json), and a webhook receiver on Kestrel.
/// </summary>
public sealed class DeliveryFixture : AppFixture
{
    private WebhookReceiver? receiver;

    public WebhookReceiver Receiver => receiver ?? throw new InvalidOperationException("The receiver has not started.");

    protected override bool Queues => true;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Alerts:AllowLoopbackHttp"] = "true",
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        receiver = await WebhookReceiver.StartAsync();
        // Starts the host, and with it the queue listener.
        Factory.CreateClient().Dispose();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }

    /// <summary>A client of a workspace of its own.</summary>
    public ApiClient Client() => new(Factory.CreateClient(), "ws-" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>A queue of this Azurite, as the app encodes its messages (base64).</summary>
    public QueueClient Queue(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "Delivery";
}
