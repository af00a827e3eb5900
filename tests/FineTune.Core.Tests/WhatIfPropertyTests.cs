using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>
/// Invariants of section 7 over generated scenarios, each checked against the plain analysis of the scenario with the input
/// moved (<see cref="StudiedInputs"/>): a reported boundary really flips the recommendation, none is missed on the way to it,
/// the tornado's evaluation is the plain analysis, and the timeline adds up to the horizon totals.
/// </summary>
public sealed class WhatIfPropertyTests
{
    private const AnalysisSections All = AnalysisSections.Decision | AnalysisSections.Sensitivity | AnalysisSections.Timeline;

    private static Gen<decimal> Between(decimal min, decimal max, int decimals)
    {
        decimal unit = 1m;
        for (int i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return Gen.Long[(long)(min / unit), (long)(max / unit)].Select(units => units * unit);
    }

    private static readonly Gen<Pricing> PricingGen =
        from input in Between(0.05m, 20m, 2)
        from output in Between(0.2m, 60m, 2)
        from cached in Gen.Nullable(Between(0.01m, 5m, 3), 0.3)
        select new Pricing(input, output, cached);

    private static readonly Gen<Approach> ApproachGen =
        from kind in Gen.OneOf(ApproachKind.Prompt, ApproachKind.Rag, ApproachKind.FineTune)
        from pricing in PricingGen
        from input in Gen.Long[50, 6_000]
        from cached in Gen.Nullable(Gen.Long[0, input / 2], 0.3)
        from output in Gen.Long[20, 1_500]
        from accuracy in Between(0.6m, 0.99m, 3)
        from retrieval in Gen.Null(
            from context in Gen.Long[0, 3_000]
            from perQuery in Between(0m, 0.001m, 5)
            select new Retrieval(context, 40, 0.02m, perQuery), 0.6)
        from routing in Gen.Null(
            from share in Between(0.1m, 0.8m, 2)
            from routed in PricingGen
            from routedAccuracy in Between(0.5m, 0.95m, 3)
            select new Routing(share, routed, routedAccuracy), 0.7)
        from fixedMonthly in Gen.Nullable(Between(0m, 3_000m, 0), 0.5)
        from hosting in Gen.Nullable(Between(0m, 6m, 2), 0.6)
        from training in
            from tokens in Gen.Long[100_000, 20_000_000]
            from epochs in Gen.Nullable(Gen.Int[1, 4], 0.3)
            from price in Between(0.5m, 60m, 2)
            from preparation in Gen.Nullable(Between(0m, 30_000m, 0), 0.3)
            from evaluation in Gen.Nullable(Between(0m, 5_000m, 0), 0.3)
            from retrain in Gen.Nullable(Gen.Int[1, 12], 0.5)
            select new Training(tokens, epochs, price, null, null, preparation, evaluation, retrain)
        select new Approach("x", kind, pricing, input, cached, output, accuracy, kind == ApproachKind.Rag ? retrieval : null,
            routing, kind == ApproachKind.Rag ? fixedMonthly : null, kind == ApproachKind.FineTune ? hosting : null,
            kind == ApproachKind.FineTune ? training : null);

    /// <summary>2 to 4 approaches on realistic volumes, with and without quality, requirement, growth and caching.</summary>
    private static readonly Gen<Scenario> ScenarioGen =
        from requests in Between(1_000m, 20_000_000m, 0)
        from horizon in Gen.Int[1, 36]
        from growth in Gen.Nullable(Between(-0.2m, 0.2m, 2), 0.4)
        from quality in Gen.Null(
            from value in Gen.Nullable(Between(0m, 1m, 3), 0.3)
            from costPerError in Gen.Nullable(Between(0m, 2m, 2), 0.3)
            from reviewRate in Gen.Nullable(Between(0m, 0.3m, 2), 0.3)
            from required in Gen.Nullable(Between(0.7m, 0.95m, 2), 0.5)
            select new Quality(value, costPerError, reviewRate, 1m, 40m, required), 0.3)
        from optimizations in Gen.Null(
            from hit in Between(0m, 0.4m, 2)
            from batch in Between(0m, 0.5m, 2)
            select new Optimizations(hit, 0.00001m, batch, null), 0.6)
        from approaches in ApproachGen.Array[2, 4]
        select new Scenario("What if", null, null, new Workload(requests, horizon, growth), null, quality, optimizations,
            [.. approaches.Select((a, i) => a with { Id = $"a{i}" })]);

    private static string Print(Scenario scenario) => ScenarioJson.Serialize(scenario);

    /// <summary>A point a hair away from <paramref name="value"/>, towards <paramref name="direction"/> (+1 or -1).</summary>
    private static decimal Step(string path, decimal value, int direction, bool past)
    {
        if (path == "workload.horizonMonths")
        {
            return past ? value : value - direction;
        }

        if (StudiedInputs.IsWhole(path))
        {
            // The first whole count past a real crossing, or the last one before it.
            return past
                ? (direction > 0 ? Math.Floor(value) + 1m : Math.Ceiling(value) - 1m)
                : (direction > 0 ? Math.Ceiling(value) - 1m : Math.Floor(value) + 1m);
        }

        if (path == "workload.monthlyGrowthRate")
        {
            // The boundary is reported within 1e-9 past the crossing.
            return past ? value + (direction * 0.000000000001m) : value - (direction * 2m * WhatIf.GrowthTolerance);
        }

        decimal hair = Math.Max(Math.Abs(value), 1m) * 0.0000000001m;
        return past ? value + (direction * hair) : value - (direction * hair);
    }

    /// <summary>Points strictly between <paramref name="from"/> and <paramref name="to"/>, dense near <paramref name="from"/>.</summary>
    private static IEnumerable<decimal> Segment(string path, decimal from, decimal to)
    {
        decimal[] fractions = [0.000001m, 0.001m, 0.05m, 0.2m, 0.4m, 0.6m, 0.8m, 0.95m, 0.999m];
        foreach (decimal f in fractions)
        {
            decimal x = from + ((to - from) * f);
            if (StudiedInputs.IsWhole(path))
            {
                x = Math.Round(x);
            }

            if ((x - from) * (to - from) > 0m && (to - x) * (to - from) > 0m)
            {
                yield return x;
            }
        }
    }

    private static void AssertRecommendation(Scenario scenario, string path, decimal value, string? expected, string why)
    {
        Scenario moved = StudiedInputs.With(scenario, path, value);
        if (!StudiedInputs.IsValid(moved))
        {
            return;
        }

        string? actual = StudiedInputs.RecommendationOf(moved);
        Assert.True(actual == expected, $"{path} = {value}: recommended {actual ?? "none"}, expected {expected ?? "none"} ({why}).");
    }

    [Fact]
    public void Decision_EveryBoundary_FlipsTheRecommendationAndNoneIsMissedBeforeIt() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Decision);
            Decision decision = analysis.Decision!;
            string? today = analysis.Recommendation.ApproachId;
            Assert.Equal(today, decision.RecommendedId);
            Assert.Equal(
                StudiedInputs.Paths(scenario).Order(StringComparer.Ordinal),
                decision.Boundaries.Select(b => b.Path).Concat(decision.RobustTo).Order(StringComparer.Ordinal));

