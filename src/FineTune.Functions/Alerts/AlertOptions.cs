using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Alerts;

/// <summary>The <c>Alerts</c> settings.</summary>
/// <param name="AllowLoopbackHttp">
/// <c>Alerts__AllowLoopbackHttp</c>: accept notification URLs on loopback addresses, plain http included, for local
/// development. Off by default; never turn it on in a shared deployment.
/// </param>
/// <param name="DeliveryTimeout"><c>Alerts__DeliveryTimeoutSeconds</c>: how long a receiver has to answer a delivery, 1 to 60 seconds; default 10.</param>
/// <param name="SiteHost">
/// <c>WEBSITE_HOSTNAME</c>, which Azure sets to the function app's own host: a subscription's <c>Location</c> names it,
/// since behind the Functions host the request's host is the worker's, and Unsubscribe needs no key there. <c>null</c>
/// elsewhere, where the request's own scheme and host are the app's.
/// </param>
public sealed record AlertOptions(bool AllowLoopbackHttp, TimeSpan DeliveryTimeout, string? SiteHost = null)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

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
        return new AlertOptions(allowLoopbackHttp, TimeSpan.FromSeconds(timeoutSeconds),
            configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } site ? site : null);
    }
}
