namespace FineTune.Core;

/// <summary>
/// A scenario's plan for monitoring (economics.md section 9): plan(d) of the approach in production and actual(d) of
/// usage records, at each approach's own prices. Dollars throughout; nothing rounded. Pure: no clock, no I/O.
/// </summary>
/// <remarks>
/// Choices where the specification is silent: a plan month m covers the days from startDate + m months (calendar
/// arithmetic, so a plan starting on 31 January has its month 1 start on the last day of February); past the horizon the
/// volume stays at the horizon's last month, as in the payback walk; a record without spend is priced at its approach's list
/// prices with no cache or batch discount (a routed approach should send its spend).
/// </remarks>
public sealed class MonitorPlan
{
    private readonly decimal[] monthlyPlan;
    private readonly Dictionary<string, ApproachPrices> prices;

    private MonitorPlan(
        string approachId, DateOnly startDate, Monitoring? monitoring, decimal? requiredAccuracy, decimal[] monthlyPlan,
        decimal trainingCost, Dictionary<string, ApproachPrices> prices)
    {
        ApproachId = approachId;
        StartDate = startDate;
        WarnAbove = monitoring?.WarnAbove ?? ScenarioLimits.DefaultWarnAbove;
        AlertAbove = monitoring?.AlertAbove ?? ScenarioLimits.DefaultAlertAbove;
        MinimumDollars = monitoring?.MinimumDollars ?? ScenarioLimits.DefaultMinimumDollars;
        RequiredAccuracy = requiredAccuracy;
        HorizonEnd = startDate.AddMonths(monthlyPlan.Length).AddDays(-1);
        TrainingCost = trainingCost;
        this.monthlyPlan = monthlyPlan;
        this.prices = prices;
    }

    /// <summary>The approach in production, whose plan the days are compared with.</summary>
    public string ApproachId { get; }

    /// <summary>The first day of plan month 0.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The last day of the horizon: the day before startDate + horizonMonths months.</summary>
    public DateOnly HorizonEnd { get; }

    /// <summary>A day above plan by more than this fraction is a warning.</summary>
    public decimal WarnAbove { get; }

    /// <summary>A day above plan by more than this fraction is an alert.</summary>
    public decimal AlertAbove { get; }

    /// <summary>Dollars below which no day is over plan or a spike.</summary>
    public decimal MinimumDollars { get; }

    /// <summary>The scenario's required accuracy, a fraction; null, the accuracy rule is off.</summary>
    public decimal? RequiredAccuracy { get; }

    /// <summary>Training dollars of the monitored approach over the horizon: the first run and every retraining in it.</summary>
    public decimal TrainingCost { get; }

    /// <summary>
    /// The plan of <paramref name="scenario"/>, monitored from its <c>monitoring.startDate</c>, else from
    /// <paramref name="createdOn"/> (the UTC day the scenario was created).
    /// </summary>
    public static MonitorPlan Of(Scenario scenario, DateOnly createdOn)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Monitoring? monitoring = scenario.Monitoring;
        string approachId = monitoring?.ApproachId ?? DefaultApproach(scenario);
        Approach approach = scenario.Approaches.FirstOrDefault(a => a.Id == approachId)
            ?? throw new ArgumentException($"monitoring.approachId '{approachId}' names no approach.", nameof(scenario));

        ScenarioTerms terms = ScenarioTerms.Of(scenario);
        decimal inferenceCost = Economics.PerRequest(approach, terms).InferenceCost;
        FixedFigures fixedFigures = Economics.Fixed(approach);
        var volumes = new decimal[terms.HorizonMonths];
        Economics.Volumes(scenario.Workload.RequestsPerMonth, terms.MonthlyGrowthRate, volumes);
        decimal[] monthlyPlan = [.. volumes.Select(volume => volume * inferenceCost + fixedFigures.FixedMonthly)];
        int runs = fixedFigures.RunsWithin(terms.HorizonMonths, approach.Training is not null);
        decimal trainingCost = runs == 0 ? 0m : fixedFigures.InitialTraining + (runs - 1) * fixedFigures.RetrainCost;