            foreach (string path in StudiedInputs.Paths(scenario))
            {
                decimal current = StudiedInputs.Current(scenario, path);
                (decimal min, decimal max) = StudiedInputs.Range(scenario, path);
                DecisionBoundary? line = decision.Boundaries.SingleOrDefault(b => b.Path == path);
                Assert.Equal(current, line?.Current ?? current);
                foreach ((int direction, BoundaryCrossing? crossing) in new[] { (-1, line?.Below), (+1, line?.Above) })
                {
                    decimal end = direction < 0 ? min : max;
                    if (crossing is { } c)
                    {
                        Assert.InRange(c.Value, min, max);
                        Assert.True((c.Value - current) * direction >= 0m, $"{path}: {c.Value} is on the wrong side of {current}");
                        AssertRecommendation(scenario, path, Step(path, c.Value, direction, past: false), today, "just before the boundary");
                        AssertRecommendation(scenario, path, Step(path, c.Value, direction, past: true), c.RecommendedId, "just past it");
                        end = c.Value;
                    }

                    foreach (decimal x in Segment(path, current, end))
                    {
                        AssertRecommendation(scenario, path, x, today, crossing is null ? "no boundary that side" : "before the boundary");
                    }
                }
            }

            // Nearest first: relative distance of each line's nearer side.
            decimal Distance(DecisionBoundary b) => new[] { b.Below, b.Above }.OfType<BoundaryCrossing>()
                .Min(c => Math.Abs(c.Value - b.Current) / Math.Max(Math.Abs(b.Current), 0.000000001m));
            Assert.Equal(decision.Boundaries.Select(Distance).Order(), decision.Boundaries.Select(Distance));
        }, iter: 60, threads: 1, print: Print);

    /// <summary>
    /// Where only another approach overtaking the recommendation (or its own eligibility) can change the answer, the
    /// shortcut finds the same boundaries as the piece by piece walk.
    /// </summary>
    [Fact]
    public void Decision_OvertakingShortcut_AgreesWithThePieceByPieceWalk() =>
        ScenarioGen.Sample(scenario =>
        {
            WhatIf whatIf = WhatIfOf(scenario);
            foreach (StudiedInput input in whatIf.Inputs)
            {
                Assert.Equal(whatIf.Boundary(input, byPieces: true), whatIf.Boundary(input));
            }
        }, iter: 300, print: Print);

    [Fact]
    public void Sensitivity_AtOneTimesEveryInput_IsThePlainAnalysis() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis plain = Analyzer.Analyze(scenario);
            WhatIf whatIf = WhatIfOf(scenario);

            foreach (StudiedInput input in whatIf.Inputs)
            {
                SensitivityPoint point = whatIf.Point(input, 1m);
                Assert.Equal(input.Current, point.Value);
                Assert.Equal(plain.Recommendation.ApproachId, point.RecommendedId);
                Assert.Equal(Margin(plain, plain.Recommendation.ApproachId), point.Margin);
            }
        }, iter: 200, print: Print);

    [Fact]
    public void Sensitivity_EveryPoint_IsThePlainAnalysisOfTheScenarioMovedThere() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Sensitivity);
            IReadOnlyList<SensitivityLine> tornado = analysis.Sensitivity!;
            string? today = analysis.Recommendation.ApproachId;

            Assert.Equal(StudiedInputs.Paths(scenario).Order(StringComparer.Ordinal), tornado.Select(l => l.Path).Order(StringComparer.Ordinal));
            foreach (SensitivityLine line in tornado)
            {
                decimal current = StudiedInputs.Current(scenario, line.Path);
                (decimal min, decimal max) = StudiedInputs.Range(scenario, line.Path);
                foreach ((SensitivityPoint point, decimal factor) in new[] { (line.Low, 0.8m), (line.High, 1.2m) })
                {
                    decimal expected = Math.Clamp(
                        StudiedInputs.IsWhole(line.Path) ? Math.Round(current * factor, MidpointRounding.ToEven) : current * factor, min, max);
                    Scenario moved = StudiedInputs.With(scenario, line.Path, point.Value);
                    if (point.Value != expected)
                    {
                        // Only the 1e15 projection of the workload can clamp tighter than section 1's ranges.
                        Assert.StartsWith("workload.", line.Path, StringComparison.Ordinal);
                    }

                    Assert.True(StudiedInputs.IsValid(moved), $"{line.Path} = {point.Value} is not a valid scenario");
                    Analysis there = Analyzer.Analyze(moved);
                    Assert.Equal(there.Recommendation.ApproachId, point.RecommendedId);
                    Assert.Equal(Margin(there, today), point.Margin);
                }

                Assert.Equal(line.High.Margin - line.Low.Margin is decimal d ? Math.Abs(d) : null, line.Swing);
            }

            decimal[] swings = [.. tornado.Select(l => l.Swing ?? -1m)];
            Assert.Equal(swings.OrderDescending(), swings);
        }, iter: 100, print: Print);

    [Fact]
    public void Timeline_LastMonth_EqualsTheHorizonTotalsExactly() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Timeline);
            IReadOnlyList<TimelineApproach> timeline = analysis.Timeline!.Approaches;
            int baseline = analysis.Approaches.Select(a => a.Id).ToList().IndexOf(analysis.BaselineId);

            Assert.Equal(analysis.Approaches.Select(a => a.Id), timeline.Select(t => t.Id));
            for (int i = 0; i < timeline.Count; i++)
            {
                TimelineApproach t = timeline[i];
                HorizonFigures horizon = analysis.Approaches[i].Horizon;
                Assert.Equal(analysis.HorizonMonths, t.CumulativeCost.Count);
                Assert.Equal(horizon.TotalCost, t.CumulativeCost[^1]);
                Assert.Equal(horizon.TotalCost + horizon.QualityCost, t.CumulativeAllInCost[^1]);
                Assert.Equal(analysis.Approaches[i].Training.InitialCost + analysis.Approaches[i].Monthly.RunRate, t.CumulativeCost[0]);
                for (int m = 1; m < t.CumulativeCost.Count; m++)
                {
                    Assert.True(t.CumulativeCost[m] >= t.CumulativeCost[m - 1], $"{t.Id}: cumulative cost fell in month {m}");
                    Assert.True(t.CumulativeAllInCost[m] >= t.CumulativeCost[m], $"{t.Id}: all-in below cost in month {m}");
                }

                if (i == baseline)
                {
                    Assert.Null(t.Advantage);
                    continue;
                }

                Assert.Equal(timeline[baseline].CumulativeCost.Zip(t.CumulativeCost, (b, a) => b - a), t.Advantage!.Cost);
                Assert.Equal(timeline[baseline].CumulativeAllInCost.Zip(t.CumulativeAllInCost, (b, a) => b - a), t.Advantage.QualityAdjusted);
            }
        }, iter: 200, print: Print);

    /// <summary>
    /// The timeline's advantage is the walk's C: where the walk says an approach stays ahead from some month through the end
    /// of the horizon, its advantage at every month's end from then on is not negative.
    /// </summary>
    [Fact]
    public void Timeline_Advantage_StaysNonNegativeFromThePaybackWithinTheHorizon() =>
        ScenarioGen.Sample(scenario =>
        {
            Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Timeline);
            foreach (BreakEven b in analysis.BreakEven)
            {
                TimelineAdvantage advantage = analysis.Timeline!.Approaches.Single(t => t.Id == b.ApproachId).Advantage!;
                foreach ((BreakEvenView view, IReadOnlyList<decimal> c) in new[] { (b.Cost, advantage.Cost), (b.QualityAdjusted, advantage.QualityAdjusted) })
                {
                    if (view.PaybackMonths is decimal months && months <= analysis.HorizonMonths)
                    {
                        // From the month that holds the payback on: a tiny negative is decimal noise of two different sums.
                        decimal noise = Math.Abs(c[^1]) * 0.0000000000000001m + 0.000000001m;
                        for (int m = (int)Math.Ceiling(months) == 0 ? 0 : (int)Math.Floor(months); m < c.Count; m++)
                        {
                            Assert.True(c[m] >= -noise, $"{b.ApproachId}: paid back at {months} but behind ({c[m]}) at the end of month {m}");
                        }
                    }
                }
            }
        }, iter: 200, print: Print);

    [Fact]
    public void Analyze_SectionsAskedFor_LeaveThePlainAnalysisUnchanged() =>
        ScenarioGen.Sample(scenario =>
        {
            string plain = System.Text.Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(scenario)));
            string full = System.Text.Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(Analyzer.Analyze(scenario, sections: All)));

            Assert.StartsWith(plain[..^1] + ",\"decision\":", full, StringComparison.Ordinal);
        }, iter: 100, print: Print);

    /// <summary>Net value of <paramref name="recommendedId"/> in <paramref name="analysis"/> minus the best other eligible one's.</summary>
    private static decimal? Margin(Analysis analysis, string? recommendedId)
    {
        if (recommendedId is null)
        {
            return null;
        }

        decimal mine = analysis.Approaches.Single(a => a.Id == recommendedId).Horizon.NetValue;
        decimal[] others = [.. analysis.Approaches.Where(a => a.Id != recommendedId && a.Eligible).Select(a => a.Horizon.NetValue)];
        return others.Length == 0 ? null : mine - others.Max();
    }

    private static WhatIf WhatIfOf(Scenario scenario)
    {
        ScenarioTerms terms = ScenarioTerms.Of(scenario);
        int n = scenario.Approaches.Count;
        var volumes = new decimal[terms.HorizonMonths];
        Economics.Volumes(scenario.Workload.RequestsPerMonth, terms.MonthlyGrowthRate, volumes);
        var perRequest = new PerRequestFigures[n];
        var fixedFigures = new FixedFigures[n];
        var eligible = new bool[n];
        var horizon = new HorizonResult[n];
        for (int i = 0; i < n; i++)
        {
            perRequest[i] = Economics.PerRequest(scenario.Approaches[i], terms);
            fixedFigures[i] = Economics.Fixed(scenario.Approaches[i]);
            eligible[i] = terms.RequiredAccuracy is not decimal required || perRequest[i].Accuracy >= required;
            horizon[i] = Economics.Horizon(scenario.Approaches[i], terms, perRequest[i], fixedFigures[i], volumes);
        }

        return new WhatIf(scenario, terms, perRequest, fixedFigures, eligible, horizon, volumes[^1], Analyzer.Recommend(horizon, eligible));
    }
}
