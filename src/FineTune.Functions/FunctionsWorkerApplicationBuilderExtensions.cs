using FineTune.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;

namespace FineTune.Functions;

/// <summary>The worker middleware of the function app, which the Functions host (Program.cs) runs every invocation through.</summary>
public static class FunctionsWorkerApplicationBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="StorageOutageMiddleware"/>: an HTTP invocation that failed because storage was unreachable is
    /// answered by <see cref="Problems.ForException"/>, the mapping the local host applies to the same functions.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder UseFineTuneMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseMiddleware<StorageOutageMiddleware>();
        return builder;
    }
}
