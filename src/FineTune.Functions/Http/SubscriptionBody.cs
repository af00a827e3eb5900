using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.Alerts;
using FineTune.Storage;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the body of <c>POST /api/subscriptions</c>: <c>{notificationUrl, scenarioId?, minimumSeverity?}</c>, unknown
/// and repeated properties refused, <c>null</c> taken as absent. The result holds every problem found, keyed by
/// path, so the caller can add what only storage and DNS can tell and answer them all at once.
/// </summary>
public static class SubscriptionBody
{
    /// <summary>The body's property that names the webhook.</summary>
    public const string NotificationUrl = "notificationUrl";

    /// <summary>The body's optional property that limits the alerts to one scenario.</summary>
    public const string ScenarioId = "scenarioId";

    /// <summary>The body's optional property that sets the lowest severity delivered.</summary>
    public const string MinimumSeverity = "minimumSeverity";

    private static readonly string[] Properties = [NotificationUrl, ScenarioId, MinimumSeverity];

    /// <summary>The subscription the body asks for, with the problems of its form.</summary>
    /// <param name="allowLoopbackHttp">Whether plain http to a loopback address is accepted (local development).</param>
    public static SubscriptionRequest Parse(ReadOnlySpan<byte> body, bool allowLoopbackHttp)
    {
        var request = new SubscriptionRequest();
        Dictionary<string, JsonElement>? fields;
        try
        {
            fields = ReadObject(body, request);
        }
        catch (InvalidOperationException)
        {
            // JsonElement text accessors throw this for text that is not valid UTF-8.
            request.Add("$", "The body is not valid UTF-8 text.");
            return request;
        }
        if (fields is null)
        {
            return request;
        }
        if (!fields.TryGetValue(NotificationUrl, out JsonElement url))
        {
            request.Add(NotificationUrl, "is required.");
        }
        else if (url.ValueKind != JsonValueKind.String)
        {
            request.Add(NotificationUrl, "must be a string.");
        }
        else if (NotificationAddressPolicy.CheckUrl(url.GetString()!, allowLoopbackHttp, out Uri? parsed) is { } problem)
        {
            request.Add(NotificationUrl, problem);
        }
        else
        {
            request.NotificationUrl = parsed;
        }
        if (fields.TryGetValue(ScenarioId, out JsonElement scenario))
        {
            if (scenario.ValueKind == JsonValueKind.String && ScenarioStore.IsWellFormedId(scenario.GetString()))
            {
                request.ScenarioId = scenario.GetString();
            }
            else
            {
                request.Add(ScenarioId, "must be the id of a scenario of this workspace (32 lowercase hex digits).");
            }
        }
        if (fields.TryGetValue(MinimumSeverity, out JsonElement severity))
        {
            if (severity.ValueKind == JsonValueKind.String && EnumText.TryParse(severity.GetString(), out AlertSeverity value))
            {
                request.MinimumSeverity = value;
            }
            else
            {
                request.Add(MinimumSeverity, $"must be one of {string.Join(", ", EnumText.All<AlertSeverity>())}.");
            }
        }
        return request;
    }

    private static Dictionary<string, JsonElement>? ReadObject(ReadOnlySpan<byte> body, SubscriptionRequest request)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            request.Add("$", "The body is not valid JSON.");
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            request.Add("$", "must be a JSON object.");
            return null;
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!Properties.Contains(property.Name, StringComparer.Ordinal))
            {
                request.Add(property.Name, "is not a known property.");
            }
            else if (!seen.Add(property.Name))
            {
                request.Add(property.Name, "appears more than once.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }
        return fields;
    }
}

/// <summary>A subscription as asked for, and every problem found with it so far, keyed by JSON path.</summary>
public sealed class SubscriptionRequest
{
    private readonly Dictionary<string, List<string>> problems = new(StringComparer.Ordinal);

    /// <summary>The webhook, when its form is acceptable.</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>The one scenario whose alerts are wanted; <c>null</c> for all.</summary>
    public string? ScenarioId { get; set; }

    /// <summary>The lowest severity delivered; <c>warning</c> unless the body says otherwise.</summary>
    public AlertSeverity MinimumSeverity { get; set; } = AlertSeverity.Warning;

    /// <summary>True when nothing is wrong with the request.</summary>
    public bool IsValid => problems.Count == 0;

    /// <summary>Records a problem with the value at <paramref name="path"/>.</summary>
    public void Add(string path, string message)
    {
        if (!problems.TryGetValue(path, out List<string>? messages))
        {
            problems[path] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>The 400 that lists every problem.</summary>
    public RefusalResult Refusal() => new(Problems.BadRequest(
        problems.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
        "The subscription is not valid; see errors."));
}
