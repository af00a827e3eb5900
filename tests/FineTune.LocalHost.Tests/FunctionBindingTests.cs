using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FineTune.LocalHost.Tests;

/// <summary>Functions of this test assembly, declared the way the Worker SDK would, to drive the local host's binder.</summary>
public sealed class SampleFunctions(TimerSignal signal)
{
    public Task Tick(TimerInfo timer, CancellationToken cancellationToken)
    {
        signal.Record(timer);
        return Task.CompletedTask;
    }

    public string NotAResult(Microsoft.AspNetCore.Http.HttpRequest request) => "plain";

    public Task Unbindable(TimerInfo timer, Uri somethingElse) => Task.CompletedTask;
}

/// <summary>Records timer firings.</summary>
public sealed class TimerSignal
{
    private readonly TaskCompletionSource<TimerInfo> second = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimerInfo> firings = new();

    public Task<TimerInfo> SecondFiring => second.Task;

    public IReadOnlyList<TimerInfo> Firings => [.. firings];

    public void Record(TimerInfo timer)
    {
        firings.Enqueue(timer);
        if (firings.Count == 2)
        {
            second.TrySetResult(timer);
        }
    }
}

public sealed class FunctionBindingTests
{
    private static readonly string Assembly = typeof(SampleFunctions).Assembly.GetName().Name + ".dll";

    private static FunctionMetadata Function(string name, string method, params BindingMetadata[] bindings) =>
        new(name, Assembly, $"{typeof(SampleFunctions).FullName}.{method}", bindings);

    private static BindingMetadata Timer(string schedule, bool runOnStartup = false) =>
        new("timer", "timerTrigger", "In", null, null, null, schedule, runOnStartup);

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [InlineData("queue", "Out")]
    [InlineData("blob", "Out")]
    [InlineData("http", "In")]
    [InlineData("serviceBusTrigger", "In")]
    public void Create_UnsupportedBinding_RefusesToStart(string type, string direction)
    {
        FunctionMetadata function = Function("Other", nameof(SampleFunctions.Tick),
            Timer("0 0 * * * *"), new BindingMetadata("other", type, direction, null, null, null, null, false));

        var refusal = Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create([function], "api", Settings()));

        Assert.Contains(type, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NamedHttpOutput_RefusesToStart()
    {
        FunctionMetadata function = Function("Multi", nameof(SampleFunctions.NotAResult),
            new BindingMetadata("request", "httpTrigger", "In", "Function", ["get"], "multi", null, false),
            new BindingMetadata("HttpResponse", "http", "Out", null, null, null, null, false));

        Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create([function], "api", Settings()));
    }

    [Fact]
    public void Create_UnsupportedReturnType_RefusesToStart()
    {
        FunctionMetadata function = Function("Plain", nameof(SampleFunctions.NotAResult),
            new BindingMetadata("request", "httpTrigger", "In", "Function", ["get"], "plain", null, false),
            new BindingMetadata("$return", "http", "Out", null, null, null, null, false));

        var refusal = Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create([function], "api", Settings()));

        Assert.Contains("String", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnbindableParameter_RefusesToStart()
    {
        FunctionMetadata function = Function("Odd", nameof(SampleFunctions.Unbindable), Timer("0 0 * * * *"));

        var refusal = Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create([function], "api", Settings()));

        Assert.Contains("somethingElse", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ScheduleSettingMissing_RefusesToStart()
    {
        FunctionMetadata function = Function("Tick", nameof(SampleFunctions.Tick), Timer("%MISSING_SCHEDULE%"));

        var refusal = Assert.Throws<InvalidOperationException>(() => LocalFunctionApp.Create([function], "api", Settings()));

        Assert.Contains("MISSING_SCHEDULE", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FiveFieldSchedule_RefusesToStart()
    {
        FunctionMetadata function = Function("Tick", nameof(SampleFunctions.Tick), Timer("0 * * * *"));

        Assert.Throws<NotSupportedException>(() => LocalFunctionApp.Create([function], "api", Settings()));
    }

    [Fact]
    public void Create_ScheduleFromSetting_ResolvesPercentName()
    {
        FunctionMetadata function = Function("Tick", nameof(SampleFunctions.Tick), Timer("%TICK_SCHEDULE%"));

        LocalFunctionApp app = LocalFunctionApp.Create([function], "api", Settings(("TICK_SCHEDULE", "0 30 9 * * 1")));

        TimerFunction timer = Assert.Single(app.TimerFunctions);
        Assert.Equal("0 30 9 * * 1", timer.Expression);
        Assert.Equal(new DateTime(2025, 1, 6, 9, 30, 0), timer.Schedule.GetNextOccurrence(new DateTime(2025, 1, 1)));
        Assert.Empty(app.HttpFunctions);
    }

    [Fact]
    public async Task TimerTriggerService_EverySecondSchedule_FiresTheFunctionRepeatedly()
    {
        FunctionMetadata function = Function("Tick", nameof(SampleFunctions.Tick), Timer("%TICK_SCHEDULE%"));
        LocalFunctionApp app = LocalFunctionApp.Create([function], "api", Settings(("TICK_SCHEDULE", "* * * * * *")));
        var signal = new TimerSignal();
        await using ServiceProvider services = new ServiceCollection().AddSingleton(signal).BuildServiceProvider();
        using var service = new TimerTriggerService(
            app, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<TimerTriggerService>.Instance);

        await service.StartAsync(CancellationToken.None);
        TimerInfo second = await signal.SecondFiring.WaitAsync(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        Assert.False(second.IsPastDue);
        Assert.True(second.ScheduleStatus!.Next > second.ScheduleStatus.Last);
    }
}
