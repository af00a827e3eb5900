using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FineTune.Functions.Http;

/// <summary>Answers an HTTP invocation that failed because storage was unreachable with 503 and Retry-After.</summary>
public sealed class StorageOutageMiddleware : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http
            && Problems.ForException(e, http.RequestAborted) is { } response)
        {
            context.GetInvocationResult().Value = response;
        }
    }
}
