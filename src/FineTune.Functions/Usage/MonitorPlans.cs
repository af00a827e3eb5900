using FineTune.Core;
using FineTune.Storage;

namespace FineTune.Functions.Usage;

/// <summary>The monitoring plan of a stored scenario.</summary>
public static class MonitorPlans
{
    /// <summary>The plan of a stored scenario, whose monitoring starts by default on the UTC day it was created.</summary>
    public static MonitorPlan For(StoredScenario stored, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return MonitorPlan.Of(scenario, DayOf(stored.CreatedAt));
    }

    /// <summary>The UTC day of <paramref name="time"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>The usage of each stored day, by date.</summary>
    public static Dictionary<DateOnly, DayUsage> Days(MonitorPlan plan, IEnumerable<StoredUsageDay> days)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(days);
        return days.ToDictionary(day => day.Date, day => plan.Day(day.Date, day.Records));
    }
}
