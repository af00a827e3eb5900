namespace FineTune.Core.Tests;

/// <summary>
/// Scenarios small enough to work out by hand. Each test writes its arithmetic out next to the assertion,
/// so a reader can check the figure against economics.md without running anything.
/// </summary>
public sealed class WorkedExampleTests
{
    // A prompt approach: 1,000 input tokens at $10 per million = $0.01 per request, accuracy 0.9.
    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, null);

    // Training: 1,000,000 tokens x 2 epochs x $25 per million = $50 compute; + $900 data preparation + $50 evaluation.
    // initialTraining = 50 + 900 + 50 = $1,000; retrainCost = 50 + 50 = $100.
    private static readonly Training Training = new(1_000_000, 2, 25m, 0m, 0m, 900m, 50m, null);

    // A fine-tuned model: 1,000 input tokens at $2 per million = $0.002 per request, so it saves $0.008 per request.
    private static readonly Approach FineTuned = new("ft", ApproachKind.FineTune, new Pricing(2m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, Training);

    private static Scenario Scenario(decimal requestsPerMonth, params Approach[] approaches) => new(
        "Worked example", null, null, new Workload(requestsPerMonth, 12, null), null, null, null, approaches);

    [Fact]
    public void BreakEven_TextbookCase_EqualsOneTimeDeltaOverSavings()
    {
        // 100,000 requests a month, no growth, no fixed difference, no retraining.
        // Closed form: ceil(oneTimeDelta / savingsPerRequest) = ceil(1,000 / 0.008) = 125,000 requests.
        // Walk: month 0 saves 800 (balance -1,000 -> -200); month 1 needs 200 of its 800, f = 0.25 -> month 1.25,
        // 100,000 + 0.25 x 100,000 = 125,000 requests.
        Analysis analysis = Analyzer.Analyze(Scenario(100_000m, Prompt, FineTuned));

        BreakEvenView cost = Assert.Single(analysis.BreakEven).Cost;
        Assert.Equal(0.008m, cost.SavingsPerRequest);
        Assert.Equal(0m, cost.FixedMonthlyDelta);
        Assert.Equal(1000m, cost.OneTimeDelta);
        Assert.Equal(0m, cost.MinimumMonthlyRequests);
        Assert.Equal(1.25m, cost.PaybackMonths);
        Assert.Equal(125_000m, cost.BreakEvenRequests);
        Assert.Equal(decimal.Ceiling(1000m / 0.008m), cost.BreakEvenRequests);
        Assert.Equal(Verdict.WithinHorizon, cost.Verdict);
    }

    [Fact]
    public void BreakEven_HourlyHostingAtLowVolume_NeverPaysBack()
    {
        // The same fine-tune deployed on Azure at $1.70 an hour: fixedMonthly = 1.70 x 730 = $1,241.
        // At 100,000 requests a month it saves 0.008 x 100,000 = $800 a month, less than the $1,241 fee: D = -441, never.
        // It needs 1,241 / 0.008 = 155,125 requests a month before the savings cover the fee (no retraining: recurringDelta = 1,241).
        Approach hosted = FineTuned with { HostingPerHour = 1.70m };
        Analysis analysis = Analyzer.Analyze(Scenario(100_000m, Prompt, hosted));

        BreakEvenView cost = Assert.Single(analysis.BreakEven).Cost;
        Assert.Equal(1241m, cost.FixedMonthlyDelta);
        Assert.Equal(1241m, cost.RecurringDelta);
        Assert.Equal(155_125m, cost.MinimumMonthlyRequests);
        Assert.Null(cost.PaybackMonths);
        Assert.Null(cost.BreakEvenRequests);
        Assert.Equal(Verdict.Never, cost.Verdict);
        Assert.Equal("prompt", analysis.Recommendation.ApproachId);
        Assert.Contains(analysis.Notes, note => note.Contains("does not stay ahead within 50 years", StringComparison.Ordinal));
    }

    [Fact]
    public void BreakEven_HourlyHostingAtHighVolume_PaysBackInMonthZero()
    {
        // At 1,000,000 requests a month the same hosted model saves 8,000 - 1,241 = $6,759 a month:
        // f = 1,000 / 6,759 of month 0, and 1,000 / 6,759 x 1,000,000 = 147,950.87... -> 147,951 requests.
        Approach hosted = FineTuned with { HostingPerHour = 1.70m };
        Analysis analysis = Analyzer.Analyze(Scenario(1_000_000m, Prompt, hosted));

        BreakEvenView cost = Assert.Single(analysis.BreakEven).Cost;
        Assert.Equal(1000m / 6759m, cost.PaybackMonths);
        Assert.Equal(147_951m, cost.BreakEvenRequests);
        Assert.Equal(Verdict.WithinHorizon, cost.Verdict);
        Assert.Equal("ft", analysis.Recommendation.ApproachId);
    }

    [Fact]
    public void BreakEven_WithGrowth_WalksTheGrowingMonths()
    {
        // V(m) = 100,000 x 1.1^m; the training costs $2,000 (preparation raised to $1,900).
        // Month 0: V = 100,000, saves 800, balance -2,000 -> -1,200.
        // Month 1: V = 110,000, saves 880, balance -1,200 -> -320.
        // Month 2: V = 121,000, saves 968 >= 320: f = 320 / 968, payback at month 2 + 320/968;
        // requests 210,000 + 320/968 x 121,000 = 210,000 + 40,000 = 250,000.
        Approach costlier = FineTuned with { Training = Training with { DataPreparationCost = 1900m } };
        Scenario scenario = Scenario(100_000m, Prompt, costlier) with { Workload = new Workload(100_000m, 12, 0.1m) };

        BreakEvenView cost = Assert.Single(Analyzer.Analyze(scenario).BreakEven).Cost;
        Assert.Equal(2m + 320m / 968m, cost.PaybackMonths);
        Assert.Equal(250_000m, cost.BreakEvenRequests);
        Assert.Equal(Verdict.WithinHorizon, cost.Verdict);
    }

    [Fact]
    public void BreakEven_ShrinkingVolume_PaysBackAfterTheHorizonAtTheLastMonthsVolume()
    {
        // V(m) = 100,000 x 0.5^m over a 3-month horizon: 100,000, 50,000, 25,000; after it, 25,000 a month.
        // Training $2,000. Balance: -2,000 + 800 = -1,200; + 400 = -800; + 200 = -600 (end of month 2).
        // Months 3 and 4 add 200 each: -400, -200; month 5 needs all of its 200: f = 1, payback at month 6.
        // Requests: 175,000 + 25,000 + 25,000 + 25,000 = 250,000 = 2,000 / 0.008.
        Approach costlier = FineTuned with { Training = Training with { DataPreparationCost = 1900m } };
        Scenario scenario = Scenario(100_000m, Prompt, costlier) with { Workload = new Workload(100_000m, 3, -0.5m) };

        BreakEvenView cost = Assert.Single(Analyzer.Analyze(scenario).BreakEven).Cost;
        Assert.Equal(6m, cost.PaybackMonths);
        Assert.Equal(250_000m, cost.BreakEvenRequests);
        Assert.Equal(Verdict.AfterHorizon, cost.Verdict);
    }

    [Fact]
    public void BreakEven_ShrinkingVolumeBelowTheFixedDelta_NeverPaysBack()
    {
        // As above with a $300 monthly fee on the fine-tune: D = 500, 100, -100 in months 0..2, and -100 for ever after.
        // Balance -1,500, -1,400, -1,500, then only falls: never. Minimum volume 300 / 0.008 = 37,500 a month.
        Approach costlier = FineTuned with { Training = Training with { DataPreparationCost = 1900m }, FixedMonthlyCost = 300m };
        Scenario scenario = Scenario(100_000m, Prompt, costlier) with { Workload = new Workload(100_000m, 3, -0.5m) };

        BreakEvenView cost = Assert.Single(Analyzer.Analyze(scenario).BreakEven).Cost;
        Assert.Equal(37_500m, cost.MinimumMonthlyRequests);
        Assert.Null(cost.PaybackMonths);
        Assert.Equal(Verdict.Never, cost.Verdict);
    }

    [Fact]
    public void BreakEven_RetrainingInsideTheWalk_DelaysPayback()
    {
        // Retraining every 2 months costs $100 (compute 50 + evaluation 50). 50,000 requests a month save $400 a month.
        // Month 0: -1,000 + 400 = -600. Month 1: no retraining, -600 + 400 = -200.
        // Month 2: retraining, -200 - 100 = -300; then 400 >= 300: f = 0.75, payback at month 2.75,
        // requests 100,000 + 0.75 x 50,000 = 137,500 (without retraining it would be 2.5 months and 125,000).
        Approach retrained = FineTuned with { Training = Training with { RetrainEveryMonths = 2 } };
        Analysis analysis = Analyzer.Analyze(Scenario(50_000m, Prompt, retrained));

        BreakEvenView cost = Assert.Single(analysis.BreakEven).Cost;
        Assert.Equal(2.75m, cost.PaybackMonths);
        Assert.Equal(137_500m, cost.BreakEvenRequests);

        // Over 12 months it trains 1 + floor(11 / 2) = 6 times: horizonCost = 1,000 + 5 x 100 + 12 x 50,000 x 0.002 = 2,700.
        ApproachAnalysis ft = analysis.Approaches[1];
        Assert.Equal(6, ft.Training.Runs);
        Assert.Equal(2700m, ft.Horizon.TotalCost);
    }

    [Fact]
    public void BreakEven_RetrainingBeforeTheBalanceTurns_PaysBackAtTheMonthStart()
    {
        // When the baseline is the one that retrains, its retraining lifts the balance at the start of a month.
        // Baseline ft2 (retrains every month for $100) against ft (trained once), both at $0.002 a request.
        // oneTimeDelta = 1,000 - 1,000 = 0: immediate.
        // Raise ft's preparation by $150: balance -150; month 1 starts with +100 (-50), month 2 with +100 (+50): payback at 2.
        Approach ft = FineTuned with { Training = Training with { DataPreparationCost = 1050m } };
        Approach ft2 = FineTuned with { Id = "ft2", Training = Training with { RetrainEveryMonths = 1 } };
        Scenario scenario = Scenario(50_000m, ft2, ft) with { BaselineId = "ft2" };

        BreakEvenView cost = Assert.Single(Analyzer.Analyze(scenario).BreakEven).Cost;
        Assert.Equal(0m, cost.SavingsPerRequest);
        Assert.Equal(2m, cost.PaybackMonths);
        Assert.Equal(100_000m, cost.BreakEvenRequests);
    }

    [Fact]
    public void BreakEven_NoExtraOneTimeCostButDearerEveryMonth_NeverPaysBack()
    {
        // RAG has no training, so oneTimeDelta = 0 and C starts at 0: level, so "ahead" at month 0. But every month it costs more:
        // its retrieval adds 20 x 0.02 / 1e6 + 0.0001 = $0.0001004 a request and it pays $100 a month, so
        // D = 100,000 x (0.01 - 0.0101004) - 100 = -110.04: behind within month 0, and never ahead again. Not "immediate".
        Approach rag = new("rag", ApproachKind.Rag, new Pricing(10m, 0m, null), 1000, null, 0, 0.95m,
            new Retrieval(0, 20, 0.02m, 0.0001m), null, 100m, null, null);
        BreakEvenView cost = Assert.Single(Analyzer.Analyze(Scenario(100_000m, Prompt, rag)).BreakEven).Cost;

        Assert.Equal(-0.0001004m, cost.SavingsPerRequest);
        Assert.Equal(0m, cost.OneTimeDelta);
        Assert.Null(cost.PaybackMonths);
        Assert.Null(cost.BreakEvenRequests);
        Assert.Equal(Verdict.Never, cost.Verdict);
        Assert.Null(cost.MinimumMonthlyRequests);
    }

    [Fact]
    public void BreakEven_CheaperUpFrontDearerEveryMonth_IsAheadAtFirstAndNeverPaysBack()
    {
        // The baseline is the fine-tune ($1,000 of training, $0.002 a request); the prompt needs no training but costs $0.01.
        // Prompt against ft: oneTimeDelta = 0 - 1,000, so C starts at +1,000: ahead. D = 100,000 x (0.002 - 0.01) = -800 a month.
        // Month 0 ends at 1,000 - 800 = 200, still ahead; month 1 ends at 200 - 800 = -600: behind, and D < 0 for ever after.
        // The old walk stopped at month 0 and called this "immediate"; it is never.
        Scenario scenario = Scenario(100_000m, FineTuned, Prompt) with { BaselineId = "ft" };

        BreakEvenView cost = Assert.Single(Analyzer.Analyze(scenario).BreakEven).Cost;
        Assert.Equal(-0.008m, cost.SavingsPerRequest);
        Assert.Equal(-1000m, cost.OneTimeDelta);
        Assert.Null(cost.PaybackMonths);
        Assert.Equal(Verdict.Never, cost.Verdict);
    }

    [Fact]
    public void BreakEven_RetrainingDipsBelowZeroAndItRecovers_PaysBackAtTheRecovery()
    {
        // 150,000 requests a month save 150,000 x 0.008 = $1,200 a month. Training: 1,000,000 tokens x 2 epochs x $500 per
        // million = $1,000 compute; initial = 1,000 + 1,000 preparation + 500 evaluation = $2,500; each retraining (every 3
        // months) = 1,000 + 500 = $1,500.
        // C: -2,500; month 0 ends -1,300; month 1 ends -100; month 2 crosses at f = 100 / 1,200 (ahead from month 2.083),
        // ends +1,100. Month 3 starts with the retraining: 1,100 - 1,500 = -400, behind again: the crossing is forgotten.
        // Month 3 crosses at f = 400 / 1,200 = 1/3: ahead from month 3 1/3, after 3 x 150,000 + 150,000 / 3 = 500,000 requests.
        // Month 6 starts at -400 + 3 x 1,200 = 3,200 and its retraining leaves 1,700; month 9 starts at 1,700 + 3,600 - 1,500
        // = 3,800: ahead through month 11, so the payback is month 3 1/3, not 2.083.
        Approach retrained = FineTuned with { Training = new Training(1_000_000, 2, 500m, null, null, 1000m, 500m, 3) };
        Analysis analysis = Analyzer.Analyze(Scenario(150_000m, Prompt, retrained));

        BreakEvenView cost = Assert.Single(analysis.BreakEven).Cost;
        Assert.Equal(2500m, cost.OneTimeDelta);
        Assert.Equal(3m + (400m / 1200m), cost.PaybackMonths);
        Assert.Equal(500_000m, cost.BreakEvenRequests);
        Assert.Equal(Verdict.WithinHorizon, cost.Verdict);

        // recurringDelta = 0 fixed + 1,500 / 3 retraining = $500 a month; 500 / 0.008 = 62,500 requests a month.
        Assert.Equal(500m, cost.RecurringDelta);
        Assert.Equal(62_500m, cost.MinimumMonthlyRequests);
    }

    [Fact]
    public void BreakEven_RetrainingOutweighsTheSavings_ThresholdCountsIt()
    {
        // The false threshold: with the fee alone, 1,241 / 0.008 = 155,125 requests a month would look enough. Add a
        // $3,000 retraining every 2 months: recurringDelta = 1,241 + 3,000 / 2 = $2,741 a month, and
        // minimumMonthlyRequests = 2,741 / 0.008 = 342,625. At 200,000 requests a month (above the old figure) D = 1,600 - 1,241
        // = 359 a month, but every second month costs 3,000 more: C only falls, so it never pays back.
        Approach hosted = FineTuned with
        {
            HostingPerHour = 1.70m,
            Training = new Training(1_000_000, 2, 1475m, null, null, 0m, 50m, 2),
        };
        BreakEvenView cost = Assert.Single(Analyzer.Analyze(Scenario(200_000m, Prompt, hosted)).BreakEven).Cost;

        Assert.Equal(3000m, 1_000_000m * 2 * 1475m / 1_000_000m + 50m);
        Assert.Equal(2741m, cost.RecurringDelta);
        Assert.Equal(342_625m, cost.MinimumMonthlyRequests);
        Assert.Equal(Verdict.Never, cost.Verdict);
    }

    [Fact]
    public void BreakEven_SampleRagAgainstPromptOnCost_IsNeverNotImmediate()
    {
        // samples/support-triage.json: RAG needs no training (oneTimeDelta 0), but in the cost view it costs $0.0011808 more a
        // request (inference 0.0057728 against 0.004592) and $250 more a month, so it is behind from month 0 on.
        Analysis analysis = Analyzer.Analyze(Samples.Parse(Samples.SupportTriage()));

        BreakEven rag = analysis.BreakEven.Single(b => b.ApproachId == "rag");
        Assert.Equal(0.004592m - 0.0057728m, rag.Cost.SavingsPerRequest);
        Assert.Equal(250m, rag.Cost.FixedMonthlyDelta);
        Assert.Equal(Verdict.Never, rag.Cost.Verdict);
        Assert.Null(rag.Cost.PaybackMonths);

        // Once review and error costs count it saves 0.10442533... - 0.08660613... a request, about $0.0178 against $250 a
        // month: ahead from the start and for good.
        Assert.Equal(Verdict.Immediate, rag.QualityAdjusted.Verdict);
    }

    [Fact]
    public void PerRequest_RoutingCachingAndBatching_FollowSection2()
    {
        // Main model: 600 uncached x $3 + 400 cached x $0.30 + 200 output x $15 = 1,800 + 120 + 3,000 -> $0.00492.
        // Routed model (no cached price, so cached tokens at its $0.50 input price): 600 x 0.5 + 400 x 0.5 + 200 x 1.5
        //   = 300 + 200 + 300 -> $0.0008.
        // modelTokenCost = 0.75 x 0.00492 + 0.25 x 0.0008 = 0.00369 + 0.0002 = 0.00389.
        // accuracy = 0.75 x 0.9 + 0.25 x 0.8 = 0.875.
        // uncached = 0.00389 x (1 - 0.4 x 0.5) = 0.003112; inference = 0.75 x 0.003112 + 0.25 x 0.0001 = 0.002359.
        // verification = 0.05 x 3 / 60 x 60 = 0.15; error = (1 - 0.875) x (1 - 0.05) x 2 = 0.2375.
        // economic = 0.002359 + 0.15 + 0.2375 = 0.389859.
        Approach routed = new("routed", ApproachKind.Prompt, new Pricing(3m, 15m, 0.3m), 1000, 400, 200, 0.9m, null,
            new Routing(0.25m, new Pricing(0.5m, 1.5m, null), 0.8m), null, null, null);
        Scenario scenario = Scenario(10_000m, routed) with
        {
            Quality = new Quality(null, 2m, 0.05m, 3m, 60m, null),
            Optimizations = new Optimizations(0.25m, 0.0001m, 0.4m, null),
        };

        PerRequestCosts costs = Assert.Single(Analyzer.Analyze(scenario).Approaches).PerRequest;
        Assert.Equal(0.00389m, costs.ModelTokenCost);
        Assert.Equal(0.002359m, costs.InferenceCost);
        Assert.Equal(0.15m, costs.VerificationCost);
        Assert.Equal(0.2375m, costs.ErrorCost);
        Assert.Equal(0.389859m, costs.EconomicCost);
        Assert.Equal(0.875m, Analyzer.Analyze(scenario).Approaches[0].Accuracy);
    }

    [Fact]
    public void Horizon_FineTuneOverTwelveMonths_FollowsSection3()
    {
        // 100,000 requests a month for 12 months = 1,200,000 requests.
        // horizonCost = 1,000 training + 1,200,000 x 0.002 = 3,400; fullyLoadedCost = 3,400 / 1,200,000.
        // Revenue $0.01 a request: 12,000; gross margin 8,600; rate 8,600 / 12,000; AI COGS 3,400 / 12,000.
        // netValue = 1,200,000 x 0.9 x $0.05 - 3,400 - 0 = 50,600. Run rate 100,000 x 0.002 = $200.
        // Margin collapse: $30 a user / $0.002 a request = 15,000 requests a user a month.
        Scenario scenario = Scenario(100_000m, Prompt, FineTuned) with
        {
            Revenue = new Revenue(0.01m, 30m, 3000m, null),
            Quality = new Quality(0.05m, null, null, null, null, null),
        };

        ApproachAnalysis ft = Analyzer.Analyze(scenario).Approaches[1];
        Assert.Equal(1000m, ft.Training.InitialCost);
        Assert.Equal(1, ft.Training.Runs);
        Assert.Equal(3400m, ft.Horizon.TotalCost);
        Assert.Equal(3400m / 1_200_000m, ft.PerRequest.FullyLoadedCost);
        Assert.Equal(3400m / 1_200_000m / 0.9m, ft.PerRequest.CostOfPredictivity);
        Assert.Equal(12_000m, ft.Horizon.Revenue);
        Assert.Equal(8600m, ft.Horizon.GrossMargin);
        Assert.Equal(8600m / 12_000m, ft.Horizon.GrossMarginRate);
        Assert.Equal(3400m / 12_000m, ft.Horizon.AiCogsToRevenue);
        Assert.Equal(50_600m, ft.Horizon.NetValue);
        Assert.Equal(200m, ft.Monthly.RunRate);
        Assert.Equal(15_000m, ft.MarginCollapseRequestsPerUser);
    }

    [Fact]
    public void Horizon_WithoutRevenue_MarginFiguresAreNullWithANote()
    {
        Analysis analysis = Analyzer.Analyze(Scenario(100_000m, Prompt, FineTuned));

        Assert.All(analysis.Approaches, a =>
        {
            Assert.Null(a.Horizon.Revenue);
            Assert.Null(a.Horizon.GrossMargin);
            Assert.Null(a.Horizon.GrossMarginRate);
            Assert.Null(a.Horizon.AiCogsToRevenue);
            Assert.Null(a.MarginCollapseRequestsPerUser);
        });
        Assert.All(analysis.Scale.SelectMany(s => s.Approaches), a => Assert.Null(a.Viable));
        Assert.DoesNotContain(analysis.Benchmarks, b => b.Metric == Metric.AiCogsToRevenue);
        Assert.Contains(analysis.Notes, note => note.StartsWith("No revenue was given", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommendation_BelowRequiredAccuracy_ExcludesAndSaysWhy()
    {
        // The fine-tune is cheaper but only 0.85 accurate; 0.88 is required, so the prompt (0.9) is recommended.
        Approach lessAccurate = FineTuned with { Accuracy = 0.85m };
        Scenario scenario = Scenario(1_000_000m, Prompt, lessAccurate) with
        {
            Quality = new Quality(null, null, null, null, null, 0.88m),
        };

        Analysis analysis = Analyzer.Analyze(scenario);
        Assert.Equal("prompt", analysis.Recommendation.ApproachId);
        Assert.False(analysis.Approaches[1].Eligible);
        Assert.Contains(analysis.Recommendation.Reasons, r => r == "ft is excluded: its accuracy 0.85 is below the required 0.88.");
    }

    [Fact]
    public void Recommendation_NoApproachAccurateEnough_IsNullWithAReason()
    {
        Scenario scenario = Scenario(1_000_000m, Prompt, FineTuned) with
        {
            Quality = new Quality(null, null, null, null, null, 0.95m),
        };

        Recommendation recommendation = Analyzer.Analyze(scenario).Recommendation;
        Assert.Null(recommendation.ApproachId);
        Assert.StartsWith("No approach reaches the required accuracy of 0.95", recommendation.Reasons[0], StringComparison.Ordinal);
        Assert.All(Analyzer.Analyze(scenario).Scale, s => Assert.Null(s.RecommendedApproachId));
    }

    [Fact]
    public void Recommendation_TiedNetValue_GoesToTheLowerHorizonCostThenTheEarlierApproach()
    {
        // Two identical prompts tie on everything: the earlier wins. With a value per correct output that exactly
        // offsets a higher cost, net value ties and the cheaper one wins.
        Approach twin = Prompt with { Id = "twin" };
        Assert.Equal("prompt", Analyzer.Analyze(Scenario(1000m, Prompt, twin)).Recommendation.ApproachId);
        Assert.Equal("twin", Analyzer.Analyze(Scenario(1000m, twin, Prompt)).Recommendation.ApproachId);

        HorizonResult cheap = new(1m, 10m, 0m, 0m, 0m, null, null, null, null, 5m, 0m, 0);
        HorizonResult dear = cheap with { HorizonCost = 12m };
        Assert.Equal(1, Analyzer.Recommend([dear, cheap], [true, true]));
        Assert.Equal(0, Analyzer.Recommend([cheap, dear], [true, true]));
    }

    [Fact]
    public void Scale_TenAndHundredTimes_SpreadFixedCostsOverMoreRequests()
    {
        // The fine-tune's $1,000 training spreads over 1.2M, 12M and 120M requests:
        // fullyLoadedCost = 0.002 + 1,000 / (1,200,000 x k) for k = 1, 10, 100.
        Analysis analysis = Analyzer.Analyze(Scenario(100_000m, Prompt, FineTuned));

        Assert.Equal([1, 10, 100], analysis.Scale.Select(s => s.Multiplier));
        Assert.Equal([100_000m, 1_000_000m, 10_000_000m], analysis.Scale.Select(s => s.RequestsPerMonth));
        Assert.Equal(3400m / 1_200_000m, analysis.Scale[0].Approaches[1].FullyLoadedCost);
        Assert.Equal(25_000m / 12_000_000m, analysis.Scale[1].Approaches[1].FullyLoadedCost);
        Assert.Equal(241_000m / 120_000_000m, analysis.Scale[2].Approaches[1].FullyLoadedCost);
        Assert.Equal(20_000m, analysis.Scale[2].Approaches[1].MonthlyRunRate);
    }

    [Fact]
    public void Benchmarks_RecommendedApproach_IsPlacedInTheSegmentsBand()
    {
        // The fine-tune's fully loaded cost 3,400 / 1,200,000 = 0.00283 is below the enterprise band's elite 0.005.
        // It has no routing: coverage 0 is below the consumer band's low 0.30.
        Scenario scenario = Scenario(100_000m, Prompt, FineTuned) with { Segment = Core.Segment.EnterpriseAi };

        Analysis analysis = Analyzer.Analyze(scenario);
        BenchmarkComparison cost = Assert.Single(analysis.Benchmarks, b => b.Metric == Metric.InferenceCostPerRequest);
        Assert.Equal(3400m / 1_200_000m, cost.Value);
        Assert.Equal(Tier.Elite, cost.Tier);
        BenchmarkComparison routing = Assert.Single(analysis.Benchmarks, b => b.Metric == Metric.ModelRoutingCoverage);
        Assert.Equal(0m, routing.Value);
        Assert.Equal(Tier.Low, routing.Tier);
        Assert.Equal(BenchmarkBands.SeedSource, routing.Band.Source);
    }
}
