using System.Diagnostics;
using System.Net;
using FineTune.Testing;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>Storage that goes away: a dedicated Azurite stopped mid-session, and a port where nothing listens.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task ScenarioRoutes_StorageStoppedAfterUse_Return503WithRetryAfterWhileAnalysesStillWork()
    {
        using AzuriteProcess azurite = await AzuriteProcess.StartAsync();
        await using var factory = LocalHostFactory.Over(azurite.ConnectionString);
        var client = new ApiClient(factory.CreateClient(), "outage");
        Reply created = await client.CreateAsync();

        azurite.Dispose();
        var elapsed = Stopwatch.StartNew();
        Reply[] storageReplies =
        [
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}"),
            await client.SendAsync(HttpMethod.Get, "/api/scenarios"),
            await client.SendAsync(HttpMethod.Post, "/api/scenarios", Samples.SupportTriage()),
            await client.SendAsync(HttpMethod.Put, $"/api/scenarios/{created.Id}", Samples.SupportTriage(), created.ETag),
            await client.SendAsync(HttpMethod.Delete, $"/api/scenarios/{created.Id}"),
            await client.SendAsync(HttpMethod.Get, $"/api/scenarios/{created.Id}/analysis"),
            await client.SendAsync(HttpMethod.Get, "/api/health"),
        ];
        TimeSpan perRequest = elapsed.Elapsed / storageReplies.Length;
        Reply analysis = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        Assert.False(azurite.IsRunning);
        Assert.All(storageReplies, reply =>
        {
            reply.AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(reply.Headers.RetryAfter);
        });
        Assert.InRange(perRequest, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, analysis.Status);
    }

    [Fact]
    public async Task Health_NothingListening_Returns503WithRetryAfter()
    {
        await using var factory = LocalHostFactory.WithoutStorage();
        var client = new ApiClient(factory.CreateClient(), "outage");

        Reply health = await client.SendAsync(HttpMethod.Get, "/api/health");
        Reply create = await client.SendAsync(HttpMethod.Post, "/api/scenarios", Samples.SupportTriage());
        Reply analysis = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        health.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), health.Headers.RetryAfter?.Delta);
        create.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, analysis.Status);
    }
}
