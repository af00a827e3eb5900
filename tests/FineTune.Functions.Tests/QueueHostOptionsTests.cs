using Azure.Storage.Queues;
using FineTune.Functions.Queues;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Tests;

/// <summary>host.json's queue settings: defaults, the file, and AzureFunctionsJobHost__ overrides.</summary>
public sealed class QueueHostOptionsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hostjson-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string HostJson(string queues)
    {
        string path = Path.Combine(directory, "host.json");
        File.WriteAllText(path, "{\"version\": \"2.0\", \"extensions\": {\"queues\": {" + queues + "}}}");
        return path;
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Read_NoFile_HasTheFunctionsHostDefaults()
    {
        QueueHostOptions options = QueueHostOptions.Read(Path.Combine(directory, "absent.json"), Settings());

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8 * Environment.ProcessorCount, options.NewBatchThreshold);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.Base64, options.MessageEncoding);
    }

    [Fact]
    public void Read_FileAndOverride_TheAppSettingWins()
    {
        string path = HostJson("""
            "batchSize": 4, "maxDequeueCount": 3, "visibilityTimeout": "00:00:30", "maxPollingInterval": "00:00:02", "messageEncoding": "none"
            """);

        QueueHostOptions options = QueueHostOptions.Read(path, Settings(
            ("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:01"),
            ("AzureFunctionsJobHost:extensions:queues:MaxDequeueCount", "7")));

        Assert.Equal(4, options.BatchSize);
        Assert.Equal(2 * Environment.ProcessorCount, options.NewBatchThreshold);
        Assert.Equal(7, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(1), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.None, options.MessageEncoding);
    }

    [Theory]
    [InlineData("\"batchSize\": 33")]
    [InlineData("\"batchSize\": 0")]
    [InlineData("\"maxDequeueCount\": 0")]
    [InlineData("\"maxPollingInterval\": \"00:00:00.050\"")]
    [InlineData("\"visibilityTimeout\": \"soon\"")]
    [InlineData("\"messageEncoding\": \"utf8\"")]
    public void Read_OutOfRange_RefusesToStart(string queues) =>
        Assert.Throws<InvalidOperationException>(() => QueueHostOptions.Read(HostJson(queues), Settings()));

    [Fact]
    public void Read_RepositoryHostJson_TriesFiveTimesFiveMinutesApart()
    {
        QueueHostOptions options = QueueHostOptions.Read(Testing.RepositoryRoot.Combine("host.json"), Settings());

        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(5), options.VisibilityTimeout);
    }

    [Fact]
    public void RetryDelay_FiveMinuteBase_DoublesAfterEachTry()
    {
        QueueHostOptions options = QueueHostOptions.Read(HostJson("\"visibilityTimeout\": \"00:05:00\""), Settings());

        Assert.Equal(
            [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)],
            new long[] { 1, 2, 3, 4 }.Select(options.RetryDelay));
    }

    [Fact]
    public void RetryDelay_ManyTries_StopsAtSevenDays()
    {
        QueueHostOptions options = QueueHostOptions.Read(HostJson("\"visibilityTimeout\": \"01:00:00\""), Settings());

        Assert.Equal(TimeSpan.FromDays(7), options.RetryDelay(9));
        Assert.Equal(TimeSpan.FromDays(7), options.RetryDelay(long.MaxValue));
    }
}
