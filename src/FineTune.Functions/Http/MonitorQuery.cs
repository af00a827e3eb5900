using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FineTune.Functions.Http;

/// <summary>The query parameters of the monitoring functions: dates and times.</summary>
public static class MonitorQuery
{
    /// <summary>An optional <c>YYYY-MM-DD</c> parameter; <c>null</c> when valid (or absent), else the message.</summary>
    public static string? ReadDateQuery(this HttpRequest request, string name, out DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        if (!request.Query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        if (values is [{ } text] && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            value = date;
            return null;
        }
        return "Must be one date written YYYY-MM-DD.";
    }

    /// <summary>An optional RFC 3339 date and time with its offset; <c>null</c> when valid (or absent), else the message.</summary>
    public static string? ReadTimeQuery(this HttpRequest request, string name, out DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        if (!request.Query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        if (values is [{ Length: >= 20 } text] && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset time))
        {
            value = time;
            return null;
        }
        return "Must be one RFC 3339 date and time with its offset, such as 2026-11-03T00:00:00Z.";
    }
}
