using FineTune.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static FineTune.Functions.OpenApi.Operations;
using static FineTune.Functions.OpenApi.Schema;

namespace FineTune.Functions.OpenApi;

/// <summary>
/// The alert webhooks as a Power Automate webhook trigger: Subscribe is the trigger ("When a cost alert fires"), the
/// alert it delivers is the path's <c>x-ms-notification-content</c>, and Unsubscribe, which Power Automate calls by
/// the subscription's <c>Location</c> when the flow is deleted or edited, is hidden.
/// </summary>
internal static class SubscriptionOperations
{
    /// <summary>The tag of the webhook operations.</summary>
    public const string Tag = "Alerts";

    /// <summary>Adds the subscription paths.</summary>
    public static void AddTo(OpenApiPaths paths, ContractSchemas schemas)
    {
        paths.Add("/subscriptions", new OpenApiPathItem
        {
            Operations = { [OperationType.Post] = Subscribe(schemas.InlineInput(SubscriptionBody.Root)) },
            // On the path item, beside the operation: the connector schema allows it nowhere else.
            Extensions =
            {
                ["x-ms-notification-content"] = new OpenApiObject
                {
                    ["description"] = new OpenApiString("The alert that fired."),
                    ["schema"] = new OpenApiObject { ["$ref"] = new OpenApiString("#/definitions/Alert") },
                },
            },
        });
        paths.Add("/subscriptions/{id}", new OpenApiPathItem { Operations = { [OperationType.Delete] = Unsubscribe() } });
    }

    private static OpenApiOperation Subscribe(OpenApiSchema body) => new OpenApiOperation
    {
        OperationId = nameof(Functions.Subscribe),
        Summary = "When a cost alert fires",
        Description = "Triggers when one of the workspace's monitored scenarios fires a cost or quality alert (over plan, spike, "
            + "accuracy or pace). Each alert is POSTed once per subscription, signed in X-FineTune-Signature, with "
            + "X-FineTune-Delivery as its idempotency key; a failed delivery is retried, and a 410 answer ends the subscription.",
        Parameters = [Workspace()],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The webhook to call and the alerts it wants.",
            Content = { ["application/json"] = new OpenApiMediaType { Schema = body } },
            Extensions =
            {
                ["x-bodyName"] = new OpenApiString("subscription"),
                ["x-ms-summary"] = new OpenApiString("Subscription"),
                ["x-ms-visibility"] = new OpenApiString("important"),
            },
        },
        Responses = Responses(
            Json(201, "The subscription and its secret; DELETE its Location to unsubscribe.", Ref("Subscription"),
                ("Location", Header("The absolute URL that deletes the subscription; it needs no key."))),
            BadRequest("The notification URL is not https or its host resolves to a loopback, private, link-local or metadata "
                + "address; the scenario is not one of the workspace; or X-Workspace-Id is not valid."),
            PayloadTooLarge(),
            UnsupportedMediaType(),
            StorageUnavailable()),
        Extensions =
        {
            ["x-ms-trigger"] = new OpenApiString("single"),
            ["x-ms-trigger-hint"] = new OpenApiString("To see it work now, post a day of usage above the plan to a monitored scenario."),
        },
    }.Secured(Access.FunctionKey, Visibility.Important, Tag);

    private static OpenApiOperation Unsubscribe() => new OpenApiOperation
    {
        OperationId = nameof(Functions.Unsubscribe),
        Summary = "Delete an alert subscription",
        Description = "Stops the deliveries of a subscription. The id is the capability, so no key is needed; deleting one that "
            + "is already gone succeeds too.",
        Parameters =
        [
            Parameter("id", ParameterLocation.Path, "Subscription id", "The id the subscription was created with.", Visibility.Important,
                new OpenApiSchema { Type = "string" }, required: true),
        ],
        Responses = Responses(NoContent("Deleted, or there was no such subscription.")),
    }.Secured(Access.Anonymous, Visibility.Internal, Tag);
}
