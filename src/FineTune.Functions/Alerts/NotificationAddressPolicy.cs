using System.Net;
using System.Net.Sockets;

namespace FineTune.Functions.Alerts;

/// <summary>
/// Where alerts may be POSTed (api.md, "Alerts to webhooks"): an absolute https URL whose host is a public address,
/// so that a subscriber cannot make the app call into its own network or a cloud metadata service. Loopback addresses,
/// and plain http to them, only when the deployment allows it for local development.
/// </summary>
public static class NotificationAddressPolicy
{
    /// <summary>The longest notification URL accepted; a Logic Apps callback URL is a few hundred characters.</summary>
    public const int MaxUrlLength = 2048;

    // (network, prefix length, what it is). Every range IANA's special-purpose registries mark as not globally
    // reachable, or that a cloud uses for its metadata, except the documentation ranges, which route nowhere.
    private static readonly (IPAddress Network, int Bits, string What)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "an unspecified (this network) address"),
        (IPAddress.Parse("10.0.0.0"), 8, "a private address"),
        (IPAddress.Parse("100.64.0.0"), 10, "a shared (carrier-grade NAT) address, where some clouds keep their metadata"),
        (IPAddress.Parse("127.0.0.0"), 8, "a loopback address"),
        (IPAddress.Parse("168.63.129.16"), 32, "a cloud metadata address"),
        (IPAddress.Parse("169.254.0.0"), 16, "a link-local address, where cloud metadata services live"),
        (IPAddress.Parse("172.16.0.0"), 12, "a private address"),
        (IPAddress.Parse("192.0.0.0"), 24, "an IETF protocol address"),
        (IPAddress.Parse("192.168.0.0"), 16, "a private address"),
        (IPAddress.Parse("198.18.0.0"), 15, "a benchmarking address"),
        (IPAddress.Parse("224.0.0.0"), 4, "a multicast address"),
        (IPAddress.Parse("240.0.0.0"), 4, "a reserved or broadcast address"),
    ];

    private static readonly (IPAddress Network, int Bits, string What)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 128, "an unspecified address"),
        (IPAddress.Parse("::1"), 128, "a loopback address"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "a local-use NAT64 address"),
        (IPAddress.Parse("100::"), 64, "a discard-only address"),
        (IPAddress.Parse("2001::"), 32, "a Teredo tunnel address"),
        (IPAddress.Parse("fc00::"), 7, "a unique-local address, where some clouds keep their metadata"),
        (IPAddress.Parse("fe80::"), 10, "a link-local address"),
        (IPAddress.Parse("fec0::"), 10, "a site-local address"),
        (IPAddress.Parse("ff00::"), 8, "a multicast address"),
    ];

    // IPv6 prefixes that carry an IPv4 address, which must pass the IPv4 rules: (prefix, its length, the IPv4's offset).
    private static readonly (IPAddress Network, int Bits, int V4Offset)[] EmbeddingV6 =
    [
        (IPAddress.Parse("::ffff:0:0"), 96, 12),  // IPv4-mapped
        (IPAddress.Parse("::"), 96, 12),          // IPv4-compatible (deprecated)
        (IPAddress.Parse("64:ff9b::"), 96, 12),   // NAT64
        (IPAddress.Parse("2002::"), 16, 2),       // 6to4
    ];

    /// <summary>
    /// The problem with <paramref name="text"/> as a notification URL, or <c>null</c> with <paramref name="url"/> set
    /// when its form is acceptable (its host's addresses are checked by <see cref="CheckAddresses"/>).
    /// </summary>
    /// <param name="allowLoopbackHttp">Whether plain http is accepted (to a loopback address only: local development).</param>
    public static string? CheckUrl(string text, bool allowLoopbackHttp, out Uri? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        url = null;
        if (text.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters.";
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed) || parsed.IsFile || parsed.IsUnc || string.IsNullOrEmpty(parsed.Host))
        {
            return "must be an absolute https URL.";
        }
        bool http = parsed.Scheme == Uri.UriSchemeHttp;
        if (parsed.Scheme != Uri.UriSchemeHttps && !(http && allowLoopbackHttp))
        {
            return allowLoopbackHttp ? "must be an https URL, or http to a loopback address." : "must be an https URL.";
        }
        if (parsed.UserInfo.Length > 0)
        {
            return "must not carry a user name or password.";
        }
        url = parsed;
        return null;
    }

    /// <summary>
    /// The problem with sending to a host that resolves to <paramref name="addresses"/>, or <c>null</c> when every one
    /// of them may be called: a host with one refused address is refused whole, as DNS may answer with either.
    /// </summary>
    /// <param name="allowLoopback">Whether loopback addresses are accepted (local development).</param>
    /// <param name="loopbackOnly">True for plain http, which may only go to a loopback address.</param>
    public static string? CheckAddresses(IReadOnlyCollection<IPAddress> addresses, bool allowLoopback, bool loopbackOnly)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            return "its host has no address.";
        }
        foreach (IPAddress address in addresses)
        {
            if (Refusal(address, allowLoopback) is { } refusal)
            {
                return $"its host resolves to {address}, {refusal}.";
            }
            if (loopbackOnly && !IPAddress.IsLoopback(Unmapped(address)))
            {
                return "must be an https URL: plain http goes only to a loopback address.";
            }
        }
        return null;
    }

    /// <summary>What <paramref name="address"/> is when alerts may not be sent to it, or <c>null</c> when they may.</summary>
    /// <param name="allowLoopback">Whether loopback addresses are accepted (local development).</param>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Unmapped(address);
        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback ? null : "a loopback address";
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return RefusedV4.FirstOrDefault(range => InRange(address, range.Network, range.Bits)).What;
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }
        foreach ((IPAddress network, int bits, int offset) in EmbeddingV6)
        {
            if (InRange(address, network, bits) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback))
            {
                var embedded = new IPAddress(address.GetAddressBytes().AsSpan(offset, 4));
                return Refusal(embedded, allowLoopback: false) is { } inner ? $"{inner} inside an IPv6 address" : null;
            }
        }
        return RefusedV6.FirstOrDefault(range => InRange(address, range.Network, range.Bits)).What;
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool InRange(IPAddress address, IPAddress network, int bits)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }
        Span<byte> value = stackalloc byte[16];
        Span<byte> prefix = stackalloc byte[16];
        address.TryWriteBytes(value, out int length);
        network.TryWriteBytes(prefix, out _);
        int whole = bits / 8;
        if (!value[..whole].SequenceEqual(prefix[..whole]))
        {
            return false;
        }
        int rest = bits % 8;
        return rest == 0 || whole >= length || (value[whole] >> (8 - rest)) == (prefix[whole] >> (8 - rest));
    }
}
