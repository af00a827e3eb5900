using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Queues;

/// <summary>
/// The queue trigger settings of host.json (<c>extensions.queues</c>), with the Functions host's defaults and its
/// override convention: an app setting <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> wins over the
/// file. The local host serves queue triggers with them, and the functions that retry read them too.
/// </summary>
/// <param name="BatchSize">Messages fetched at once per function, 1 to 32; default 16.</param>
/// <param name="NewBatchThreshold">A new batch is fetched once no more than this many messages are in flight; default half the batch size times the processor count.</param>
/// <param name="MaxDequeueCount">Tries before a message moves to <c>&lt;queue&gt;-poison</c>; default 5.</param>
/// <param name="VisibilityTimeout">How long a message that failed stays invisible before its next try; default 0.</param>
/// <param name="MaxPollingInterval">The longest wait between polls of an empty queue, at least 100 ms; default 1 minute.</param>
/// <param name="MessageEncoding">How message bodies travel: base64 (the default) or as they are.</param>
public sealed record QueueHostOptions(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    QueueMessageEncoding MessageEncoding)
{
    /// <summary>The shortest wait between polls, as in the Functions host.</summary>
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a queue message can be kept invisible (the service's limit).</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The prefix of app settings that override host.json.</summary>
    public const string OverridePrefix = "AzureFunctionsJobHost";

    private const string Section = "extensions:queues";

    /// <summary>The settings of the host.json at <paramref name="hostJsonPath"/> (defaults when absent), overridden by <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed or out of range; the Functions host refuses to start on it too.</exception>
    public static QueueHostOptions Read(string hostJsonPath, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection file = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(hostJsonPath), optional: true, reloadOnChange: false)
            .Build()
            .GetSection(Section);
        IConfigurationSection overrides = configuration.GetSection($"{OverridePrefix}:{Section}");
        string? Value(string name) => overrides[name] ?? file[name];

        int batchSize = Integer(Value("batchSize"), "batchSize", 16, 1, 32);
        return new QueueHostOptions(
            batchSize,
            Integer(Value("newBatchThreshold"), "newBatchThreshold", batchSize / 2 * Environment.ProcessorCount, 0, int.MaxValue),
            Integer(Value("maxDequeueCount"), "maxDequeueCount", 5, 1, int.MaxValue),
            Duration(Value("visibilityTimeout"), "visibilityTimeout", TimeSpan.Zero, TimeSpan.Zero),
            Duration(Value("maxPollingInterval"), "maxPollingInterval", TimeSpan.FromMinutes(1), MinimumPollingInterval),
            Value("messageEncoding") switch
            {
                null => QueueMessageEncoding.Base64,
                { } text when text.Equals("base64", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.Base64,
                { } text when text.Equals("none", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.None,
                { } text => throw Invalid("messageEncoding", text, "base64 or none"),
            });
    }

    /// <summary>
    /// How long a message stays invisible after its <paramref name="dequeueCount"/>-th failed try when the function
    /// grows the wait itself: <see cref="VisibilityTimeout"/> doubled for each earlier try (1, 2, 4, 8 times), at most 7 days.
    /// </summary>
    public TimeSpan RetryDelay(long dequeueCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dequeueCount, 1);
        double factor = Math.Pow(2, Math.Min(dequeueCount - 1, 30));
        return VisibilityTimeout.Ticks * factor >= MaxVisibilityTimeout.Ticks
            ? MaxVisibilityTimeout
            : TimeSpan.FromTicks((long)(VisibilityTimeout.Ticks * factor));
    }

    private static int Integer(string? text, string name, int fallback, int minimum, int maximum) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum ? value
        : throw Invalid(name, text, $"an integer from {minimum} to {maximum}");

    private static TimeSpan Duration(string? text, string name, TimeSpan fallback, TimeSpan minimum) =>
        text is null ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && value >= minimum ? value
        : throw Invalid(name, text, $"a duration (hh:mm:ss) of at least {minimum}");

    private static InvalidOperationException Invalid(string name, string text, string expected) =>
        new($"host.json extensions.queues.{name} is '{text}'; expected {expected}.");
}
