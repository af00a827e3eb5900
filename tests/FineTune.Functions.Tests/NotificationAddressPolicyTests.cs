using System.Net;
using FineTune.Functions.Alerts;

namespace FineTune.Functions.Tests;

/// <summary>Which addresses and URLs may receive alerts; no network is used.</summary>
public sealed class NotificationAddressPolicyTests
{
    public static TheoryData<string> RefusedAddresses => new()
    {
        "0.0.0.0", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.100.100.200", "127.0.0.1", "127.8.9.10",
        "168.63.129.16", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.254", "192.0.0.192", "192.168.0.1",
        "198.18.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255",
        "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1", "2001:0:4136:e378::1", "100::1", "64:ff9b:1::1",
        // IPv4 inside IPv6: mapped, compatible, NAT64 and 6to4 forms of private and metadata addresses.
        "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a00:1::1",
    };

    public static TheoryData<string> PublicAddresses => new()
    {
        "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.255.255", "192.0.1.1",
        "198.51.100.7", "203.0.113.9", "2606:4700:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808",
        "2002:808:808::1",
    };

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public void Refusal_NotGloballyReachable_NamesWhatTheAddressIs(string address) =>
        Assert.NotNull(NotificationAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public void Refusal_PublicAddress_IsNull(string address) =>
        Assert.Null(NotificationAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Refusal_LoopbackWhenAllowed_IsNull(string address) =>
        Assert.Null(NotificationAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]
    public void Refusal_OtherAddressesWhenLoopbackAllowed_StillRefused(string address) =>
        Assert.NotNull(NotificationAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true));

    [Fact]
    public void CheckAddresses_OnePrivateAmongPublic_RefusesTheHost()
    {
        string? problem = NotificationAddressPolicy.CheckAddresses(
            [IPAddress.Parse("198.51.100.7"), IPAddress.Parse("10.0.0.1")], allowLoopback: false, loopbackOnly: false);

        Assert.Contains("10.0.0.1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAddresses_PlainHttpToAPublicAddress_IsRefusedEvenWhenLoopbackIsAllowed() =>
        Assert.NotNull(NotificationAddressPolicy.CheckAddresses([IPAddress.Parse("198.51.100.7")], allowLoopback: true, loopbackOnly: true));

    [Fact]
    public void CheckAddresses_PlainHttpToLoopbackWhenAllowed_IsAccepted() =>
        Assert.Null(NotificationAddressPolicy.CheckAddresses([IPAddress.Loopback], allowLoopback: true, loopbackOnly: true));

    [Theory]
    [InlineData("https://example.com/hook", false, true)]
    [InlineData("https://example.com:8443/hook?sig=a%2Bb", false, true)]
    [InlineData("http://127.0.0.1:7071/hook", false, false)]
    [InlineData("http://127.0.0.1:7071/hook", true, true)]
    [InlineData("http://example.com/hook", false, false)]
    [InlineData("ftp://example.com/hook", true, false)]
    [InlineData("https://user:pass@example.com/hook", false, false)]
    [InlineData("file:///etc/passwd", true, false)]
    [InlineData("example.com/hook", false, false)]
    [InlineData("", false, false)]
    public void CheckUrl_Form_AcceptsOnlyAbsoluteHttpsOrAllowedHttp(string text, bool allowLoopbackHttp, bool accepted)
    {
        string? problem = NotificationAddressPolicy.CheckUrl(text, allowLoopbackHttp, out Uri? url);

        Assert.Equal(accepted, problem is null);
        Assert.Equal(accepted, url is not null);
    }

    [Fact]
    public void CheckUrl_LongerThanTheLimit_IsRefused() =>
        Assert.NotNull(NotificationAddressPolicy.CheckUrl(
            "https://example.com/" + new string('a', NotificationAddressPolicy.MaxUrlLength), false, out _));
}
