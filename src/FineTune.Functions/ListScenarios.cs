using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>GET /api/scenarios?pageSize=&amp;continuationToken=: the caller's scenarios, a page at a time, oldest first.</summary>
public sealed class ListScenarios(ScenarioStore store)
{
    /// <summary>
    /// 200 <c>{items, continuationToken}</c>, every row as stored (one that today's rules would refuse included); 400 for
    /// a pageSize outside 1..100 or a token this API did not issue.
    /// </summary>
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
        RequestValue<PageQuery> query = request.ReadPageQuery(workspace.Value);
        if (query.IsRefused)
        {
            return query.Refusal;
        }
        ScenarioPage? page = await store.ListAsync(workspace.Value, query.Value.PageSize, query.Value.ContinuationToken, cancellationToken);
        return page is null ? Problems.BadRequest("continuationToken", "The continuationToken is no longer valid.") : ApiResults.Page(page);
    }
}
