using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Alerts;

/// <summary>The <c>Alerts</c> settings.</summary>
/// <param name="AllowLoopbackHttp">
/// <c>Alerts__AllowLoopbackHttp</c>: accept notification URLs on loopback addresses, plain http included, for local
/// development. Off by default; never turn it on in a shared deployment.
/// </param>
/// <param name="DeliveryTimeout"><c>Alerts__DeliveryTimeoutSeconds</c>: how long a receiver has to answer a delivery, 1 to 60 seconds; default 10.</param>
/// <param name="MissedDeliveryGrace">
/// <c>Alerts__MissedDeliveryGraceMinutes</c>: how long after its firing an alert not marked notified is taken as a delivery
/// lost (the writer crashed, or the queue was out, between storing the alert and enqueuing its deliveries), which the
/// monitoring timer then enqueues; 0 to 1440 minutes, default 5. The writer is a usage post or the timer itself, both done
/// well within the default.
/// </param>
/// <param name="SiteHost">
/// <c>WEBSITE_HOSTNAME</c>, which Azure sets to the function app's own host: a subscription's <c>Location</c> names it,
/// since behind the Functions host the request's host is the worker's, and Unsubscribe needs no key there. <c>null</c>
/// elsewhere, where the request's own scheme and host are the app's.
/// </param>
public sealed record AlertOptions(bool AllowLoopbackHttp, TimeSpan DeliveryTimeout, TimeSpan MissedDeliveryGrace, string? SiteHost = null)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>The default of <see cref="MissedDeliveryGrace"/>: longer than an HTTP request may run in Azure (230 seconds).</summary>
    public static readonly TimeSpan DefaultMissedDeliveryGrace = TimeSpan.FromMinutes(5);

    /// <summary>The settings in <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed or out of range.</exception>
    public static AlertOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection(Section);
        bool allowLoopbackHttp = section["AllowLoopbackHttp"] switch
        {
            null or "" => false,
            { } text when bool.TryParse(text, out bool value) => value,
            { } text => throw new InvalidOperationException($"Alerts__AllowLoopbackHttp is '{text}'; expected true or false."),
        };
        int timeoutSeconds = section["DeliveryTimeoutSeconds"] switch
        {
            null or "" => 10,
            { } text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is >= 1 and <= 60 => value,
            { } text => throw new InvalidOperationException($"Alerts__DeliveryTimeoutSeconds is '{text}'; expected a whole number from 1 to 60."),
        };
        TimeSpan missedDeliveryGrace = section["MissedDeliveryGraceMinutes"] switch
        {
            null or "" => DefaultMissedDeliveryGrace,
            { } text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= 1440 => TimeSpan.FromMinutes(value),
            { } text => throw new InvalidOperationException($"Alerts__MissedDeliveryGraceMinutes is '{text}'; expected a whole number from 0 to 1440."),
        };
        return new AlertOptions(allowLoopbackHttp, TimeSpan.FromSeconds(timeoutSeconds), missedDeliveryGrace,
            configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } site ? site : null);
    }
}
