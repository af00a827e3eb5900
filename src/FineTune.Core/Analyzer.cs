namespace FineTune.Core;

/// <summary>Computes the whole <see cref="Analysis"/> of a valid scenario. Pure: no clock, no I/O.</summary>
public static class Analyzer
{
    /// <summary>The volume multipliers of the scale check.</summary>
    public static IReadOnlyList<int> ScaleMultipliers { get; } = [1, 10, 100];

    /// <summary>
    /// Analyses a scenario that <see cref="ScenarioJson.Parse"/> accepted and whose prices are all given (it names no model,
    /// or <see cref="ScenarioPrices.Resolve"/> filled them), placing its metrics in <paramref name="bands"/>
    /// (default: <see cref="BenchmarkBands.Seed"/>), with the optional <paramref name="sections"/> of economics.md section 7.
    /// The analysis lists no catalog prices.
    /// </summary>
    /// <exception cref="ArgumentException">A price the economics reads is absent: resolve the scenario's prices first.</exception>
    public static Analysis Analyze(
        Scenario scenario, IReadOnlyList<BenchmarkBand>? bands = null, AnalysisSections sections = AnalysisSections.None) =>
        Analyze(scenario, [], bands, sections);

    /// <summary>
    /// Analyses a scenario whose prices <see cref="ScenarioPrices.Resolve"/> filled from the catalog, listing the entries it
    /// took them from, placing its metrics in <paramref name="bands"/> (default: <see cref="BenchmarkBands.Seed"/>), with the
    /// optional <paramref name="sections"/> of economics.md section 7.
    /// </summary>
    public static Analysis Analyze(
        PricedScenario priced, IReadOnlyList<BenchmarkBand>? bands = null, AnalysisSections sections = AnalysisSections.None)
    {
        ArgumentNullException.ThrowIfNull(priced);
        return Analyze(priced.Scenario, priced.Prices, bands, sections);
    }

