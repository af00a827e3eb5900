using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Primitives;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios?pageSize=&amp;continuationToken=: the caller's scenarios, a page at a time, oldest first.</summary>
public sealed class ListScenarios(ScenarioStore store)
{
    /// <summary>200 <c>{items, continuationToken}</c>; 400 for a pageSize outside 1..100 or a token this API did not issue.</summary>
    [Function(nameof(ListScenarios))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scenarios")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
        }
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        if (request.ReadIntQuery("pageSize", 1, 100, 20, out int pageSize) is { } pageSizeError)
        {
            errors["pageSize"] = [pageSizeError];
        }
        StringValues tokens = request.Query["continuationToken"];
        string? token = tokens is [{ Length: > 0 } value] ? value : null;
        if (tokens.Count > 1 || (token is not null && !ScenarioStore.IsWellFormedContinuationToken(workspace.Value, token)))
        {
            errors["continuationToken"] = ["Must be a continuationToken from a previous page of this workspace's list."];
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors);
        }
        ScenarioPage? page = await store.ListAsync(workspace.Value, pageSize, token, cancellationToken);
        return page is null ? Problems.BadRequest("continuationToken", "The continuationToken is no longer valid.") : ApiResults.Page(page);
    }
}
