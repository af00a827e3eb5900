using System.Globalization;

namespace FineTune.Core;

/// <summary>
/// A scenario's actual usage against its plan (economics.md section 9): each day and calendar month of a window, the
/// monitoring period to date, and a forecast of the horizon's cost. Dollars, unrounded here. Days without records are
/// missing data: their actual is null, never $0.
/// </summary>
/// <param name="ApproachId">The approach in production, whose plan the days are compared with.</param>
/// <param name="StartDate">The first day of plan month 0.</param>
/// <param name="From">The first day of <paramref name="Days"/>.</param>
/// <param name="To">The last day of <paramref name="Days"/>.</param>
/// <param name="Notes">Why a figure is null or partial.</param>
public sealed record MonitorView(
    string ApproachId,
    DateOnly StartDate,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<MonitorDay> Days,
    IReadOnlyList<MonitorMonth> Months,
    MonitorToDate ToDate,
    MonitorForecast Forecast,
    IReadOnlyList<string> Notes);

/// <summary>One day: what it cost against what the plan expected.</summary>
/// <param name="Requests">Requests of the day's records; null without records.</param>
/// <param name="Actual">actual(d), dollars; null without a record that can be priced.</param>
/// <param name="Plan">plan(d), dollars.</param>
/// <param name="Variance">Actual minus plan, dollars; null with the actual.</param>
public sealed record MonitorDay(DateOnly Date, long? Requests, decimal? Actual, decimal Plan, decimal? Variance);

/// <summary>The days of one calendar month inside the window.</summary>
/// <param name="Month">The calendar month, <c>YYYY-MM</c>.</param>
/// <param name="From">Its first day inside the window.</param>
/// <param name="To">Its last day inside the window.</param>
/// <param name="DaysWithRecords">Days of it whose actual is known.</param>
/// <param name="Requests">Requests of its records.</param>
/// <param name="Actual">The sum of the known actuals, dollars; null when no day is known.</param>
/// <param name="Plan">The sum of plan(d) over every day from <paramref name="From"/> to <paramref name="To"/>, dollars.</param>
/// <param name="Variance">Actual minus plan, dollars; null with the actual.</param>
public sealed record MonitorMonth(
    string Month, DateOnly From, DateOnly To, int DaysWithRecords, long Requests, decimal? Actual, decimal Plan, decimal? Variance);

/// <summary>The monitoring period so far: from startDate through today.</summary>
/// <param name="Through">The last day counted: today (UTC).</param>
/// <param name="Days">Days from startDate through <paramref name="Through"/>; 0 before monitoring starts.</param>
/// <param name="DaysWithRecords">Days of them whose actual is known.</param>
/// <param name="Actual">The sum of the known actuals, dollars; null when no day is known.</param>
/// <param name="Plan">The sum of plan(d) over every one of the days, dollars.</param>
/// <param name="Variance">Actual minus plan, dollars; null with the actual.</param>
public sealed record MonitorToDate(DateOnly Through, int Days, int DaysWithRecords, decimal? Actual, decimal Plan, decimal? Variance);

/// <summary>The horizon's cost as it now looks: actuals where known, the plan for every other day, training as planned.</summary>
/// <param name="HorizonEnd">The last day of the horizon.</param>
/// <param name="HorizonCost">Training as planned, plus actual(d) of every day with a known actual and plan(d) of every other day of the horizon, dollars.</param>
/// <param name="PlannedHorizonCost">Training as planned plus plan(d) of every day of the horizon, dollars.</param>
/// <param name="Variance"><paramref name="HorizonCost"/> minus <paramref name="PlannedHorizonCost"/>, dollars.</param>
public sealed record MonitorForecast(DateOnly HorizonEnd, decimal HorizonCost, decimal PlannedHorizonCost, decimal Variance);

/// <summary>Builds the <see cref="MonitorView"/>. Pure: today is an argument.</summary>
public static class MonitorReport
{
    /// <summary>The longest window of days one view shows: ten years, the longest horizon.</summary>
    public const int MaxDays = 3660;

