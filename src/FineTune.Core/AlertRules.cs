using System.Globalization;

namespace FineTune.Core;

/// <summary>
/// The four alert rules of economics.md section 9, as written. Each takes a day and the days around it and returns the
/// alert that fires, or null. Days without records are missing data, never $0. Pure: no clock, no I/O.
/// </summary>
/// <remarks>
/// Choices where the specification is silent: the spike rule keeps its dollar floor when MAD is 0; the accuracy rule divides
/// the errors by the requests of the records that report errors; the pace rule takes the mean of the days with records among
/// the last 7 (no record in them, no projection) and counts the month's plan from startDate on.
/// </remarks>
public static class AlertRules
{
    /// <summary>The spike rule looks at this many days before the day.</summary>
    public const int SpikeWindowDays = 28;

    /// <summary>...of which at least this many must have records.</summary>
    public const int SpikeMinimumDays = 14;

    /// <summary>Iglewicz and Hoaglin's constant: 0.6745 x (x - median) / MAD is a z-score for normal data (0.6745 is the 75th percentile of the standard normal).</summary>
    public const decimal ModifiedZFactor = 0.6745m;

    /// <summary>Iglewicz and Hoaglin's cut-off for an outlier.</summary>
    public const decimal ModifiedZCutoff = 3.5m;

    /// <summary>The accuracy rule needs this many requests in the day, so that one wrong answer of ten is not an alert.</summary>
    public const long AccuracyMinimumRequests = 100;

    /// <summary>The pace rule projects the rest of the month at the mean of this many last days.</summary>
    public const int PaceWindowDays = 7;

