using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Functions.Http;
using FineTune.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FineTune.Functions;

/// <summary>
/// POST /api/subscriptions: registers a webhook for the caller's workspace's alerts. In the connector it is the Power
/// Automate trigger "When a cost alert fires".
/// </summary>
public sealed class Subscribe(SubscriptionStore subscriptions, ScenarioStore scenarios, NotificationUrlCheck urls, AlertOptions options)
{
    private static readonly string NotificationUrl = SubscriptionBody.PathOf(nameof(SubscriptionRequest.NotificationUrl));
    private static readonly string ScenarioId = SubscriptionBody.PathOf(nameof(SubscriptionRequest.ScenarioId));

    /// <summary>
    /// 201 with the subscription, its secret and a <c>Location</c> to DELETE it; 400 naming every problem (a URL that
    /// is not https, or whose host resolves to a loopback, private, link-local or metadata address; an unknown scenario).
    /// </summary>
    [Function(nameof(Subscribe))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestValue<string> workspace = request.ReadWorkspace();
        if (workspace.IsRefused)
        {
            return workspace.Refusal;
        }
        RequestValue<(ContractResult<SubscriptionRequest>, Uri?)> read = await request.ReadJsonBodyAsync(
            body => RequestValue<(ContractResult<SubscriptionRequest>, Uri?)>.Accept(SubscriptionBody.Parse(body, options.AllowLoopbackHttp)),
            cancellationToken);
        if (read.IsRefused)
        {
            return read.Refusal;
        }
        (ContractResult<SubscriptionRequest> body, Uri? url) = read.Value;
        var errors = body.Errors.ToDictionary(StringComparer.Ordinal);
        if (url is not null && await urls.CheckAsync(url, cancellationToken) is { } problem)
        {
            errors[NotificationUrl] = [problem];
        }
        SubscriptionRequest? wanted = body.Value;
        if (wanted?.ScenarioId is { } scenarioId && await scenarios.GetAsync(workspace.Value, scenarioId, cancellationToken) is null)
        {
            errors[ScenarioId] = ["No scenario with this id in this workspace."];
        }
        if (errors.Count > 0 || wanted is null || url is null)
        {
            return Problems.BadRequest(errors, "The subscription is not valid; see errors.");
        }
        AlertSubscription created = await subscriptions.CreateAsync(
            workspace.Value, url, wanted.ScenarioId, wanted.MinimumSeverity ?? AlertSeverity.Warning, cancellationToken);
        // Absolute, as Power Automate calls it to unsubscribe; the id alone is the capability, so no key is needed.
        string origin = options.SiteHost is { } site ? $"https://{site}" : $"{request.Scheme}://{request.Host}";
        string location = $"{origin}{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{created.Id}";
        return AlertResults.Subscription(created, location);
    }
}