    /// <summary>The last day a view may show: beyond the latest start date and the longest horizon.</summary>
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>The view of the days <paramref name="from"/> through <paramref name="to"/> (both on or after startDate).</summary>
    /// <param name="days">The usage of every day with records from startDate through the horizon's end and <paramref name="to"/>, by date.</param>
    /// <param name="today">The current UTC day; the period to date ends with it.</param>
    public static MonitorView Build(
        MonitorPlan plan, IReadOnlyDictionary<DateOnly, DayUsage> days, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, plan.StartDate);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);

        var dayRows = new List<MonitorDay>(to.DayNumber - from.DayNumber + 1);
        for (DateOnly date = from; date <= to; date = date.AddDays(1))
        {
            days.TryGetValue(date, out DayUsage? usage);
            decimal expected = plan.Plan(date);
            decimal? actual = usage?.Actual;
            dayRows.Add(new MonitorDay(date, usage?.Requests, actual, expected, actual - expected));
        }

        List<MonitorMonth> months = [.. dayRows.GroupBy(day => (day.Date.Year, day.Date.Month)).Select(Month)];
        var notes = new List<string>();
        MonitorToDate toDate = ToDate(plan, days, today);
        MonitorForecast forecast = Forecast(plan, days);
        AddNotes(notes, plan, days, dayRows, forecast);
        return new MonitorView(plan.ApproachId, plan.StartDate, from, to, dayRows, months, toDate, forecast, notes);
    }

    private static MonitorMonth Month(IGrouping<(int Year, int Month), MonitorDay> month)
    {
        decimal? actual = null;
        decimal expected = 0m;
        long requests = 0;
        int known = 0;
        foreach (MonitorDay day in month)
        {
            expected += day.Plan;
            requests += day.Requests ?? 0;
            if (day.Actual is decimal spent)
            {
                actual = (actual ?? 0m) + spent;
                known++;
            }
        }

        DateOnly first = month.First().Date;
        return new MonitorMonth(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, month.Last().Date, known, requests, actual,
            expected, actual - expected);
    }

    private static MonitorToDate ToDate(MonitorPlan plan, IReadOnlyDictionary<DateOnly, DayUsage> days, DateOnly today)
    {
        decimal? actual = null;
        decimal expected = 0m;
        int count = 0, known = 0;
        for (DateOnly date = plan.StartDate; date <= today; date = date.AddDays(1))
        {
            count++;
            expected += plan.Plan(date);
            if (days.TryGetValue(date, out DayUsage? usage) && usage.Actual is decimal spent)
            {
                actual = (actual ?? 0m) + spent;
                known++;
            }
        }

        return new MonitorToDate(today, count, known, actual, expected, actual - expected);
    }

    private static MonitorForecast Forecast(MonitorPlan plan, IReadOnlyDictionary<DateOnly, DayUsage> days)
    {
        decimal forecast = plan.TrainingCost, planned = plan.TrainingCost;
        for (DateOnly date = plan.StartDate; date <= plan.HorizonEnd; date = date.AddDays(1))
        {
            decimal expected = plan.Plan(date);
            planned += expected;
            forecast += days.TryGetValue(date, out DayUsage? usage) && usage.Actual is decimal spent ? spent : expected;
        }

        return new MonitorForecast(plan.HorizonEnd, forecast, planned, forecast - planned);
    }

    private static void AddNotes(
        List<string> notes, MonitorPlan plan, IReadOnlyDictionary<DateOnly, DayUsage> days, List<MonitorDay> dayRows, MonitorForecast forecast)
    {
        int unpriced = dayRows.Sum(day => days.TryGetValue(day.Date, out DayUsage? usage) ? usage.UnpricedRecords : 0);
        if (unpriced > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{unpriced} record(s) in these days have no spend and cannot be priced (no token counts, or an approach the scenario "
                + $"no longer has): they are left out of the actuals. Send spend, or the day's token counts."));
        }

        if (dayRows.All(day => day.Actual is null))
        {
            notes.Add("No usage with a known cost is recorded for these days: actual and variance are null, not 0.");
        }

        if (plan.TrainingCost > 0m)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The forecast counts training as planned ({plan.TrainingCost:0.########} dollars); usage records carry running costs only."));
        }

        if (forecast.HorizonEnd < dayRows[^1].Date)
        {
            notes.Add("Days after the horizon's end keep the plan of its last month.");
        }
    }
}
