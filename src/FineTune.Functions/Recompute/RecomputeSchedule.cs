using Microsoft.Extensions.Configuration;
using NCrontab;

namespace FineTune.Functions.Recompute;

/// <summary>
/// The schedule of the benchmark recompute timer, from the app setting <see cref="SettingName"/> (six-field NCRONTAB,
/// seconds first, UTC), and the slot a firing belongs to.
/// </summary>
public sealed class RecomputeSchedule
{
    /// <summary>The app setting the timer's <c>%BENCHMARK_RECOMPUTE_SCHEDULE%</c> names.</summary>
    public const string SettingName = "BENCHMARK_RECOMPUTE_SCHEDULE";

    /// <summary>Every hour on the hour, when the setting is absent.</summary>
    public const string DefaultExpression = "0 0 * * * *";

    // A timer may wake a hair before its occurrence (clock granularity); within this it still counts as reached.
    // Half a second keeps even a schedule of every second unambiguous.
    private static readonly TimeSpan EarlyFiring = TimeSpan.FromMilliseconds(500);

    // No valid six-field expression is silent for longer than a leap-year cycle (29 February comes within 8 years).
    private static readonly TimeSpan LongestGap = TimeSpan.FromDays(8 * 366);

    private readonly CrontabSchedule schedule;

    private RecomputeSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        this.schedule = schedule;
    }

    /// <summary>The NCRONTAB expression in force.</summary>
    public string Expression { get; }

    /// <summary>The schedule of <paramref name="expression"/>.</summary>
    /// <param name="settingName">The app setting it comes from, for the message of a bad expression.</param>
    /// <exception cref="FormatException">Not a six-field NCRONTAB expression.</exception>
    public static RecomputeSchedule Parse(string expression, string settingName = SettingName)
    {
        ArgumentNullException.ThrowIfNull(expression);
        CrontabSchedule schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new FormatException($"{settingName} '{expression}' is not a six-field NCRONTAB expression (seconds first).");
        return new RecomputeSchedule(expression, schedule);
    }

    /// <summary>The schedule in <paramref name="configuration"/>, <see cref="DefaultExpression"/> when the setting is absent.</summary>
    public static RecomputeSchedule FromConfiguration(IConfiguration configuration) =>
        FromConfiguration(configuration, SettingName, DefaultExpression);

    /// <summary>
    /// The schedule another timer names by <paramref name="settingName"/> in <paramref name="configuration"/>,
    /// <paramref name="defaultExpression"/> when the setting is absent: a slot of it runs once, as a recompute slot does.
    /// </summary>
    public static RecomputeSchedule FromConfiguration(IConfiguration configuration, string settingName, string defaultExpression)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[settingName] is { Length: > 0 } expression ? expression : defaultExpression, settingName);
    }

    /// <summary>
    /// The slot a firing at <paramref name="now"/> is for: the latest occurrence at or before it. A late or past-due
    /// firing belongs to the occurrence it missed, unless a later one has come since.
    /// </summary>
    public DateTimeOffset SlotAt(DateTimeOffset now)
    {
        DateTime end = now.UtcDateTime + EarlyFiring;
        for (TimeSpan window = TimeSpan.FromMinutes(1); window <= LongestGap * 2; window *= 2)
        {
            // GetNextOccurrences yields occurrences after the start and before the end; one tick more includes the end.
            DateTime? latest = schedule.GetNextOccurrences(end - window, end.AddTicks(1)).Select(o => (DateTime?)o).LastOrDefault();
            if (latest is DateTime slot)
            {
                return new DateTimeOffset(DateTime.SpecifyKind(slot, DateTimeKind.Utc));
            }
        }
        throw new InvalidOperationException($"Schedule '{Expression}' has no occurrence in the {LongestGap.TotalDays} days before {now:O}.");
    }
}
