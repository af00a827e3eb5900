using System.Net;
using FineTune.Functions.Http;
using FineTune.Testing;
using Microsoft.AspNetCore.Http;

namespace FineTune.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class WorkspaceTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("has space")]
    [InlineData("bad!")]
    [InlineData("slash/inside")]
    [InlineData("caf\u00e9")]
    [InlineData("\u00ff\u00fe")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Header_InvalidWorkspace_Returns400OnEveryRoute(string workspace)
    {
        ApiClient client = fixture.Client(workspace);

        Reply list = await client.SendAsync(HttpMethod.Get, "/api/scenarios");
        Reply create = await client.SendAsync(HttpMethod.Post, "/api/scenarios", Samples.SupportTriage());
        Reply analyse = await client.SendAsync(HttpMethod.Post, "/api/analyses", Samples.SupportTriage());

        list.AssertBadRequestFor("X-Workspace-Id");
        create.AssertBadRequestFor("X-Workspace-Id");
        analyse.AssertBadRequestFor("X-Workspace-Id");
    }

    // HttpClient will not send a newline in a header value, and Kestrel ends a header line at a bare LF; the test
    // server hands the value to the app as it is.
    [Theory]
    [InlineData("abc\n")]
    [InlineData("abc\r\n")]
    [InlineData("\nabc")]
    public async Task Header_WorkspaceWithNewline_Returns400Problem(string workspace)
    {
        HttpContext context = await fixture.Factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/api/scenarios";
            http.Request.Headers[ApiRequest.WorkspaceHeader] = workspace;
        });
        string body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("\"X-Workspace-Id\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_64Characters_IsAccepted()
    {
        Reply reply = await fixture.Client(new string('a', 63) + "Z").SendAsync(HttpMethod.Get, "/api/scenarios");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Header_Absent_UsesDefaultWorkspace()
    {
        HttpClient http = fixture.Factory.CreateClient();
        using var content = new ByteArrayContent(Samples.SupportTriage());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using HttpResponseMessage created = await http.PostAsync("/api/scenarios", content);
        string body = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"workspace\":\"default\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoWorkspaces_CannotGetUpdateDeleteOrListEachOthersScenarios()
    {
        ApiClient alice = fixture.Client();
        ApiClient bob = fixture.Client();
        Reply created = await alice.CreateAsync();
        string path = $"/api/scenarios/{created.Id}";

        Reply get = await bob.SendAsync(HttpMethod.Get, path);
        Reply analysis = await bob.SendAsync(HttpMethod.Get, path + "/analysis");
        Reply put = await bob.SendAsync(HttpMethod.Put, path, Samples.SupportTriage(s => s["name"] = "Bob was here"), created.ETag);
        Reply putAny = await bob.SendAsync(HttpMethod.Put, path, Samples.SupportTriage(s => s["name"] = "Bob was here"));
        Reply delete = await bob.SendAsync(HttpMethod.Delete, path, ifMatch: created.ETag);
        Reply deleteAny = await bob.SendAsync(HttpMethod.Delete, path);
        Reply bobList = await bob.SendAsync(HttpMethod.Get, "/api/scenarios");
        Reply aliceRead = await alice.SendAsync(HttpMethod.Get, path);

        get.AssertProblem(HttpStatusCode.NotFound);
        analysis.AssertProblem(HttpStatusCode.NotFound);
        put.AssertProblem(HttpStatusCode.NotFound);
        putAny.AssertProblem(HttpStatusCode.NotFound);
        delete.AssertProblem(HttpStatusCode.NotFound);
        deleteAny.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, bobList.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, aliceRead.Status);
        Assert.Equal(created.ETag, aliceRead.ETag);
        Assert.Equal("Support ticket triage", aliceRead.Json.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ScenarioRoutes_ForeignOrUnknownId_404NamesTheCallersWorkspaceAndNothingOfTheOwners()
    {
        ApiClient owner = fixture.Client("team-owner-" + Guid.NewGuid().ToString("N")[..8]);
        ApiClient caller = fixture.Client("team-a-" + Guid.NewGuid().ToString("N")[..8]);
        string foreign = (await owner.CreateAsync()).Id;
        const string unknown = "0190f5c2a1b27c3d8e9f00112233aabb";

        foreach (string id in (string[])[foreign, unknown])
        {
            string path = $"/api/scenarios/{id}";
            Reply[] replies =
            [
                await caller.SendAsync(HttpMethod.Get, path),
                await caller.SendAsync(HttpMethod.Put, path, Samples.SupportTriage()),
                await caller.SendAsync(HttpMethod.Delete, path),
                await caller.SendAsync(HttpMethod.Get, path + "/analysis"),
                await caller.SendAsync(HttpMethod.Get, path + "/comparison"),
            ];

            Assert.All(replies, reply =>
            {
                reply.AssertProblem(HttpStatusCode.NotFound);
                Assert.Equal($"No scenario {id} in workspace '{caller.Workspace}'.", reply.Json.GetProperty("detail").GetString());
                Assert.DoesNotContain(owner.Workspace, reply.Body, StringComparison.Ordinal);
            });
        }
    }
}
