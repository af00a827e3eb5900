using FineTune.Core;
using FineTune.Functions.Alerts;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the body of <c>POST /api/subscriptions</c> against its contract (<see cref="SubscriptionRequest"/>), with the
/// address rules of <see cref="NotificationAddressPolicy"/> on the URL's form. What only DNS and storage can tell (where
/// the host resolves, whether the scenario exists) the function adds to the same problems.
/// </summary>
public static class SubscriptionBody
{
    private static readonly Contract<SubscriptionRequest> Plain = new(RequestJsonContext.Default.SubscriptionRequest);

    /// <summary>The body's object, for the API document.</summary>
    public static ContractObject Root => Plain.Root;

    /// <summary>The JSON path of a property of the body, for the problems the function adds.</summary>
    public static string PathOf(string clrName) => Root.Properties[Root.IndexOf(clrName)].Name;

    /// <summary>
    /// The subscription the body asks for, or every problem of its form, keyed by JSON path; and the notification URL
    /// whenever its own form is acceptable, even when another property is not, so its host can be checked at once.
    /// </summary>
    /// <param name="allowLoopbackHttp">Whether plain http to a loopback address is accepted (local development).</param>
    public static (ContractResult<SubscriptionRequest> Result, Uri? NotificationUrl) Parse(ReadOnlySpan<byte> body, bool allowLoopbackHttp)
    {
        Uri? notificationUrl = null;
        var contract = new Contract<SubscriptionRequest>(RequestJsonContext.Default.SubscriptionRequest, new ContractRules()
            .For<SubscriptionRequest>(subscription =>
            {
                if (subscription.Text(nameof(SubscriptionRequest.NotificationUrl)) is not { } text)
                {
                    return;
                }
                if (NotificationAddressPolicy.CheckUrl(text, allowLoopbackHttp, out Uri? url) is { } problem)
                {
                    subscription.Refuse(nameof(SubscriptionRequest.NotificationUrl), problem);
                }
                notificationUrl = url;
            }));
        return (contract.Read(body), notificationUrl);
    }
}
