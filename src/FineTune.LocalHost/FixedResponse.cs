using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace FineTune.LocalHost;

/// <summary>
/// <c>POST /_dev/fixed?bytes=N</c>, on only with <c>--fixed-endpoint</c>: reads the body and answers a fixed JSON
/// document of exactly N bytes. It is not a function; it measures what the host alone costs (the load test's floor).
/// </summary>
internal static class FixedResponse
{
    public const string Route = "/_dev/fixed";

    private const int DefaultBytes = 4096;
    private const int MaxBytes = 1024 * 1024;
    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    public static async Task HandleAsync(HttpContext context)
    {
        byte[] drain = new byte[16 * 1024];
        while (await context.Request.Body.ReadAsync(drain, context.RequestAborted) > 0)
        {
        }
        int bytes = int.TryParse(context.Request.Query["bytes"], NumberStyles.None, CultureInfo.InvariantCulture, out int requested)
            ? Math.Clamp(requested, 16, MaxBytes)
            : DefaultBytes;
        byte[] body = Bodies.GetOrAdd(bytes, static size =>
            Encoding.ASCII.GetBytes("{\"fixed\":\"" + new string('x', size - 12) + "\"}"));
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
