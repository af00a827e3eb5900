using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FineTune.Functions.Queues;
using FineTune.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.LocalHost.Tests;

/// <summary>An order, as a queue message's JSON names it (camelCase), bound to a class.</summary>
public sealed record SampleOrder(string Sku, int Quantity);

/// <summary>Queue functions of this test assembly, declared the way the Worker SDK would.</summary>
public sealed class QueueSampleFunctions(QueueSignal signal)
{
    public void Text(string message) => signal.Record(message);

    public Task Order(SampleOrder order, CancellationToken cancellationToken)
    {
        signal.Record($"{order.Sku} x{order.Quantity}");
        return Task.CompletedTask;
    }

    public Task AlwaysFails(QueueMessage message)
    {
        signal.Record($"try {message.DequeueCount}");
        throw new InvalidOperationException("The function fails on purpose.");
    }

    public Task FailsTwice(QueueMessage message)
    {
        signal.Record($"try {message.DequeueCount}");
        return message.DequeueCount <= 2 ? throw new InvalidOperationException("Not yet.") : Task.CompletedTask;
    }

    public async Task Slow(string message)
    {
        signal.Enter();
        await Task.Delay(100);
        signal.Leave(message);
    }

    public Task Unbindable(string message, Uri somethingElse) => Task.CompletedTask;
}

/// <summary>What the queue functions saw, in order.</summary>
public sealed class QueueSignal
{
    private readonly ConcurrentQueue<string> seen = new();

    public IReadOnlyList<string> Seen => [.. seen];

    private int running;
    private int mostAtOnce;

    /// <summary>The most runs that were in flight at the same time.</summary>
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public void Record(string what) => seen.Enqueue(what);

    public void Enter()
    {
        int now = Interlocked.Increment(ref running);
        int most;
        while (now > (most = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, most) != most)
        {
        }
    }

    public void Leave(string what)
    {
        Interlocked.Decrement(ref running);
        Record(what);
    }

    public async Task<IReadOnlyList<string>> WaitForAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (seen.Count < count)
        {
            await Task.Delay(20, deadline.Token);
        }
        return Seen;
    }
}

