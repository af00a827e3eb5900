using System.Security.Cryptography;
using System.Text;

namespace FineTune.Functions.Alerts;

/// <summary>The headers that let a receiver trust a delivery and deliver it once.</summary>
public static class AlertSignature
{
    /// <summary>The header carrying <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body.</summary>
    public const string SignatureHeader = "X-FineTune-Signature";

    /// <summary>The header carrying <c>&lt;alert id&gt;.&lt;subscription id&gt;</c>, the same on every retry: the receiver's idempotency key.</summary>
    public const string DeliveryHeader = "X-FineTune-Delivery";

    /// <summary>
    /// <c>sha256=&lt;hex&gt;</c>: the HMAC-SHA256 of <paramref name="body"/> keyed with the UTF-8 bytes of
    /// <paramref name="secret"/>, in lowercase hex. A receiver recomputes it over the bytes it received and compares
    /// in constant time.
    /// </summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>The idempotency key of delivering <paramref name="alertId"/> to <paramref name="subscriptionId"/>.</summary>
    public static string DeliveryId(string alertId, string subscriptionId) => $"{alertId}.{subscriptionId}";
}
