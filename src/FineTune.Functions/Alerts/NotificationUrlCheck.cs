using System.Net;
using System.Net.Sockets;

namespace FineTune.Functions.Alerts;

/// <summary>
/// Resolves a notification URL's host and applies <see cref="NotificationAddressPolicy"/> to every address: at
/// subscribe time, and again at each delivery's connection, since what a name resolves to can change.
/// </summary>
public sealed class NotificationUrlCheck(AlertOptions options)
{
    /// <summary>The problem with sending to <paramref name="url"/> now, or <c>null</c> when its host may be called.</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        (IReadOnlyList<IPAddress> addresses, string? problem) = await ResolveAsync(url.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        return problem ?? NotificationAddressPolicy.CheckAddresses(
            addresses, options.AllowLoopbackHttp, loopbackOnly: url.Scheme == Uri.UriSchemeHttp);
    }

    /// <summary>The addresses of <paramref name="host"/> that may be called, in the resolver's order; throws when any may not.</summary>
    /// <param name="loopbackOnly">True for plain http, which may only go to a loopback address.</param>
    /// <exception cref="HttpRequestException">The host cannot be resolved, or resolves to a refused address.</exception>
    public async Task<IReadOnlyList<IPAddress>> AllowedAddressesAsync(string host, bool loopbackOnly, CancellationToken cancellationToken = default)
    {
        (IReadOnlyList<IPAddress> addresses, string? problem) = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        problem ??= NotificationAddressPolicy.CheckAddresses(addresses, options.AllowLoopbackHttp, loopbackOnly);
        return problem is null ? addresses : throw new HttpRequestException($"Notification URL refused at delivery: {problem}");
    }

    private static async Task<(IReadOnlyList<IPAddress> Addresses, string? Problem)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.AsSpan().Trim("[]"), out IPAddress? literal))
        {
            return ([literal], null);
        }
        try
        {
            return (await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false), null);
        }
        catch (SocketException)
        {
            return ([], $"its host {host} could not be resolved.");
        }
    }
}
