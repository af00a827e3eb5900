using System.Xml.Linq;
using CsCheck;
using FineTune.Core;
using FineTune.Testing;

namespace FineTune.Charts.Tests;

/// <summary>The charts of a real analysis: what each draws is the analysis' own figures, read back from the SVG.</summary>
public sealed class AnalysisChartsTests
{
    private static readonly AnalysisSections All = AnalysisSections.Timeline | AnalysisSections.Sensitivity;

    [Fact]
    public void SectionsOf_EachKind_IsTheSectionItDraws()
    {
        Assert.Equal(AnalysisSections.Timeline, AnalysisCharts.SectionsOf(ChartKind.Payback));
        Assert.Equal(AnalysisSections.Timeline, AnalysisCharts.SectionsOf(ChartKind.Costs));
        Assert.Equal(AnalysisSections.Sensitivity, AnalysisCharts.SectionsOf(ChartKind.Sensitivity));
        Assert.Equal(AnalysisSections.None, AnalysisCharts.SectionsOf(ChartKind.Scale));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisCharts.SectionsOf(ChartKind.Monitor));
    }

    [Fact]
    public void Draw_Scale_IsTheScaleChartOfTheAnalysis()
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.None);

        Assert.Equal(ScaleChart.Render(ScaleChartInput.From(analysis)), AnalysisCharts.Draw(ChartKind.Scale, scenario, analysis));
    }

    [Theory]
    [InlineData(ChartKind.Payback)]
    [InlineData(ChartKind.Costs)]
    [InlineData(ChartKind.Sensitivity)]
    public void Draw_AnalysisWithoutItsSection_Throws(ChartKind kind)
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Decision);

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => AnalysisCharts.Draw(kind, scenario, analysis));

        Assert.Contains(kind == ChartKind.Sensitivity ? "AnalysisSections.Sensitivity" : "AnalysisSections.Timeline", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChartKind.Payback)]
    [InlineData(ChartKind.Costs)]
    [InlineData(ChartKind.Sensitivity)]
    [InlineData(ChartKind.Scale)]
    public void Draw_SameScenario_GivesTheSameBytes(ChartKind kind)
    {
        (Scenario scenario, Analysis first) = ChartSamples.SupportTriageWith(All);
        Analysis second = Analyzer.Analyze(scenario, sections: All);

        Assert.Equal(AnalysisCharts.Draw(kind, scenario, first), AnalysisCharts.Draw(kind, scenario, second));
    }

    [Fact]
    public void Draw_PaybackOfTheSample_MarksThePaybackOnItsLineAtPaybackMonths()
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Timeline);
        SvgReader svg = new SvgReader(AnalysisCharts.Draw(ChartKind.Payback, scenario, analysis)).Keep("payback-of-the-sample");
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.Plain);
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        // In the quality-adjusted view the chart draws, the sample's rag pays back at once and fine-tune within a month.
        List<BreakEven> paying = [.. analysis.BreakEven];
        Assert.Equal([Verdict.Immediate, Verdict.WithinHorizon], paying.Select(b => b.QualityAdjusted.Verdict));
        IReadOnlyList<XElement> markers = svg.All("payback-marker");
        IReadOnlyList<XElement> lines = svg.All("series");
        Assert.Equal(paying.Count, markers.Count);
        for (int i = 0; i < paying.Count; i++)
        {
            decimal months = paying[i].QualityAdjusted.PaybackMonths!.Value;
            SvgReader.Near(x(months), SvgReader.Number(markers[i], "cx"));
            SvgReader.Near(y(0m), SvgReader.Number(markers[i], "cy"));
            AssertCrossesZeroAt(SvgReader.Points(lines[i]), x(months), y(0m));
        }
        Assert.Equal(paying.Select(b => $"month {ChartText.Months(b.QualityAdjusted.PaybackMonths!.Value)}"),
            svg.All("payback-label").Select(l => l.Value));
        Assert.Contains("review and errors counted", svg.One("y-title").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_PaybackOfTheSample_StepsAtEachRetrainingAndEndsAtTheHorizonsAdvantage()
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Timeline);
        SvgReader svg = new(AnalysisCharts.Draw(ChartKind.Payback, scenario, analysis));
        Func<decimal, decimal> x = svg.Scale("x-tick", "x", SvgReader.Plain);
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);
        TimelineApproach fineTune = analysis.Timeline!.Approaches[2];
        decimal retrain = analysis.Approaches[2].Training.RetrainCost;

        IReadOnlyList<(decimal X, decimal Y)> drawn = SvgReader.Points(svg.All("series")[1]);

        // Start at minus the one-time difference; 24 month ends; a step down by the retrain cost at months 6, 12 and 18.
        Assert.Equal(1 + 24 + 3, drawn.Count);
        SvgReader.Near(y(-analysis.BreakEven[1].QualityAdjusted.OneTimeDelta), drawn[0].Y);
        foreach (int month in (int[])[6, 12, 18])
        {
            int at = drawn.Select((p, index) => (p, index)).First(q => Math.Abs(q.p.X - x(month)) < 0.01m).index;
            SvgReader.Near(x(month), drawn[at + 1].X);
            SvgReader.Near(y(fineTune.Advantage!.QualityAdjusted[month - 1]), drawn[at].Y);
            SvgReader.Near(y(fineTune.Advantage.QualityAdjusted[month - 1] - retrain), drawn[at + 1].Y);
        }
        SvgReader.Near(y(fineTune.Advantage!.QualityAdjusted[^1]), drawn[^1].Y);
        Assert.Contains($"fine-tune pays back in month {ChartText.Months(analysis.BreakEven[1].QualityAdjusted.PaybackMonths!.Value)}; "
            + $"ahead by {MoneyText.Format(fineTune.Advantage.QualityAdjusted[^1])} at month 24.", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_CostsOfTheSample_RunsFromInitialTrainingToTheHorizonTotal()
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Timeline);
        SvgReader svg = new SvgReader(AnalysisCharts.Draw(ChartKind.Costs, scenario, analysis)).Keep("costs-of-the-sample");
        Func<decimal, decimal> y = svg.Scale("y-tick", "y", SvgReader.MoneyTick);

        IReadOnlyList<XElement> lines = svg.All("series");

        Assert.Equal(3, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            ApproachAnalysis approach = analysis.Approaches[i];
            IReadOnlyList<(decimal X, decimal Y)> drawn = SvgReader.Points(lines[i]);
            SvgReader.Near(y(approach.Training.InitialCost), drawn[0].Y);
            SvgReader.Near(y(approach.Horizon.TotalCost + approach.Horizon.QualityCost), drawn[^1].Y);
        }
        // Only fine-tune retrains: 1 + 24 points for prompt and rag, 3 more for its steps.
        Assert.Equal([25, 25, 28], lines.Select(l => SvgReader.Points(l).Count));
        ApproachAnalysis cheapest = analysis.Approaches.MinBy(a => a.Horizon.TotalCost + a.Horizon.QualityCost)!;
        Assert.EndsWith($"{cheapest.Id} costs least, {MoneyText.Format(cheapest.Horizon.TotalCost + cheapest.Horizon.QualityCost)} by month 24.",
            svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_SensitivityOfTheSample_NamesInputsInWordsAndMarksThoseThatFlip()
    {
        (Scenario scenario, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Sensitivity);
        SvgReader svg = new SvgReader(AnalysisCharts.Draw(ChartKind.Sensitivity, scenario, analysis)).Keep("sensitivity-of-the-sample");
        string recommended = analysis.Recommendation.ApproachId!;

        IReadOnlyList<XElement> rows = svg.All("row");

        List<SensitivityLine> drawn = [.. analysis.Sensitivity!.Take(SensitivityChart.MaxRows)];
        Assert.Equal(drawn.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            bool flips = drawn[i].Low.RecommendedId != recommended || drawn[i].High.RecommendedId != recommended;
            Assert.Equal(flips, ((string)rows[i].Attribute("class")!).Contains("flips", StringComparison.Ordinal));
            Assert.DoesNotContain("approaches[", rows[i].Elements().First().Value, StringComparison.Ordinal);
        }
        Assert.StartsWith($"How the margin of {recommended} over the next best approach", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void SensitivityInput_FromTheSample_IsTodaysMarginOverTheNextBestAndInputsInWords()
    {
        (_, Analysis analysis) = ChartSamples.SupportTriageWith(AnalysisSections.Sensitivity);

        SensitivityChartInput input = SensitivityChartInput.From(analysis);

        // fine-tune's net value minus the best other eligible approach's.
        decimal next = analysis.Approaches.Where(a => a.Eligible && a.Id != "fine-tune").Max(a => a.Horizon.NetValue);
        Assert.Equal("fine-tune", input.RecommendedLabel);
        Assert.Equal(analysis.Approaches[2].Horizon.NetValue - next, input.CurrentMargin);
        Dictionary<string, string> words = analysis.Sensitivity!.Select((line, i) => (line.Path, input.Inputs[i].Label)).ToDictionary();
        Assert.Equal("requests per month", words["workload.requestsPerMonth"]);
        Assert.Equal("fine-tune accuracy", words["approaches[2].accuracy"]);
        Assert.Equal("rag input price", words["approaches[1].pricing.inputPerMillion"]);
        Assert.Equal("fine-tune training price", words["approaches[2].training.trainingPerMillion"]);
    }

    [Fact]
    public void Draw_NoApproachEligible_SensitivityChartSaysThereIsNoMarginToDraw()
    {
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage(s => s["quality"]!["requiredAccuracy"] = 0.99)).Scenario!;
        Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Sensitivity);

        SvgReader svg = new(AnalysisCharts.Draw(ChartKind.Sensitivity, scenario, analysis));

        Assert.Null(analysis.Recommendation.ApproachId);
        Assert.Equal("No approach is eligible today: no margin to draw", svg.One("x-title").Value);
        Assert.StartsWith("No approach reaches the required accuracy today", svg.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("no other approach eligible", svg.Root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_SingleApproach_PaybackChartSaysThereIsNothingToCompare()
    {
        Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage(s =>
        {
            s["approaches"]!.AsArray().RemoveAt(2);
            s["approaches"]!.AsArray().RemoveAt(1);
        })).Scenario!;
        Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Timeline);

        SvgReader svg = new(AnalysisCharts.Draw(ChartKind.Payback, scenario, analysis));

        Assert.Empty(svg.All("series"));
        Assert.EndsWith("There is no other approach to compare with prompt.", svg.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_GeneratedScenarios_PaybackOnItsLineAndCostsEndAtTheHorizonTotals() =>
        Gen.Select(Gen.Int[1, 60], Gen.Int[0, 12], Gen.Decimal[0m, 0.08m], Gen.Int[1_000, 3_000_000], Gen.Int[0, 2_000_000], Gen.Int[0, 200])
            .Sample((horizon, retrainEvery, growth, requests, training, evaluation) =>
            {
                Scenario scenario = ScenarioJson.Parse(Samples.SupportTriage(s =>
                {
                    s["workload"]!["horizonMonths"] = horizon;
                    s["workload"]!["monthlyGrowthRate"] = growth;
                    s["workload"]!["requestsPerMonth"] = requests;
                    // Retraining that costs up to a few months of savings: paybacks land anywhere, often after a retraining.
                    s["approaches"]![2]!["training"]!["trainingTokens"] = training;
                    s["approaches"]![2]!["training"]!["evaluationCost"] = evaluation * 100;
                    s["approaches"]![2]!["training"]!["retrainEveryMonths"] = retrainEvery == 0 ? null : retrainEvery;
                })).Scenario!;
                Analysis analysis = Analyzer.Analyze(scenario, sections: AnalysisSections.Timeline);

                SvgReader payback = new(AnalysisCharts.Draw(ChartKind.Payback, scenario, analysis));
                Func<decimal, decimal> x = payback.Scale("x-tick", "x", SvgReader.Plain);
                Func<decimal, decimal> y = payback.Scale("y-tick", "y", SvgReader.MoneyTick);
                IReadOnlyList<XElement> lines = payback.All("series");
                List<XElement> markers = [.. payback.All("payback-marker")];
                int marked = 0;
                for (int i = 0; i < analysis.BreakEven.Count; i++)
                {
                    if (analysis.BreakEven[i].QualityAdjusted.PaybackMonths is not decimal months || months > horizon)
                    {
                        continue;
                    }
                    XElement marker = markers[marked++];
                    SvgReader.Near(x(months), SvgReader.Number(marker, "cx"));
                    if (months > 0m)
                    {
                        AssertCrossesZeroAt(SvgReader.Points(lines[i]), x(months), y(0m));
                    }
                }
                Assert.Equal(markers.Count, marked);

                SvgReader costs = new(AnalysisCharts.Draw(ChartKind.Costs, scenario, analysis));
                Func<decimal, decimal> cy = costs.Scale("y-tick", "y", SvgReader.MoneyTick);
                IReadOnlyList<XElement> costLines = costs.All("series");
                for (int i = 0; i < costLines.Count; i++)
                {
                    SvgReader.Near(cy(analysis.Approaches[i].Horizon.TotalCost + analysis.Approaches[i].Horizon.QualityCost), SvgReader.Points(costLines[i])[^1].Y);
                }
            }, iter: 100);

    /// <summary>
    /// Asserts the polyline passes through (x, zero): a segment that spans x holds zero there, read linearly within the
    /// two decimals the charts write, or is the vertical step at x that runs across zero.
    /// </summary>
    private static void AssertCrossesZeroAt(IReadOnlyList<(decimal X, decimal Y)> points, decimal x, decimal zero)
    {
        for (int p = 1; p < points.Count; p++)
        {
            (decimal x0, decimal y0) = points[p - 1];
            (decimal x1, decimal y1) = points[p];
            if (Math.Abs(x1 - x0) < 0.02m)
            {
                if (Math.Abs(x0 - x) < 0.02m && Math.Min(y0, y1) - 0.02m <= zero && zero <= Math.Max(y0, y1) + 0.02m)
                {
                    return;
                }
                continue;
            }
            if (x0 - 0.01m <= x && x <= x1 + 0.01m)
            {
                decimal at = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
                if (Math.Abs(at - zero) <= 0.5m)
                {
                    return;
                }
            }
        }
        Assert.Fail($"The line does not cross zero ({zero}) at x = {x}: {string.Join(" ", points)}");
    }
}
