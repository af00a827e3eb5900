using System.Net;
using PuppeteerSharp;

namespace FineTune.WebApp.Tests;

/// <summary>
/// Answers for the app as Azure does where function keys are enforced (the local host serves every level as anonymous):
/// a call to the API without the right <c>x-functions-key</c> is a 401; the page's own files need none.
/// </summary>
internal sealed class FunctionKey(string key)
{
    private int refusals;

    /// <summary>How many calls were refused.</summary>
    public int Refusals => refusals;

    /// <summary>Every call to the API that reached the app carried the key.</summary>
    public List<string> Admitted { get; } = [];

    public async Task<bool> AnswerAsync(IRequest request)
    {
        string path = new Uri(request.Url).AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api/app", StringComparison.Ordinal))
        {
            return false;
        }
        string? sent = request.Headers.FirstOrDefault(h => h.Key.Equals("x-functions-key", StringComparison.OrdinalIgnoreCase)).Value;
        if (sent == key)
        {
            lock (Admitted)
            {
                Admitted.Add(path);
            }
            return false;
        }
        Interlocked.Increment(ref refusals);
        await request.RespondAsync(new ResponseData { Status = HttpStatusCode.Unauthorized, Body = "" });
        return true;
    }
}