    /// <summary>The stable id of the alert of <paramref name="kind"/> on <paramref name="date"/> of a scenario: <c>{scenarioId}-{yyyyMMdd}-{kind}</c>.</summary>
    public static string AlertId(string scenarioId, AlertKind kind, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioId);
        return string.Create(CultureInfo.InvariantCulture, $"{scenarioId}-{date:yyyyMMdd}-{EnumText.Of(kind)}");
    }

    /// <summary>
    /// The alerts that fire on <paramref name="date"/> when its usage arrives: over-plan, spike and accuracy, in that order.
    /// </summary>
    /// <param name="days">Every day with records known, by date; the 28 days before <paramref name="date"/> at least.</param>
    public static IReadOnlyList<Alert> OnArrival(
        MonitorPlan plan, string scenarioId, DateOnly date, IReadOnlyDictionary<DateOnly, DayUsage> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (!days.TryGetValue(date, out DayUsage? day))
        {
            return [];
        }

        return new[] { OverPlan(plan, scenarioId, day), Spike(plan, scenarioId, day, days), Accuracy(plan, scenarioId, day) }
            .OfType<Alert>()
            .ToList();
    }

    /// <summary>
    /// Over plan: actual &gt; plan x (1 + warnAbove) and actual - plan &gt;= minimumDollars; an alert above
    /// plan x (1 + alertAbove), else a warning.
    /// </summary>
    public static Alert? OverPlan(MonitorPlan plan, string scenarioId, DayUsage day)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(day);
        if (day.Actual is not decimal actual || day.Date < plan.StartDate)
        {
            return null;
        }

        decimal expected = plan.Plan(day.Date);
        decimal impact = actual - expected;
        if (actual <= expected * (1 + plan.WarnAbove) || impact < plan.MinimumDollars)
        {
            return null;
        }

        AlertSeverity severity = actual > expected * (1 + plan.AlertAbove) ? AlertSeverity.Alert : AlertSeverity.Warning;
        decimal? rate = Economics.Ratio(impact, expected);
        string message = string.Create(CultureInfo.InvariantCulture, $"{Dollars(actual)} on {Day(day.Date)}, {Above(rate, impact)} the plan of {Dollars(expected)} for that day "
            + $"(approach {plan.ApproachId}; a warning above {Percent(plan.WarnAbove)}, an alert above {Percent(plan.AlertAbove)}).");
        return Create(plan, scenarioId, AlertKind.OverPlan, severity, day.Date, actual, expected, message);
    }

    /// <summary>
    /// Spike: at least 14 of the 28 days before have records; with med and MAD their median and median absolute deviation,
    /// 0.6745 x (actual - med) / MAD &gt;= 3.5 and actual - med &gt;= minimumDollars; when MAD is 0,
    /// actual &gt; med x (1 + alertAbove) instead. Always an alert.
    /// </summary>
    /// <param name="days">Every day with records known, by date.</param>
    public static Alert? Spike(MonitorPlan plan, string scenarioId, DayUsage day, IReadOnlyDictionary<DateOnly, DayUsage> days)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(days);
        if (day.Actual is not decimal actual)
        {
            return null;
        }

        var history = new List<decimal>(SpikeWindowDays);
        for (int back = 1; back <= SpikeWindowDays; back++)
        {
            if (days.TryGetValue(day.Date.AddDays(-back), out DayUsage? before) && before.Actual is decimal spent)
            {
                history.Add(spent);
            }
        }

        if (history.Count < SpikeMinimumDays)
        {
            return null;
        }

        decimal median = Median(history);
        decimal mad = Median(history.ConvertAll(value => Math.Abs(value - median)));
        decimal impact = actual - median;
        if (impact < plan.MinimumDollars)
        {
            return null;
        }

        string window = string.Create(CultureInfo.InvariantCulture, $"the median of {Dollars(median)} a day over the {history.Count} days with records among the {SpikeWindowDays} before");
        string message;
        if (mad == 0m)
        {
            if (actual <= median * (1 + plan.AlertAbove))
            {
                return null;
            }

            message = string.Create(CultureInfo.InvariantCulture, $"{Dollars(actual)} on {Day(day.Date)}, {Above(Economics.Ratio(impact, median), impact)} {window}, "
                + $"which all spent the same (more than {Percent(plan.AlertAbove)} above it is a spike).");
        }
        else
        {
            // 0.6745 x impact / MAD >= 3.5, compared without dividing.
            if (ModifiedZFactor * impact < ModifiedZCutoff * mad)
            {
                return null;
            }

            decimal score = ModifiedZFactor * impact / mad;
            message = string.Create(CultureInfo.InvariantCulture, $"{Dollars(actual)} on {Day(day.Date)}, {Above(Economics.Ratio(impact, median), impact)} {window}: "
                + $"a modified z-score of {score:0.0} against a cut-off of {ModifiedZCutoff:0.0}.");
        }

        return Create(plan, scenarioId, AlertKind.Spike, AlertSeverity.Alert, day.Date, actual, median, message);
    }

    /// <summary>
    /// Accuracy: errors / requests &gt; 1 - requiredAccuracy, with at least 100 requests. A warning. Off without a required
    /// accuracy or when the day reports no errors.
    /// </summary>
    public static Alert? Accuracy(MonitorPlan plan, string scenarioId, DayUsage day)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(day);
        if (plan.RequiredAccuracy is not decimal required || day.Errors is not long errors || day.RequestsWithErrors < AccuracyMinimumRequests)
        {
            return null;
        }

        decimal rate = (decimal)errors / day.RequestsWithErrors;
        decimal allowed = 1m - required;
        if (rate <= allowed)
        {
            return null;
        }

        string message = string.Create(CultureInfo.InvariantCulture, $"An error rate of {Percent(rate)} on {Day(day.Date)} ({errors:#,0} errors in {day.RequestsWithErrors:#,0} requests), "
            + $"above the {Percent(allowed)} that the required accuracy of {Percent(required)} allows.");
        return Create(plan, scenarioId, AlertKind.Accuracy, AlertSeverity.Warning, day.Date, rate, allowed, message);
    }

    /// <summary>
    /// Pace, for the day <paramref name="date"/> (the timer checks the day before it runs): month-to-date actual plus the
    /// month's remaining days at the mean of the last 7 days' actuals &gt; the calendar month's plan x (1 + alertAbove).
    /// A warning.
    /// </summary>
    /// <param name="days">Every day with records known, by date; the month of <paramref name="date"/> and the 7 days to it at least.</param>
    public static Alert? Pace(MonitorPlan plan, string scenarioId, DateOnly date, IReadOnlyDictionary<DateOnly, DayUsage> days)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(days);
        if (date < plan.StartDate)
        {
            return null;
        }

        decimal recent = 0m;
        int recentDays = 0;
        for (int back = 0; back < PaceWindowDays; back++)
        {
            if (days.TryGetValue(date.AddDays(-back), out DayUsage? day) && day.Actual is decimal spent)
            {
                recent += spent;
                recentDays++;
            }
        }

        if (recentDays == 0)
        {
            return null;
        }

        var monthStart = new DateOnly(date.Year, date.Month, 1);
        decimal monthToDate = 0m;
        for (DateOnly day = monthStart; day <= date; day = day.AddDays(1))
        {
            monthToDate += days.TryGetValue(day, out DayUsage? usage) ? usage.Actual ?? 0m : 0m;
        }

        int remaining = MonitorPlan.DaysInMonth(date) - date.Day;
        decimal dailyMean = recent / recentDays;
        decimal projected = monthToDate + (remaining * dailyMean);
        decimal monthPlan = plan.PlanBetween(monthStart, monthStart.AddMonths(1).AddDays(-1));
        if (projected <= monthPlan * (1 + plan.AlertAbove))
        {
            return null;
        }

        decimal impact = projected - monthPlan;
        string message = string.Create(CultureInfo.InvariantCulture, $"{monthStart:MMMM yyyy} is on pace for {Dollars(projected)} ({Dollars(monthToDate)} through {Day(date)} "
            + $"plus {remaining} remaining days at the last {PaceWindowDays} days' mean of {Dollars(dailyMean)} a day), "
            + $"{Above(Economics.Ratio(impact, monthPlan), impact)} the month's plan of {Dollars(monthPlan)} "
            + $"(a warning above {Percent(plan.AlertAbove)}).");
        return Create(plan, scenarioId, AlertKind.Pace, AlertSeverity.Warning, date, projected, monthPlan, message);
    }

    /// <summary>The median of <paramref name="values"/>: the middle one, or the mean of the two middle ones.</summary>
    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        decimal[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Alert Create(
        MonitorPlan plan, string scenarioId, AlertKind kind, AlertSeverity severity, DateOnly date, decimal actual, decimal expected,
        string message) =>
        new(AlertId(scenarioId, kind, date), scenarioId, plan.ApproachId, kind, severity, date, actual, expected, actual - expected,
            Economics.Ratio(actual - expected, expected), message);

    /// <summary>"64% above", or without a rate (nothing was expected) "$412.10 above".</summary>
    private static string Above(decimal? rate, decimal impact) =>
        rate is decimal r ? $"{Percent(r)} above" : $"{Dollars(impact)} above";

    // Cents from a dollar up; below it, up to 4 decimals so that a small feature's plan does not read as $0.00.
    private static string Dollars(decimal value) =>
        "$" + value.ToString(Math.Abs(value) >= 1m ? "#,0.00" : "0.00##", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("#,0.#", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
