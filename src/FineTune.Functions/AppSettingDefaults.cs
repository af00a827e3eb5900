using FineTune.Functions.Prices;
using FineTune.Functions.Recompute;
using FineTune.Functions.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace FineTune.Functions;

/// <summary>
/// Defaults of the app settings the function bindings name (<c>%SETTING%</c>), for a host that resolves them from its
/// own configuration. The Functions host reads them from app settings, which infra/ and local.settings.json set.
/// </summary>
public static class AppSettingDefaults
{
    /// <summary>
    /// Every default: <c>BENCHMARK_RECOMPUTE_SCHEDULE</c> hourly, <c>PRICE_REFRESH_SCHEDULE</c> daily at 03:00 UTC,
    /// <c>MONITOR_SCHEDULE</c> daily at 00:30 UTC.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        [RecomputeSchedule.SettingName] = RecomputeSchedule.DefaultExpression,
        [PriceRefreshOptions.ScheduleSettingName] = PriceRefreshOptions.DefaultSchedule,
        [MonitorSchedule.SettingName] = MonitorSchedule.DefaultExpression,
    };

    /// <summary>Adds the defaults beneath every other source, so any configured value wins.</summary>
    public static IConfigurationBuilder AddAppSettingDefaults(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
        return builder;
    }
}
