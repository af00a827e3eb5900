using Azure;
using Azure.Identity;

namespace FineTune.Storage;

/// <summary>Tells a storage outage, which the caller may retry later, from a programming error.</summary>
public static class StorageFailure
{
    /// <summary>
    /// True when <paramref name="exception"/> says storage could not be reached or did not answer in time:
    /// a refused or dropped connection (status 0), a network timeout, a server-side 5xx, an identity that cannot sign
    /// in or is not (yet) allowed, throttling, or the retries of all of these together.
    /// </summary>
    /// <param name="exception">What the Azure SDK threw.</param>
    /// <param name="callerCancellation">The caller's own token: a cancellation the caller asked for is no outage.</param>
    public static bool IsUnavailable(Exception exception, CancellationToken callerCancellation = default) => exception switch
    {
        // 401 and 403: the identity is refused, as while a new role assignment propagates; 408 and 429: the service
        // is too busy to answer. All pass with time, so they are outages to the caller rather than errors of the app.
        RequestFailedException failed => failed.Status is 0 or 401 or 403 or 408 or 429 or >= 500,
        AuthenticationFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => IsUnavailable(inner, callerCancellation)),
        // Azure.Core reports a network timeout as a cancellation the caller did not ask for.
        OperationCanceledException => !callerCancellation.IsCancellationRequested,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };
}
