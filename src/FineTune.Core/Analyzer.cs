namespace FineTune.Core;

/// <summary>Computes the whole <see cref="Analysis"/> of a valid scenario. Pure: no clock, no I/O.</summary>
public static class Analyzer
{
    /// <summary>The volume multipliers of the scale check.</summary>
    public static IReadOnlyList<int> ScaleMultipliers { get; } = [1, 10, 100];

    /// <summary>
    /// Analyses a scenario that <see cref="ScenarioJson.Parse"/> accepted and whose prices are all given (it names no model,
    /// or <see cref="ScenarioPrices.Resolve"/> filled them), placing its metrics in <paramref name="bands"/>
    /// (default: <see cref="BenchmarkBands.Seed"/>). The analysis lists no catalog prices.
    /// </summary>
    /// <exception cref="ArgumentException">A price the economics reads is absent: resolve the scenario's prices first.</exception>
    public static Analysis Analyze(Scenario scenario, IReadOnlyList<BenchmarkBand>? bands = null) => Analyze(scenario, [], bands);

    /// <summary>
    /// Analyses a scenario whose prices <see cref="ScenarioPrices.Resolve"/> filled from the catalog, listing the entries it
    /// took them from, placing its metrics in <paramref name="bands"/> (default: <see cref="BenchmarkBands.Seed"/>).
    /// </summary>
    public static Analysis Analyze(PricedScenario priced, IReadOnlyList<BenchmarkBand>? bands = null)
    {
        ArgumentNullException.ThrowIfNull(priced);
        return Analyze(priced.Scenario, priced.Prices, bands);
    }

    private static Analysis Analyze(Scenario scenario, IReadOnlyList<PriceUsed> prices, IReadOnlyList<BenchmarkBand>? bands)
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
            scale[s] = Scale(ScaleMultipliers[s], scenario, terms, perRequest, fixedFigures, eligible, s == 0 ? horizon : null);
        }

        int featured = recommended ?? baseline;
        IReadOnlyList<BenchmarkComparison> benchmarks = Benchmark(bands, segment, approaches[featured], horizon[featured], notes);
        Recommendation recommendation = Explanations.Recommendation(
            approaches, horizon, perRequest, eligible, recommended, baseline, breakEven, terms);
        Explanations.AddNotes(notes, scenario, terms, approachResults, breakEven);

        return new Analysis(scenario.Name, segment, terms.HorizonMonths, horizon[0].TotalRequests, approaches[baseline].Id,
            approachResults, breakEven, recommendation, scale, benchmarks, notes, prices);
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
            h.FullyLoadedCost, h.CostOfPredictivity),
        new MonthlyCosts(f.FixedMonthly, h.MonthlyRunRate),
        new TrainingCosts(f.InitialTraining, f.RetrainCost, h.TrainingRuns),
        new HorizonFigures(h.HorizonCost, h.QualityCost, h.Revenue, h.GrossMargin, h.GrossMarginRate, h.AiCogsToRevenue, h.NetValue),
        Economics.Ratio(terms.PerUserPerMonth, p.InferenceCost));

    private static ScaleCheck Scale(
        int multiplier, Scenario scenario, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures,
        bool[] eligible, HorizonResult[]? known)
    {
        decimal requestsPerMonth = scenario.Workload.RequestsPerMonth * multiplier;
        HorizonResult[] horizon = known ?? ScaledHorizons(scenario.Approaches, terms, perRequest, fixedFigures, requestsPerMonth);
        int? recommended = Recommend(horizon, eligible);
        var rows = new ScaleApproach[horizon.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            HorizonResult h = horizon[i];
            // Viability needs revenue; revenue of exactly 0 earns no margin and is not viable.
            bool? viable = terms.RevenuePerRequest is null ? null : h.GrossMarginRate >= terms.TargetGrossMargin;
            rows[i] = new ScaleApproach(scenario.Approaches[i].Id, h.FullyLoadedCost, h.MonthlyRunRate, h.AiCogsToRevenue,
                h.GrossMarginRate, viable);
        }

        return new ScaleCheck(multiplier, requestsPerMonth, recommended is int r ? scenario.Approaches[r].Id : null, rows);
    }

    private static HorizonResult[] ScaledHorizons(
        IReadOnlyList<Approach> approaches, ScenarioTerms terms, PerRequestFigures[] perRequest, FixedFigures[] fixedFigures,
        decimal requestsPerMonth)
    {
        Span<decimal> volumes = stackalloc decimal[terms.HorizonMonths];
        Economics.Volumes(requestsPerMonth, terms.MonthlyGrowthRate, volumes);
        return Horizons(approaches, terms, perRequest, fixedFigures, volumes);
    }

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
