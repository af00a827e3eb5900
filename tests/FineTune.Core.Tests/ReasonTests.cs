using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>
/// The reasons of a recommendation, read as the person deciding reads them: they name the figures that decided, the
/// threshold that would flip the answer, and how the choice pays back, and every one of them is true.
/// </summary>
public sealed partial class ReasonTests
{
    // prompt: $0.01 a request. ft: $0.002 a request after $1,000 of training (the approaches of WorkedExampleTests).
    private static readonly Approach Prompt = new("prompt", ApproachKind.Prompt, new Pricing(10m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, null);

    private static readonly Approach FineTuned = new("ft", ApproachKind.FineTune, new Pricing(2m, 0m, null), 1000, null, 0, 0.9m,
        null, null, null, null, new Training(1_000_000, 2, 25m, 0m, 0m, 900m, 50m, null));

    private static Scenario Scenario(decimal requestsPerMonth, params Approach[] approaches) => new(
        "Reasons", null, null, new Workload(requestsPerMonth, 12, null), null, null, null, approaches);

    private static IReadOnlyList<string> ReasonsOf(Scenario scenario) => Analyzer.Analyze(scenario).Recommendation.Reasons;

    [Fact]
    public void Reasons_NoValuePerCorrectOutput_SayWhatCostsLeastAndWhereVolumeFlipsIt()
    {
        // Over 1,200,000 requests ft costs 1,000 + 2,400 = $3,400 and prompt $12,000. ft stays ahead while
        // 12 x V x 0.008 >= 1,000, that is V >= 10,416.67 a month: rounded up to 4 digits, 10,420 (at 10,420 ft still wins).
        // Payback: month 0 saves 800 of the 1,000, month 1 the last 200 after a quarter of its 100,000 requests.
        Assert.Equal(
            [
                "ft costs least over the 12-month horizon: $3,400.00, $8,600.00 less than prompt ($12,000.00).",
                "ft stays the best choice unless monthly requests fall below 10,420 (then prompt).",
                "Against the baseline prompt, ft saves $0.008 a request and pays back after 1.25 months (125,000 requests). "
                    + "Without review or error costs, both views agree.",
            ],
            ReasonsOf(Scenario(100_000m, Prompt, FineTuned)));
    }

    [Fact]
    public void Reasons_PaybackInsideMonthZero_SayWithinTheFirstMonth()
    {
        // Hosted at $1.70 an hour (1,241 a month) on 1,000,000 requests a month, ft gains 8,000 - 1,241 = 6,759 in month 0 and
        // recovers its 1,000 after 1,000 / 6,759 of it: 147,951 requests. Its fee is covered from 1,241 / 0.008 = 155,125 a month.
        IReadOnlyList<string> reasons = ReasonsOf(Scenario(1_000_000m, Prompt, FineTuned with { HostingPerHour = 1.70m }));

        Assert.Equal(
            "Against the baseline prompt, ft saves $0.008 a request and pays back within the first month (after 147,951 requests). "
                + "Without review or error costs, both views agree.",
            reasons[2]);
        Assert.Equal("Its extra running costs, $1,241.00 a month, are covered from 155,125 requests a month.", reasons[3]);
    }

    [Fact]
    public void Reasons_RetrainingDipAndRecovery_NameTheRecoveryAndTheRetrainingInTheMonthlyCost()
    {
        // The case of WorkedExampleTests: ahead from month 2.08, behind again when month 3's $1,500 retraining is charged,
        // ahead for good from month 3 1/3. Retraining spread over its 3-month cadence: $500 a month, covered from
        // 500 / 0.008 = 62,500 requests a month.
        Approach retrained = FineTuned with { Training = new Training(1_000_000, 2, 500m, null, null, 1000m, 500m, 3) };

        IReadOnlyList<string> reasons = ReasonsOf(Scenario(150_000m, Prompt, retrained));

        Assert.StartsWith("Against the baseline prompt, ft saves $0.008 a request and pays back after 3.33 months (500,000 requests).",
            reasons[2], StringComparison.Ordinal);
        Assert.Equal(
            "Its extra running costs, $500.00 a month with retraining spread over its cadence, are covered from 62,500 requests a month.",
            reasons[3]);
    }

    [Fact]
    public void Reasons_AlternativeAheadAtFirstButDearerEveryMonth_FallsBehindForFiftyYears()
    {
        // ft is the baseline and recommended; prompt is $1,000 cheaper up front but $800 dearer a month: ahead at first only.
        IReadOnlyList<string> reasons = ReasonsOf(Scenario(100_000m, FineTuned, Prompt) with { BaselineId = "ft" });

        Assert.Equal(
            "The best alternative, prompt, costs $0.008 more a request than ft and falls behind, not to catch up within 50 years "
                + "even with volume held at its last planned month.",
            reasons[2]);
    }

    [Fact]
    public void Reasons_PaybackAfterTheHorizon_SayHowLateAndOnWhatVolume()
    {
        // At 10,000 requests a month ft saves $80 a month against $1,000 of training: 12.5 months, after the 12-month plan.
        // prompt stays best unless volume rises above 125,000 / 12 = 10,416.67, rounded down to 10,410.
        IReadOnlyList<string> reasons = ReasonsOf(Scenario(10_000m, Prompt, FineTuned));

        Assert.Equal(
            [
                "prompt costs least over the 12-month horizon: $1,200.00, $40.00 less than ft ($1,240.00).",
                "prompt stays the best choice unless monthly requests rise above 10,410 (then ft).",
                "The best alternative, ft, saves $0.008 a request over prompt and pays back only after 12.5 months, beyond the "
                    + "12-month horizon, with volume held at its last planned month.",
            ],
            reasons);
    }

    [Fact]
    public void Reasons_Sample_NameNetValueTheThresholdsAndBothViews()
    {
        IReadOnlyList<string> reasons = ReasonsOf(Samples.Parse(Samples.SupportTriage()));

        Assert.Equal(
            [
                "fine-tune creates the most net value over the 24-month horizon: $12,502,056.15, $190,448.75 more than rag ($12,311,607.40).",
                "fine-tune stays the best choice unless monthly requests fall below 327,500 (then rag) or its own model's accuracy "
                    + "falls below 0.9158 (then rag).",
                "Against the baseline prompt, once review and error costs count, fine-tune saves $0.02138 a request and pays back "
                    + "within the first month (after 451,647 requests); on inference cost alone it saves $0.004278 a request and "
                    + "pays back after 1.27 months (2,558,796 requests).",
                "Its extra running costs, $1,470.17 a month with retraining spread over its cadence, are covered from 68,771 "
                    + "requests a month (343,668 on inference cost alone).",
            ],
            reasons);
    }

    [Fact]
    public void Reasons_Sample_ThresholdsAreTheDecisionBoundariesRoundedTowardsToday()
    {
        Scenario sample = Samples.Parse(Samples.SupportTriage());
        Decision decision = Analyzer.Analyze(sample, sections: AnalysisSections.Decision).Decision!;

        // The boundaries: 327,436.44 requests a month and an accuracy of 0.91578; the reason rounds them up to 4 digits.
        decimal volume = decision.Boundaries.Single(b => b.Path == "workload.requestsPerMonth").Below!.Value;
        decimal accuracy = decision.Boundaries.Single(b => b.Path == "approaches[2].accuracy").Below!.Value;
        Assert.InRange(volume, 327_400m, 327_500m);
        Assert.InRange(accuracy, 0.9157m, 0.9158m);
    }

    [GeneratedRegex(@"monthly requests (fall below|rise above) ([\d,.]+)")]
    private static partial Regex VolumeThreshold();

    /// <summary>
    /// "stays the best choice unless monthly requests fall below X": at X itself (rounded towards today, off the boundary) the recommendation
    /// is today's, and just past the exact boundary of the decision section it is the one the sentence names.
    /// </summary>
    [Fact]
    public void Reasons_VolumeThreshold_IsTrueAtItsRoundedValue() =>
        Gen.Select(Gen.Long[1_000, 5_000_000], Gen.Long[100, 4_000], Gen.Long[0, 50_000], Gen.Int[1, 36]).Sample(
            (requests, tokens, preparation, horizon) =>
            {
                Approach fineTune = FineTuned with
                {
                    InputTokens = tokens,
                    Training = FineTuned.Training! with { DataPreparationCost = preparation },
                };
                Scenario scenario = Scenario(requests, Prompt, fineTune) with { Workload = new Workload(requests, horizon, null) };
                Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Decision);
                Match match = VolumeThreshold().Match(string.Join(" ", analysis.Recommendation.Reasons));
                DecisionBoundary? line = analysis.Decision!.Boundaries.SingleOrDefault(b => b.Path == "workload.requestsPerMonth");
                Assert.Equal(line is not null, match.Success);
                if (!match.Success)
                {
                    return;
                }

                decimal rounded = decimal.Parse(match.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
                bool below = match.Groups[1].Value == "fall below";
                decimal exact = (below ? line!.Below : line!.Above)!.Value;
                Assert.True(below ? rounded >= exact : rounded <= exact, $"{rounded} is not rounded from {exact} towards {requests}");
                Assert.Equal(analysis.Recommendation.ApproachId,
                    StudiedInputs.RecommendationOf(StudiedInputs.With(scenario, "workload.requestsPerMonth", rounded)));
            }, iter: 200);

    [Fact]
    public void Reasons_EligibilityThresholdOnAFourDigitValue_IsNamedAsItIs()
    {
        // With 0.85 required, ft (0.9) stays eligible down to 0.85 itself: "falls below 0.85", not 0.8501.
        Scenario scenario = Scenario(100_000m, Prompt, FineTuned) with { Quality = new Quality(null, null, null, null, null, 0.85m) };

        Assert.Contains("ft stays the best choice unless monthly requests fall below 10,420 (then prompt) or its accuracy falls below 0.85 (then prompt).",
            ReasonsOf(scenario));
    }

    [Fact]
    public void Reasons_VolumeBoundaryOnAFourDigitValueWhereTheTieFlips_NameTheNextValue()
    {
        // With $1,820 of preparation ft's training costs 50 + 1,820 + 50 = $1,920, recovered by 1,920 / 0.008 = 240,000
        // requests: 20,000 a month over 12 months, a boundary that already has 4 digits. At 20,000 the two tie on net value
        // and on cost, and the tie goes to the earlier approach, prompt: the sentence names 20,010, where ft wins again.
        Approach fineTune = FineTuned with { Training = FineTuned.Training! with { DataPreparationCost = 1_820m } };

        IReadOnlyList<string> reasons = ReasonsOf(Scenario(100_000m, Prompt, fineTune));

        Assert.Equal("prompt", StudiedInputs.RecommendationOf(Scenario(20_000m, Prompt, fineTune)));
        Assert.Equal("ft stays the best choice unless monthly requests fall below 20,010 (then prompt).", reasons[1]);
    }

    [Fact]
    public void Reasons_SingleApproach_SayItIsTheOnlyOneAndWhatItCosts()
    {
        // One prompt: $0.01 x 1,200,000 requests = $12,000; no alternative, so no threshold to name.
        Assert.Equal(["prompt is the only approach: it costs $12,000.00 over the 12-month horizon."], ReasonsOf(Scenario(100_000m, Prompt)));
    }

    [Fact]
    public void Reasons_Anywhere_NeverSayMonthsOfSixHundredOrFractionsOfMonthZero() =>
        PropertyTests.ScenarioGen.Sample(scenario =>
        {
            foreach (string reason in Analyzer.Analyze(scenario).Recommendation.Reasons)
            {
                Assert.DoesNotContain("600 months", reason, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"month 0\.", reason);
                Assert.False(
                    reason.Contains("both views agree", StringComparison.Ordinal)
                        && reason.Contains("on inference cost alone", StringComparison.Ordinal),
                    $"Says the views agree and then gives both: {reason}");
            }
        }, iter: 300);
}
