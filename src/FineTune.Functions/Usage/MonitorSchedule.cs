using FineTune.Functions.Recompute;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace FineTune.Functions.Usage;

/// <summary>
/// The schedule of the monitoring timer, from the app setting <see cref="SettingName"/> (six-field NCRONTAB, seconds first,
/// UTC), and the slot a firing belongs to, found as the benchmark recompute finds its own.
/// </summary>
public sealed class MonitorSchedule
{
    /// <summary>The app setting the timer's <c>%MONITOR_SCHEDULE%</c> names.</summary>
    public const string SettingName = "MONITOR_SCHEDULE";

    /// <summary>Every day at 00:30 UTC, when the setting is absent: the day before is complete by then.</summary>
    public const string DefaultExpression = "0 30 0 * * *";

    private readonly RecomputeSchedule slots;

    private MonitorSchedule(RecomputeSchedule slots) => this.slots = slots;

    /// <summary>The NCRONTAB expression in force.</summary>
    public string Expression => slots.Expression;

    /// <summary>The schedule of <paramref name="expression"/>.</summary>
    /// <exception cref="FormatException">Not a six-field NCRONTAB expression.</exception>
    public static MonitorSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            throw new FormatException($"{SettingName} '{expression}' is not a six-field NCRONTAB expression (seconds first).");
        }
        return new MonitorSchedule(RecomputeSchedule.Parse(expression));
    }

    /// <summary>The schedule in <paramref name="configuration"/>, <see cref="DefaultExpression"/> when the setting is absent.</summary>
    public static MonitorSchedule FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[SettingName] is { Length: > 0 } expression ? expression : DefaultExpression);
    }

    /// <summary>The slot a firing at <paramref name="now"/> is for: the latest occurrence at or before it.</summary>
    public DateTimeOffset SlotAt(DateTimeOffset now) => slots.SlotAt(now);
}