/// <summary>One Azurite with its Queue service for the class.</summary>
public sealed class QueueAzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync(queues: true);

    public Task DisposeAsync()
    {
        Azurite.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The local host's queue listener over Azurite's real queue: binding, deletion, retries and the poison queue.</summary>
public sealed class QueueTriggerServiceTests(QueueAzuriteFixture fixture) : IClassFixture<QueueAzuriteFixture>
{
    private const string Connection = "OrdersStorage";

    private static FunctionMetadata Function(string method, string queue) => new(
        method, typeof(QueueSampleFunctions).Assembly.GetName().Name + ".dll", $"{typeof(QueueSampleFunctions).FullName}.{method}",
        [new BindingMetadata(method == nameof(QueueSampleFunctions.Order) ? "order" : "message", "queueTrigger", "In",
            null, null, null, null, false, queue, Connection)]);

    private IConfiguration Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            [Connection] = fixture.Azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
        };
        foreach ((string key, string value) in more)
        {
            settings[key] = value;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private QueueClient Queue(string name) =>
        new(fixture.Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static string NewQueueName() => "q-" + Guid.NewGuid().ToString("N");

    private async Task<(QueueSignal Signal, Func<Task> Stop)> ServeAsync(string method, string queue, params (string Key, string Value)[] more)
    {
        IConfiguration settings = Settings(more);
        LocalFunctionApp app = LocalFunctionApp.Create([Function(method, queue)], "api", settings);
        var signal = new QueueSignal();
        ServiceProvider services = new ServiceCollection().AddSingleton(signal).BuildServiceProvider();
        var service = new QueueTriggerService(app, services.GetRequiredService<IServiceScopeFactory>(), settings,
            QueueHostOptions.Read("absent-host.json", settings), TimeProvider.System, NullLogger<QueueTriggerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        return (signal, async () =>
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
            await services.DisposeAsync();
        });
    }

    private async Task<int> CountAsync(QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    [Fact]
    public async Task Text_MessageSucceeds_IsBoundAsItsTextAndDeleted()
    {
        string name = NewQueueName();
        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.Text), name);

        await queue.SendMessageAsync("hello, queue");
        IReadOnlyList<string> seen = await signal.WaitForAsync(1);
        await Task.Delay(300);
        await stop();

        Assert.Equal(["hello, queue"], seen);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task Order_JsonMessage_IsBoundToTheClassWhateverTheCase()
    {
        string name = NewQueueName();
        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.Order), name);

        await queue.SendMessageAsync("""{"sku": "A-1", "Quantity": 3}""");
        IReadOnlyList<string> seen = await signal.WaitForAsync(1);
        await stop();

        Assert.Equal(["A-1 x3"], seen);
    }

    [Fact]
    public async Task AlwaysFails_AfterMaxDequeueCountTries_MovesTheMessageToThePoisonQueue()
    {
        string name = NewQueueName();
        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.AlwaysFails), name);

        await queue.SendMessageAsync("doomed");
        IReadOnlyList<string> seen = await signal.WaitForAsync(3);
        QueueClient poison = Queue(name + "-poison");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await CountAsync(poison) == 0)
        {
            await Task.Delay(50, deadline.Token);
        }
        await Task.Delay(500);
        await stop();

        Assert.Equal(["try 1", "try 2", "try 3"], signal.Seen);
        PeekedMessage parked = Assert.Single((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal("doomed", parked.Body.ToString());
        Assert.Equal(0, await CountAsync(queue));
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task FailsTwice_ThirdTrySucceeds_IsDeletedAndNeverPoisoned()
    {
        string name = NewQueueName();
        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.FailsTwice), name);

        await queue.SendMessageAsync("patience");
        await signal.WaitForAsync(3);
        await Task.Delay(500);
        await stop();

        Assert.Equal(["try 1", "try 2", "try 3"], signal.Seen);
        Assert.Equal(0, await CountAsync(queue));
        Assert.False(await Queue(name + "-poison").ExistsAsync());
    }

    [Fact]
    public async Task Listener_QueueNotCreatedYet_WaitsAndServesItOnceItExists()
    {
        string name = NewQueueName();
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.Text), name);
        await Task.Delay(300);

        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        await queue.SendMessageAsync("late");
        IReadOnlyList<string> seen = await signal.WaitForAsync(1);
        await stop();

        Assert.Equal(["late"], seen);
    }

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(4, 0, 2, 4)]
    public async Task BatchSizeAndThreshold_BoundTheRunsInFlight(int batchSize, int newBatchThreshold, int leastMost, int mostMost)
    {
        string name = NewQueueName();
        QueueClient queue = Queue(name);
        await queue.CreateAsync();
        for (int i = 0; i < 8; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }
        (QueueSignal signal, Func<Task> stop) = await ServeAsync(nameof(QueueSampleFunctions.Slow), name,
            ("AzureFunctionsJobHost:extensions:queues:batchSize", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AzureFunctionsJobHost:extensions:queues:newBatchThreshold", newBatchThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        IReadOnlyList<string> seen = await signal.WaitForAsync(8);
        await stop();

        Assert.Equal(8, seen.Distinct().Count());
        Assert.InRange(signal.MostAtOnce, leastMost, mostMost);
    }

    [Fact]
    public void Create_QueueNameFromSetting_ResolvesPercentName()
    {
        FunctionMetadata function = Function(nameof(QueueSampleFunctions.Text), "%ORDERS_QUEUE%");
        IConfiguration settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ORDERS_QUEUE"] = "orders" }).Build();

        QueueFunction queue = Assert.Single(LocalFunctionApp.Create([function], "api", settings).QueueFunctions);

        Assert.Equal("orders", queue.QueueName);
        Assert.Equal(Connection, queue.Connection);
    }

    [Fact]
    public void Create_QueueFunctionWithUnbindableParameter_RefusesToStart()
    {
        var refusal = Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create(
            [Function(nameof(QueueSampleFunctions.Unbindable), "orders")], "api", new ConfigurationBuilder().Build()));

        Assert.Contains("somethingElse", refusal.Message, StringComparison.Ordinal);
    }
}
