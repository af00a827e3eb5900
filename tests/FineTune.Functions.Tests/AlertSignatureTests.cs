using System.Text;
using FineTune.Functions.Alerts;

namespace FineTune.Functions.Tests;

public sealed class AlertSignatureTests
{
    [Fact]
    public void Sign_Rfc4231TestCase2_IsTheKnownHmac() =>
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal(
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            AlertSignature.Sign("Jefe", "what do ya want for nothing?"u8));

    [Fact]
    public void Sign_OneByteChanged_ChangesTheSignature()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"actual":123.45678901}""");
        string signature = AlertSignature.Sign("secret", body);
        body[^2] = (byte)'2';

        Assert.NotEqual(signature, AlertSignature.Sign("secret", body));
    }

    [Fact]
    public void DeliveryId_IsAlertIdDotSubscriptionId() =>
        Assert.Equal("a1.0123456789abcdef0123456789abcdef", AlertSignature.DeliveryId("a1", "0123456789abcdef0123456789abcdef"));
}
