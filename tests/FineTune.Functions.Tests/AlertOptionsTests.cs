using FineTune.Functions.Alerts;
using Microsoft.Extensions.Configuration;

namespace FineTune.Functions.Tests;

public sealed class AlertOptionsTests
{
    private static AlertOptions Read(params (string Key, string Value)[] settings) => AlertOptions.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData(null, 5)]
    [InlineData("", 5)]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("1440", 1440)]
    public void Read_MissedDeliveryGrace_FiveMinutesUnlessSet(string? setting, int minutes)
    {
        AlertOptions options = setting is null ? Read() : Read(("Alerts:MissedDeliveryGraceMinutes", setting));

        Assert.Equal(TimeSpan.FromMinutes(minutes), options.MissedDeliveryGrace);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1441")]
    [InlineData("2.5")]
    [InlineData("soon")]
    public void Read_MissedDeliveryGraceOutOfRange_IsRefusedNamingTheSetting(string setting)
    {
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => Read(("Alerts:MissedDeliveryGraceMinutes", setting)));

        Assert.StartsWith("Alerts__MissedDeliveryGraceMinutes", refused.Message, StringComparison.Ordinal);
    }
}
