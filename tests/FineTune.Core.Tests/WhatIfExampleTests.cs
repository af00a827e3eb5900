namespace FineTune.Core.Tests;

/// <summary>
/// Section 7 (decision, sensitivity, timeline) on the scenario of <see cref="WorkedExampleTests"/>, worked by hand:
/// prompt costs $0.01 a request, the fine-tune $0.002 after $1,000 of training, both 0.9 accurate, 100,000 requests a month
/// for 12 months. Over the 1,200,000 requests prompt costs $12,000 and ft $1,000 + $2,400 = $3,400; without a value per
/// correct output net value is minus the cost, so ft is recommended by $8,600.
/// </summary>
public sealed class WhatIfExampleTests
{
    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, null);

    private static readonly Approach FineTuned = new("ft", ApproachKind.FineTune, new Pricing(2m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, new Training(1_000_000, 2, 25m, 0m, 0m, 900m, 50m, null));

    private static Scenario Scenario(decimal requestsPerMonth = 100_000m, decimal? growth = null) => new(
        "Worked example", null, null, new Workload(requestsPerMonth, 12, growth), null, null, null, [Prompt, FineTuned]);

    private const AnalysisSections All = AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline;

    private static Decision DecisionOf(Scenario scenario) => Analyzer.Analyze(scenario, sections: AnalysisSections.Decision).Decision!;

    private static DecisionBoundary Line(Decision decision, string path) => Assert.Single(decision.Boundaries, b => b.Path == path);

    [Fact]
    public void Decision_MonthlyVolume_IsWhereTheTrainingStopsPayingForItself()
    {
        // NV(ft) - NV(prompt) = T x (0.01 - 0.002) - 1,000 = 0 at T = 125,000 requests over 12 months: 125,000 / 12 a month.
        // Below it prompt wins; above it ft only wins by more.
        DecisionBoundary volume = Line(DecisionOf(Scenario()), "workload.requestsPerMonth");

        Assert.Equal(100_000m, volume.Current);
        Assert.Equal(new BoundaryCrossing(125_000m / 12m, "prompt"), volume.Below);
        Assert.Null(volume.Above);
    }

    [Fact]
    public void Decision_LinearInputs_AreSolvedExactly()
    {
        Decision decision = DecisionOf(Scenario());

        // ft's input price p: 1,000 + 1,200,000 x 1,000 x p / 1e6 = 12,000 at p = 11,000 / 1,200 = 9.1666...
        Assert.Equal(new BoundaryCrossing(11_000m / 1_200m, "prompt"), Line(decision, "approaches[1].pricing.inputPerMillion").Above);
        // prompt's input price p: 1,200 x p = 3,400 at p = 2.8333...; below it prompt is the cheaper.
        Assert.Equal(new BoundaryCrossing(3_400m / 1_200m, "prompt"), Line(decision, "approaches[0].pricing.inputPerMillion").Below);
        // ft's hosting h: 3,400 + 12 x 730 x h = 12,000 at h = 8,600 / 8,760 (0.98 dollars an hour).
        Assert.Equal(8_600m / 8_760m, Line(decision, "approaches[1].hostingPerHour").Above!.Value, 26);
        // ft's data preparation d: d + 100 + 2,400 = 12,000 at d = 9,500.
        Assert.Equal(new BoundaryCrossing(9_500m, "prompt"), Line(decision, "approaches[1].training.dataPreparationCost").Above);
        // ft's training price p: 2 x p + 950 + 2,400 = 12,000 at p = 4,325.
        Assert.Equal(new BoundaryCrossing(4_325m, "prompt"), Line(decision, "approaches[1].training.trainingPerMillion").Above);
    }

    [Fact]
    public void Decision_TokenCount_ReportsTheExactRealCrossing()
    {
        // ft's input tokens t: 1,000 + 1,200,000 x t x 2 / 1e6 = 12,000 at t = 11,000 / 2.4 = 4,583.33 tokens: a whole request
        // never has that many; at 4,583 ft still wins, at 4,584 prompt does. The boundary is the real crossing.
        DecisionBoundary tokens = Line(DecisionOf(Scenario()), "approaches[1].inputTokens");

        Assert.Equal(11_000m / 2.4m, tokens.Above!.Value, 24);
        Assert.Equal("prompt", tokens.Above.RecommendedId);
        Assert.Equal("ft", StudiedInputs.RecommendationOf(StudiedInputs.With(Scenario(), "approaches[1].inputTokens", 4_583m)));
        Assert.Equal("prompt", StudiedInputs.RecommendationOf(StudiedInputs.With(Scenario(), "approaches[1].inputTokens", 4_584m)));
    }

    [Fact]
    public void Decision_Horizon_IsTheNearestWholeMonthThatDiffers()
    {
        // ft gains 800 a month against a 1,000 head start of prompt: at 1 month ft costs 1,200 and prompt 1,000, from 2 months
        // on ft is cheaper (1,400 against 2,000). The nearest whole horizon below 12 at which the answer differs is 1.
        DecisionBoundary horizon = Line(DecisionOf(Scenario()), "workload.horizonMonths");

        Assert.Equal(new BoundaryCrossing(1m, "prompt"), horizon.Below);
        Assert.Null(horizon.Above);
    }

    [Fact]
    public void Decision_Growth_IsFoundByBisectionToOneBillionth()
    {
        // At 10,000 requests a month without growth the horizon holds 120,000 requests, short of the 125,000 at which ft pays
        // for its training: prompt is recommended. Growth g gives 10,000 x (1 + (1 + g) + ... + (1 + g)^11) requests, which
        // reaches 125,000 where that sum reaches 12.5, at g of about 0.0076.
        Scenario scenario = Scenario(10_000m, 0m);
        DecisionBoundary growth = Line(DecisionOf(scenario), "workload.monthlyGrowthRate");

        decimal g = growth.Above!.Value;
        Assert.Equal("ft", growth.Above.RecommendedId);
        Assert.True(SumOfPowers(g) >= 12.5m, $"at {g} the horizon holds at least 125,000 requests");
        Assert.True(SumOfPowers(g - WhatIf.GrowthTolerance) < 12.5m, $"1e-9 below {g} it does not");
        Assert.Null(growth.Below);
    }

    private static decimal SumOfPowers(decimal growth)
    {
        decimal sum = 0m, power = 1m;
        for (int m = 0; m < 12; m++)
        {
            sum += power;
            power *= 1m + growth;
        }

        return sum;
    }

    [Fact]
    public void Decision_RequiredAccuracy_MakesEligibilityABoundary()
    {
        // With 0.85 required, ft (0.9) is excluded below 0.85 and prompt takes over: the boundary is the requirement itself,
        // although accuracy moves no net value here (no value per correct output, no cost per error).
        Scenario scenario = Scenario() with { Quality = new Quality(null, null, null, null, null, 0.85m) };
        Decision decision = DecisionOf(scenario);

        Assert.Equal(new BoundaryCrossing(0.85m, "prompt"), Line(decision, "approaches[1].accuracy").Below);
        Assert.Null(Line(decision, "approaches[1].accuracy").Above);
        // prompt losing eligibility changes nothing: ft stays.
        Assert.Contains("approaches[0].accuracy", decision.RobustTo);
    }

    [Fact]
    public void Decision_Lines_AreNearestFirstAndTheRestRobust()
    {
        // Relative distances: prompt's tokens 283.3 and price 2.833 are 71.7% away, the volume 10,416.7 is 89.6%, the horizon 1
        // is 91.7%, ft's tokens and price 358%, its preparation 956%, its training price 17,200%; inputs at 0 measure against
        // 1e-9 (ft's hosting 0.98 and fixed cost 716.67).
        Decision decision = DecisionOf(Scenario());

        Assert.Equal("ft", decision.RecommendedId);
        Assert.Equal(
            ["approaches[0].inputTokens", "approaches[0].pricing.inputPerMillion", "workload.requestsPerMonth", "workload.horizonMonths"],
            decision.Boundaries.Take(4).Select(b => b.Path));
        Assert.Equal(
            ["approaches[1].training.dataPreparationCost", "approaches[1].training.trainingPerMillion", "approaches[1].hostingPerHour",
             "approaches[1].fixedMonthlyCost"],
            decision.Boundaries.Skip(6).Select(b => b.Path));
        Assert.Equal(12_000m / 12m - 3_400m / 12m, Line(decision, "approaches[1].fixedMonthlyCost").Above!.Value, 24);
        Assert.Equal(
            ["workload.monthlyGrowthRate", "quality.valuePerCorrectOutput", "quality.costPerError", "quality.reviewRate",
             "approaches[0].accuracy", "approaches[0].outputTokens", "approaches[0].pricing.outputPerMillion",
             "approaches[0].hostingPerHour", "approaches[0].fixedMonthlyCost", "approaches[1].accuracy",
             "approaches[1].outputTokens", "approaches[1].pricing.outputPerMillion"],
            decision.RobustTo);
    }

    [Fact]
    public void Sensitivity_VolumeAndHorizon_AtFourFifthsAndSixFifths()
    {
        // 80,000 a month: T = 960,000, ft 1,000 + 1,920 = 2,920, prompt 9,600: margin 6,680.
        // 120,000 a month: T = 1,440,000, ft 3,880, prompt 14,400: margin 10,520. Swing 3,840.
        // Horizon 9.6 -> 10 months: ft 3,000, prompt 10,000: 7,000; 14.4 -> 14 months: ft 3,800, prompt 14,000: 10,200.
        IReadOnlyList<SensitivityLine> tornado = Analyzer.Analyze(Scenario(), sections: AnalysisSections.Sensitivity).Sensitivity!;

        SensitivityLine volume = Assert.Single(tornado, l => l.Path == "workload.requestsPerMonth");
        Assert.Equal(new SensitivityPoint(80_000m, "ft", 6_680m), volume.Low);
        Assert.Equal(new SensitivityPoint(120_000m, "ft", 10_520m), volume.High);
        Assert.Equal(3_840m, volume.Swing);
        SensitivityLine horizon = Assert.Single(tornado, l => l.Path == "workload.horizonMonths");
        Assert.Equal(new SensitivityPoint(10m, "ft", 7_000m), horizon.Low);
        Assert.Equal(new SensitivityPoint(14m, "ft", 10_200m), horizon.High);

        // Accuracy 0.9 x 1.2 = 1.08 is clamped to 1. prompt's 1,000 tokens at 800 and 1,200: margins 6,200 and 11,000, the
        // largest swing (4,800) with its price; they lead the tornado, then the volume, then the horizon.
        Assert.Equal(1m, Assert.Single(tornado, l => l.Path == "approaches[1].accuracy").High.Value);
        Assert.Equal(
            ["approaches[0].inputTokens", "approaches[0].pricing.inputPerMillion", "workload.requestsPerMonth", "workload.horizonMonths"],
            tornado.Take(4).Select(l => l.Path));
        Assert.Equal(4_800m, tornado[0].Swing);
    }

    [Fact]
    public void Sensitivity_OnlyOneApproachEligible_HasNoMargin()
    {
        // With 0.95 required only a 0.96-accurate ft is eligible: nothing to compare it with, so margins and swings are null.
        Scenario scenario = Scenario() with
        {
            Quality = new Quality(null, null, null, null, null, 0.95m),
            Approaches = [Prompt, FineTuned with { Accuracy = 0.96m }],
        };

        SensitivityLine volume = Assert.Single(
            Analyzer.Analyze(scenario, sections: AnalysisSections.Sensitivity).Sensitivity!, l => l.Path == "workload.requestsPerMonth");

        Assert.Equal(new SensitivityPoint(80_000m, "ft", null), volume.Low);
        Assert.Null(volume.Swing);
    }

    [Fact]
    public void Timeline_RetrainingFineTune_AddsUpMonthByMonthToTheHorizonTotal()
    {
        // ft retrains every 2 months for 50 + 50 = $100: at the end of month m it has paid 1,000 + 100 x floor(m / 2) for
        // training and 200 x (m + 1) for requests. Month 0: 1,200; month 1: 1,400; month 2: 1,700; month 11: 3,900, its
        // horizon total (6 runs: 1,000 + 5 x 100 + 2,400). Prompt: 1,000 x (m + 1).
        Scenario scenario = Scenario() with
        {
            Approaches = [Prompt, FineTuned with { Training = FineTuned.Training! with { RetrainEveryMonths = 2 } }],
        };
        Analysis analysis = Analyzer.Analyze(scenario, sections: All);

        TimelineApproach ft = analysis.Timeline!.Approaches[1];
        Assert.Equal([1_200m, 1_400m, 1_700m, 1_900m], ft.CumulativeCost.Take(4));
        Assert.Equal(3_900m, ft.CumulativeCost[^1]);
        Assert.Equal(analysis.Approaches[1].Horizon.TotalCost, ft.CumulativeCost[^1]);
        Assert.Null(analysis.Timeline.Approaches[0].Advantage);
        // The advantage is prompt's cost minus ft's: -200 at the end of month 0, 600 at the end of month 1; no quality costs,
        // so both views agree.
        Assert.Equal([-200m, 600m, 1_300m], ft.Advantage!.Cost.Take(3));
        Assert.Equal(ft.Advantage.Cost, ft.Advantage.QualityAdjusted);
    }
}