    private static Analysis Analyze(
        Scenario scenario, IReadOnlyList<PriceUsed> prices, IReadOnlyList<BenchmarkBand>? bands, AnalysisSections sections)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Approaches.Count == 0)
        {
            throw new ArgumentException("A valid scenario has at least one approach.", nameof(scenario));
        }

        bands ??= BenchmarkBands.Seed;
        ScenarioTerms terms = ScenarioTerms.Of(scenario);
        IReadOnlyList<Approach> approaches = scenario.Approaches;
        int count = approaches.Count;
        int baseline = BaselineIndex(scenario);
        Segment segment = scenario.Segment ?? Segment.AllSectors;

        Span<decimal> volumes = stackalloc decimal[terms.HorizonMonths];
        Economics.Volumes(scenario.Workload.RequestsPerMonth, terms.MonthlyGrowthRate, volumes);

        var perRequest = new PerRequestFigures[count];
        var fixedFigures = new FixedFigures[count];
        var eligible = new bool[count];
        for (int i = 0; i < count; i++)
        {
            perRequest[i] = Economics.PerRequest(approaches[i], terms);
            fixedFigures[i] = Economics.Fixed(approaches[i]);
            eligible[i] = terms.RequiredAccuracy is not decimal required || perRequest[i].Accuracy >= required;
        }

        var notes = new List<string>();
        HorizonResult[] horizon = Horizons(approaches, terms, perRequest, fixedFigures, volumes);
        int? recommended = Recommend(horizon, eligible);

        var approachResults = new ApproachAnalysis[count];
        for (int i = 0; i < count; i++)
        {
            approachResults[i] = ApproachResult(approaches[i], perRequest[i], fixedFigures[i], horizon[i], eligible[i], terms);
        }

        var breakEven = new List<BreakEven>(count - 1);
        for (int i = 0; i < count; i++)
        {
            if (i == baseline)
            {
                continue;
            }

            BreakEvenView cost = Payback.View(
                perRequest[baseline].InferenceCost - perRequest[i].InferenceCost, fixedFigures[i], fixedFigures[baseline], volumes);
            BreakEvenView quality = Payback.View(
                perRequest[baseline].EconomicCost - perRequest[i].EconomicCost, fixedFigures[i], fixedFigures[baseline], volumes);
            breakEven.Add(new BreakEven(approaches[i].Id, approaches[baseline].Id, cost, quality));
        }

        var scale = new ScaleCheck[ScaleMultipliers.Count];
        for (int s = 0; s < scale.Length; s++)
        {
            scale[s] = Scale(ScaleMultipliers[s], scenario, terms, perRequest, fixedFigures, eligible, horizon);
        }

        int featured = recommended ?? baseline;
        IReadOnlyList<BenchmarkComparison> benchmarks = Benchmark(bands, segment, approaches[featured], horizon[featured], notes);
        var whatIf = new WhatIf(scenario, terms, perRequest, fixedFigures, eligible, horizon, volumes[^1], recommended);
        Recommendation recommendation = Explanations.Recommendation(
            approaches, horizon, perRequest, eligible, recommended, baseline, breakEven, terms, whatIf);
        Explanations.AddNotes(notes, scenario, terms, approachResults, breakEven);

        return new Analysis(scenario.Name, segment, terms.HorizonMonths, horizon[0].TotalRequests, approaches[baseline].Id,
            approachResults, breakEven, recommendation, scale, benchmarks, notes, prices,
            Decision: (sections & AnalysisSections.Decision) != 0 ? whatIf.Decision() : null,
            Sensitivity: (sections & AnalysisSections.Sensitivity) != 0 ? whatIf.Sensitivity() : null,
            Timeline: (sections & AnalysisSections.Timeline) != 0 ? Timeline(approaches, perRequest, fixedFigures, baseline, volumes) : null);
    }

    /// <summary>The baseline: the one named, else the first prompt approach, else the first approach.</summary>
    public static int BaselineIndex(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyList<Approach> approaches = scenario.Approaches;
        for (int i = 0; i < approaches.Count; i++)
        {
            if (scenario.BaselineId is null ? approaches[i].Kind == ApproachKind.Prompt : approaches[i].Id == scenario.BaselineId)
            {
                return i;
            }
        }

        return scenario.BaselineId is null
            ? 0
            : throw new ArgumentException($"baselineId '{scenario.BaselineId}' names no approach.", nameof(scenario));
    }

    /// <summary>
    /// The eligible approach with the highest net value; ties go to the lower horizon cost, then to the earlier approach.
    /// Null when none is eligible.
    /// </summary>
    public static int? Recommend(ReadOnlySpan<HorizonResult> horizon, ReadOnlySpan<bool> eligible)
    {
        int? best = null;
        for (int i = 0; i < horizon.Length; i++)
        {
            if (!eligible[i])
            {
                continue;
            }

            if (best is not int b
                || horizon[i].NetValue > horizon[b].NetValue
                || (horizon[i].NetValue == horizon[b].NetValue && horizon[i].HorizonCost < horizon[b].HorizonCost))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// The eligible approach with the highest net value (dollars); ties go to the lower horizon cost, then to the earlier
    /// approach. Null when none is eligible.
    /// </summary>
    public static int? Recommend(ReadOnlySpan<decimal> netValue, ReadOnlySpan<decimal> horizonCost, ReadOnlySpan<bool> eligible)
    {
        int? best = null;
        for (int i = 0; i < netValue.Length; i++)
        {
            if (!eligible[i])
            {
                continue;
            }

            if (best is not int b
                || netValue[i] > netValue[b]
                || (netValue[i] == netValue[b] && horizonCost[i] < horizonCost[b]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// The timeline of economics.md section 7: each approach's cumulative costs at the end of every month, summed as section
    /// 3 sums the horizon (training, then requests so far x inference cost plus months x fixed cost), so that the last month
    /// equals horizon.totalCost (and totalCost + qualityCost) exactly.
    /// </summary>
    private static Timeline Timeline(
        IReadOnlyList<Approach> approaches, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures, int baseline,
        ReadOnlySpan<decimal> volumes)
    {
        int months = volumes.Length;
        var cost = new decimal[approaches.Count][];
        var allIn = new decimal[approaches.Count][];
        for (int i = 0; i < approaches.Count; i++)
        {
            PerRequestFigures p = perRequest[i];
            FixedFigures f = fixedFigures[i];
            cost[i] = new decimal[months];
            allIn[i] = new decimal[months];
            decimal requests = 0m;
            for (int m = 0; m < months; m++)
            {
                requests += volumes[m];
                // The training charged by the end of month m: the initial run, then one retraining at each of R, 2R, ... <= m.
                decimal training = f.InitialTraining + (f.RetrainsThrough(m) * f.RetrainCost);
                cost[i][m] = training + (requests * p.InferenceCost + (m + 1) * f.FixedMonthly);
                allIn[i][m] = cost[i][m] + Economics.QualityCost(p, requests);
            }
        }

        var rows = new TimelineApproach[approaches.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            TimelineAdvantage? advantage = null;
            if (i != baseline)
            {
                var inCost = new decimal[months];
                var inAllIn = new decimal[months];
                for (int m = 0; m < months; m++)
                {
                    inCost[m] = cost[baseline][m] - cost[i][m];
                    inAllIn[m] = allIn[baseline][m] - allIn[i][m];
                }

                advantage = new TimelineAdvantage(inCost, inAllIn);
            }

            rows[i] = new TimelineApproach(approaches[i].Id, cost[i], allIn[i], advantage);
        }

        return new Timeline(rows);
    }

    private static HorizonResult[] Horizons(
        IReadOnlyList<Approach> approaches, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures,
        ReadOnlySpan<decimal> volumes)
    {
        decimal totalRequests = Economics.TotalRequests(volumes);
        var horizon = new HorizonResult[approaches.Count];
        for (int i = 0; i < horizon.Length; i++)
        {
            horizon[i] = Economics.Horizon(
                approaches[i], terms, perRequest[i], fixedFigures[i], volumes.Length, volumes[0], totalRequests);
        }

        return horizon;
    }

    private static ApproachAnalysis ApproachResult(
        Approach approach, PerRequestFigures p, FixedFigures f, HorizonResult h, bool eligible, ScenarioTerms terms) => new(
        approach.Id,
        approach.Kind,
        p.Accuracy,
        eligible,
        new PerRequestCosts(p.ModelTokenCost, p.RetrievalCost, p.InferenceCost, p.VerificationCost, p.ErrorCost, p.EconomicCost,
            h.FullyLoadedCost, h.CostOfPredictivity, Economics.AllInCost(h)),
        new MonthlyCosts(f.FixedMonthly, h.MonthlyRunRate),
        new TrainingCosts(f.InitialTraining, f.RetrainCost, h.TrainingRuns),
        new HorizonFigures(h.HorizonCost, h.QualityCost, h.Revenue, h.GrossMargin, h.GrossMarginRate, h.AiCogsToRevenue, h.NetValue),
        Economics.Ratio(terms.PerUserPerMonth, p.InferenceCost),
        Economics.PerUser(terms, h));

    /// <summary>
    /// Section 3 at <paramref name="multiplier"/> times the volume. Every month's volume scales alike, so the horizon holds
    /// <paramref name="multiplier"/> times the requests of <paramref name="plain"/> (the same sum, rounded once); only the
    /// figures the scale check reports, and those the recommendation needs, are worked out.
    /// </summary>
    private static ScaleCheck Scale(
        int multiplier, Scenario scenario, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures,
        bool[] eligible, HorizonResult[] plain)
    {
        int count = plain.Length;
        decimal requestsPerMonth = scenario.Workload.RequestsPerMonth * multiplier;
        decimal totalRequests = plain[0].TotalRequests * multiplier;
        Span<decimal> netValue = stackalloc decimal[count];
        Span<decimal> horizonCost = stackalloc decimal[count];
        var rows = new ScaleApproach[count];
        for (int i = 0; i < count; i++)
        {
            ScaleApproach row;
            if (multiplier == 1)
            {
                HorizonResult h = plain[i];
                (netValue[i], horizonCost[i]) = (h.NetValue, h.HorizonCost);
                row = new ScaleApproach(scenario.Approaches[i].Id, h.FullyLoadedCost, h.MonthlyRunRate, h.AiCogsToRevenue, h.GrossMarginRate,
                    Viable(terms, h.GrossMarginRate));
            }
            else
            {
                (row, netValue[i], horizonCost[i]) = ScaledRow(
                    scenario.Approaches[i], terms, perRequest[i], fixedFigures[i], requestsPerMonth, totalRequests);
            }

            rows[i] = row;
        }

        int? recommended = Recommend(netValue, horizonCost, eligible);
        return new ScaleCheck(multiplier, requestsPerMonth, recommended is int r ? scenario.Approaches[r].Id : null, rows);
    }

    /// <summary>
    /// One approach's row of the scale check, with its net value and horizon cost. The ratios are taken per request, which is
    /// the same quotient: aiCogsToRevenue = horizonCost / revenue = fullyLoadedCost / revenue.perRequest, and
    /// grossMarginRate = (revenue - horizonCost) / revenue = 1 - aiCogsToRevenue.
    /// </summary>
    private static (ScaleApproach Row, decimal NetValue, decimal HorizonCost) ScaledRow(
        Approach approach, ScenarioTerms terms, PerRequestFigures p, FixedFigures f, decimal requestsPerMonth, decimal totalRequests)
    {
        int runs = f.RunsWithin(terms.HorizonMonths, approach.Training is not null);
        decimal horizonCost = Economics.HorizonCost(p, f, runs, terms.HorizonMonths, totalRequests);
        decimal netValue = Economics.NetValue(p, terms.ValuePerCorrectOutput, totalRequests, horizonCost, Economics.QualityCost(p, totalRequests));
        decimal fullyLoadedCost = horizonCost / totalRequests;
        decimal? aiCogsToRevenue = Economics.Ratio(fullyLoadedCost, terms.RevenuePerRequest);
        decimal? grossMarginRate = 1m - aiCogsToRevenue;
        var row = new ScaleApproach(approach.Id, fullyLoadedCost, requestsPerMonth * p.InferenceCost + f.FixedMonthly,
            aiCogsToRevenue, grossMarginRate, Viable(terms, grossMarginRate));
        return (row, netValue, horizonCost);
    }

    /// <summary>Viability needs revenue; revenue of exactly 0 earns no margin and is not viable.</summary>
    private static bool? Viable(ScenarioTerms terms, decimal? grossMarginRate) =>
        terms.RevenuePerRequest is null ? null : grossMarginRate >= terms.TargetGrossMargin;

    private static IReadOnlyList<BenchmarkComparison> Benchmark(
        IReadOnlyList<BenchmarkBand> bands, Segment segment, Approach approach, HorizonResult horizon, List<string> notes)
    {
        var comparisons = new List<BenchmarkComparison>(3);
        Add(Metric.AiCogsToRevenue, horizon.AiCogsToRevenue);
        Add(Metric.InferenceCostPerRequest, horizon.FullyLoadedCost);
        Add(Metric.ModelRoutingCoverage, approach.Routing?.Share ?? 0m);
        return comparisons;

        void Add(Metric metric, decimal? value)
        {
            if (value is not decimal v)
            {
                return;
            }

            if (Tiers.BandFor(bands, segment, metric) is { } band)
            {
                comparisons.Add(new BenchmarkComparison(metric, v, Tiers.Classify(band, v), band));
            }
            else
            {
                notes.Add($"No benchmark band exists for {Explanations.MetricName(metric)}, so it is not compared.");
            }
        }
    }
}