        var prices = scenario.Approaches.ToDictionary(a => a.Id, a => ApproachPrices.Of(a, terms), StringComparer.Ordinal);
        return new MonitorPlan(approachId, monitoring?.StartDate ?? createdOn, monitoring, terms.RequiredAccuracy, monthlyPlan,
            trainingCost, prices);
    }

    /// <summary>The recommended approach, else the baseline: the approach monitored when the scenario names none.</summary>
    public static string DefaultApproach(Scenario scenario)
    {
        Analysis analysis = Analyzer.Analyze(scenario);
        return analysis.Recommendation.ApproachId ?? analysis.BaselineId;
    }

    /// <summary>The days in the calendar month of <paramref name="date"/>.</summary>
    public static int DaysInMonth(DateOnly date) => DateTime.DaysInMonth(date.Year, date.Month);

    /// <summary>m of plan(d): the whole months from startDate to <paramref name="date"/> (the largest m with startDate + m months at or before it).</summary>
    public int PlanMonth(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, StartDate);
        int months = ((date.Year - StartDate.Year) * 12) + date.Month - StartDate.Month;
        return StartDate.AddMonths(months) > date ? months - 1 : months;
    }

    /// <summary>
    /// plan(d) = (V(m) x inferenceCost + fixedMonthly) / daysInMonth(d), dollars, for a day on or after startDate; past the
    /// horizon V stays at the horizon's last month.
    /// </summary>
    public decimal Plan(DateOnly date) => monthlyPlan[Math.Min(PlanMonth(date), monthlyPlan.Length - 1)] / DaysInMonth(date);

    /// <summary>The sum of plan(d) over the days from <paramref name="from"/> through <paramref name="to"/> that are on or after startDate.</summary>
    public decimal PlanBetween(DateOnly from, DateOnly to)
    {
        decimal total = 0m;
        for (DateOnly day = from < StartDate ? StartDate : from; day <= to; day = day.AddDays(1))
        {
            total += Plan(day);
        }

        return total;
    }

    /// <summary>
    /// actual(d) of one record, dollars: its spend when given; else its tokens at its approach's prices, plus retrieval per
    /// request and a day's share of the approach's fixed monthly cost. Null, rather than a guess, when it has no spend and either
    /// gives no token count for requests it served or names an approach the scenario no longer has.
    /// </summary>
    public decimal? Actual(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Spend is decimal spend)
        {
            return spend;
        }

        bool counted = record.InputTokens is not null || record.OutputTokens is not null || record.Requests == 0;
        if (!counted || !prices.TryGetValue(record.ApproachId ?? ApproachId, out ApproachPrices? p))
        {
            return null;
        }

        long input = record.InputTokens ?? 0, cached = record.CachedInputTokens ?? 0, output = record.OutputTokens ?? 0;
        return (((input - cached) * p.InputPerMillion) + (cached * p.CachedInputPerMillion) + (output * p.OutputPerMillion))
                / Economics.TokensPerPriceUnit
            + (record.Requests * p.RetrievalCost)
            + (p.FixedMonthly / DaysInMonth(record.Date));
    }

    /// <summary>The usage of <paramref name="date"/>: its records summed.</summary>
    public DayUsage Day(DateOnly date, IEnumerable<UsageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        long requests = 0, requestsWithErrors = 0;
        long? errors = null;
        decimal? actual = null;
        int unpriced = 0;
        foreach (UsageRecord record in records)
        {
            requests += record.Requests;
            if (Actual(record) is decimal dollars)
            {
                actual = (actual ?? 0m) + dollars;
            }
            else
            {
                unpriced++;
            }

            if (record.Errors is long wrong)
            {
                errors = (errors ?? 0) + wrong;
                requestsWithErrors += record.Requests;
            }
        }

        return new DayUsage(date, requests, actual, errors, requestsWithErrors, unpriced);
    }

    /// <summary>What a record of one approach costs at the scenario's prices (all given: the scenario is priced).</summary>
    private sealed record ApproachPrices(
        decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion, decimal RetrievalCost, decimal FixedMonthly)
    {
        public static ApproachPrices Of(Approach approach, ScenarioTerms terms) => new(
            approach.Pricing!.InputPerMillion!.Value,
            approach.Pricing.CachedInputPerMillion ?? approach.Pricing.InputPerMillion.Value,
            approach.Pricing.OutputPerMillion!.Value,
            Economics.PerRequest(approach, terms).RetrievalCost,
            Economics.Fixed(approach).FixedMonthly);
    }
}
