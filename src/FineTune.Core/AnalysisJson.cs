using System.Buffers;
using System.Text.Json;

namespace FineTune.Core;

/// <summary>
/// Writes an <see cref="Analysis"/> as api.md shows it, every decimal rounded to 8 places half to even. Written by
/// hand rather than through the serializer because it is the body of every analysis response: the output is the same
/// as <see cref="FineTuneJsonContext"/> gives (a test holds them together) at a fraction of the cost.
/// </summary>
public static class AnalysisJson
{
    /// <summary>A buffer and writer per thread, reused: only the returned array is allocated per analysis.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? cached;

    /// <summary>The analysis as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Analysis analysis)
    {
        (ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer) = cached ??= CreateWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, analysis);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(16384);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <summary>Writes the analysis to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        writer.WriteStartObject();
        writer.WriteString(Names.ScenarioName, analysis.ScenarioName);
        writer.WriteString(Names.Segment, Text(analysis.Segment));
        writer.WriteNumber(Names.HorizonMonths, analysis.HorizonMonths);
        Number(writer, Names.TotalRequests, analysis.TotalRequests);
        writer.WriteString(Names.BaselineId, analysis.BaselineId);

        writer.WriteStartArray(Names.Approaches);
        foreach (ApproachAnalysis approach in analysis.Approaches)
        {
            Approach(writer, approach);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.BreakEven);
        foreach (BreakEven breakEven in analysis.BreakEven)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.ApproachId, breakEven.ApproachId);
            writer.WriteString(Names.BaselineId, breakEven.BaselineId);
            View(writer, Names.Cost, breakEven.Cost);
            View(writer, Names.QualityAdjusted, breakEven.QualityAdjusted);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject(Names.Recommendation);
        OptionalString(writer, Names.ApproachId, analysis.Recommendation.ApproachId);
        Strings(writer, Names.Reasons, analysis.Recommendation.Reasons);
        writer.WriteEndObject();

        writer.WriteStartArray(Names.Scale);
        foreach (ScaleCheck scale in analysis.Scale)
        {
            Scale(writer, scale);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Benchmarks);
        foreach (BenchmarkComparison comparison in analysis.Benchmarks)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Metric, Text(comparison.Metric));
            Number(writer, Names.Value, comparison.Value);
            writer.WriteString(Names.Tier, Text(comparison.Tier));
            writer.WritePropertyName(Names.Band);
            Band(writer, comparison.Band);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, Names.Notes, analysis.Notes);
        writer.WriteEndObject();
    }

    private static void Approach(Utf8JsonWriter writer, ApproachAnalysis a)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, a.Id);
        writer.WriteString(Names.Kind, Text(a.Kind));
        Number(writer, Names.Accuracy, a.Accuracy);
        writer.WriteBoolean(Names.Eligible, a.Eligible);

        PerRequestCosts p = a.PerRequest;
        writer.WriteStartObject(Names.PerRequest);
        Number(writer, Names.ModelTokenCost, p.ModelTokenCost);
        Number(writer, Names.RetrievalCost, p.RetrievalCost);
        Number(writer, Names.InferenceCost, p.InferenceCost);
        Number(writer, Names.VerificationCost, p.VerificationCost);
        Number(writer, Names.ErrorCost, p.ErrorCost);
        Number(writer, Names.EconomicCost, p.EconomicCost);
        Number(writer, Names.FullyLoadedCost, p.FullyLoadedCost);
        Number(writer, Names.CostOfPredictivity, p.CostOfPredictivity);
        writer.WriteEndObject();

        writer.WriteStartObject(Names.Monthly);
        Number(writer, Names.FixedCost, a.Monthly.FixedCost);
        Number(writer, Names.RunRate, a.Monthly.RunRate);
        writer.WriteEndObject();

        writer.WriteStartObject(Names.Training);
        Number(writer, Names.InitialCost, a.Training.InitialCost);
        Number(writer, Names.RetrainCost, a.Training.RetrainCost);
        writer.WriteNumber(Names.Runs, a.Training.Runs);
        writer.WriteEndObject();

        HorizonFigures h = a.Horizon;
        writer.WriteStartObject(Names.Horizon);
        Number(writer, Names.TotalCost, h.TotalCost);
        Number(writer, Names.QualityCost, h.QualityCost);
        Number(writer, Names.Revenue, h.Revenue);
        Number(writer, Names.GrossMargin, h.GrossMargin);
        Number(writer, Names.GrossMarginRate, h.GrossMarginRate);
        Number(writer, Names.AiCogsToRevenue, h.AiCogsToRevenue);
        Number(writer, Names.NetValue, h.NetValue);
        writer.WriteEndObject();

        Number(writer, Names.MarginCollapseRequestsPerUser, a.MarginCollapseRequestsPerUser);
        writer.WriteEndObject();
    }

    private static void View(Utf8JsonWriter writer, JsonEncodedText name, BreakEvenView view)
    {
        writer.WriteStartObject(name);
        Number(writer, Names.SavingsPerRequest, view.SavingsPerRequest);
        Number(writer, Names.FixedMonthlyDelta, view.FixedMonthlyDelta);
        Number(writer, Names.OneTimeDelta, view.OneTimeDelta);
        Number(writer, Names.MinimumMonthlyRequests, view.MinimumMonthlyRequests);
        Number(writer, Names.PaybackMonths, view.PaybackMonths);
        Number(writer, Names.BreakEvenRequests, view.BreakEvenRequests);
        writer.WriteString(Names.Verdict, Text(view.Verdict));
        writer.WriteEndObject();
    }

    private static void Scale(Utf8JsonWriter writer, ScaleCheck scale)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names.Multiplier, scale.Multiplier);
        Number(writer, Names.RequestsPerMonth, scale.RequestsPerMonth);
        OptionalString(writer, Names.RecommendedApproachId, scale.RecommendedApproachId);
        writer.WriteStartArray(Names.Approaches);
        foreach (ScaleApproach a in scale.Approaches)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Id, a.Id);
            Number(writer, Names.FullyLoadedCost, a.FullyLoadedCost);
            Number(writer, Names.MonthlyRunRate, a.MonthlyRunRate);
            Number(writer, Names.AiCogsToRevenue, a.AiCogsToRevenue);
            Number(writer, Names.GrossMarginRate, a.GrossMarginRate);
            if (a.Viable is bool viable)
            {
                writer.WriteBoolean(Names.Viable, viable);
            }
            else
            {
                writer.WriteNull(Names.Viable);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Band(Utf8JsonWriter writer, BenchmarkBand band)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Segment, Text(band.Segment));
        writer.WriteString(Names.Metric, Text(band.Metric));
        writer.WriteString(Names.Direction, Text(band.Direction));
        Number(writer, Names.Low, band.Low);
        Number(writer, Names.MedianLow, band.MedianLow);
        Number(writer, Names.MedianHigh, band.MedianHigh);
        Number(writer, Names.Elite, band.Elite);
        writer.WriteString(Names.Source, band.Source);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is decimal number)
        {
            writer.WritePropertyName(name);
            RoundedDecimalConverter.WriteValue(writer, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void OptionalString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonEncodedText Text(Segment segment) => segment switch
    {
        Segment.AiFirstSaas => Names.AiFirstSaas,
        Segment.EnterpriseAi => Names.EnterpriseAi,
        Segment.ConsumerAi => Names.ConsumerAi,
        Segment.AllSectors => Names.AllSectors,
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };

    private static JsonEncodedText Text(ApproachKind kind) => kind switch
    {
        ApproachKind.Prompt => Names.Prompt,
        ApproachKind.Rag => Names.Rag,
        ApproachKind.FineTune => Names.FineTune,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static JsonEncodedText Text(Verdict verdict) => verdict switch
    {
        Verdict.Immediate => Names.Immediate,
        Verdict.WithinHorizon => Names.WithinHorizon,
        Verdict.AfterHorizon => Names.AfterHorizon,
        Verdict.Never => Names.Never,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The metric's kebab-case name, as JSON writes it.</summary>
    internal static JsonEncodedText Text(Metric metric) => metric switch
    {
        Metric.AiCogsToRevenue => Names.AiCogsToRevenueMetric,
        Metric.InferenceCostPerRequest => Names.InferenceCostPerRequest,
        Metric.ModelRoutingCoverage => Names.ModelRoutingCoverage,
        Metric.AiFeatureProfitability => Names.AiFeatureProfitability,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    private static JsonEncodedText Text(Direction direction) => direction == Direction.LowerIsBetter ? Names.LowerIsBetter : Names.HigherIsBetter;

    private static JsonEncodedText Text(Tier tier) => tier switch
    {
        Tier.Elite => Names.Elite,
        Tier.AboveMedian => Names.AboveMedian,
        Tier.Median => Names.Median,
        Tier.BelowMedian => Names.BelowMedian,
        Tier.Low => Names.Low,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    /// <summary>Property names and enum values, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText ScenarioName = JsonEncodedText.Encode("scenarioName");
        public static readonly JsonEncodedText Segment = JsonEncodedText.Encode("segment");
        public static readonly JsonEncodedText HorizonMonths = JsonEncodedText.Encode("horizonMonths");
        public static readonly JsonEncodedText TotalRequests = JsonEncodedText.Encode("totalRequests");
        public static readonly JsonEncodedText BaselineId = JsonEncodedText.Encode("baselineId");
        public static readonly JsonEncodedText Approaches = JsonEncodedText.Encode("approaches");
        public static readonly JsonEncodedText BreakEven = JsonEncodedText.Encode("breakEven");
        public static readonly JsonEncodedText Recommendation = JsonEncodedText.Encode("recommendation");
        public static readonly JsonEncodedText Scale = JsonEncodedText.Encode("scale");
        public static readonly JsonEncodedText Benchmarks = JsonEncodedText.Encode("benchmarks");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Accuracy = JsonEncodedText.Encode("accuracy");
        public static readonly JsonEncodedText Eligible = JsonEncodedText.Encode("eligible");
        public static readonly JsonEncodedText PerRequest = JsonEncodedText.Encode("perRequest");
        public static readonly JsonEncodedText ModelTokenCost = JsonEncodedText.Encode("modelTokenCost");
        public static readonly JsonEncodedText RetrievalCost = JsonEncodedText.Encode("retrievalCost");
        public static readonly JsonEncodedText InferenceCost = JsonEncodedText.Encode("inferenceCost");
        public static readonly JsonEncodedText VerificationCost = JsonEncodedText.Encode("verificationCost");
        public static readonly JsonEncodedText ErrorCost = JsonEncodedText.Encode("errorCost");
        public static readonly JsonEncodedText EconomicCost = JsonEncodedText.Encode("economicCost");
        public static readonly JsonEncodedText FullyLoadedCost = JsonEncodedText.Encode("fullyLoadedCost");
        public static readonly JsonEncodedText CostOfPredictivity = JsonEncodedText.Encode("costOfPredictivity");
        public static readonly JsonEncodedText Monthly = JsonEncodedText.Encode("monthly");
        public static readonly JsonEncodedText FixedCost = JsonEncodedText.Encode("fixedCost");
        public static readonly JsonEncodedText RunRate = JsonEncodedText.Encode("runRate");
        public static readonly JsonEncodedText Training = JsonEncodedText.Encode("training");
        public static readonly JsonEncodedText InitialCost = JsonEncodedText.Encode("initialCost");
        public static readonly JsonEncodedText RetrainCost = JsonEncodedText.Encode("retrainCost");
        public static readonly JsonEncodedText Runs = JsonEncodedText.Encode("runs");
        public static readonly JsonEncodedText Horizon = JsonEncodedText.Encode("horizon");
        public static readonly JsonEncodedText TotalCost = JsonEncodedText.Encode("totalCost");
        public static readonly JsonEncodedText QualityCost = JsonEncodedText.Encode("qualityCost");
        public static readonly JsonEncodedText Revenue = JsonEncodedText.Encode("revenue");
        public static readonly JsonEncodedText GrossMargin = JsonEncodedText.Encode("grossMargin");
        public static readonly JsonEncodedText GrossMarginRate = JsonEncodedText.Encode("grossMarginRate");
        public static readonly JsonEncodedText AiCogsToRevenue = JsonEncodedText.Encode("aiCogsToRevenue");
        public static readonly JsonEncodedText NetValue = JsonEncodedText.Encode("netValue");
        public static readonly JsonEncodedText MarginCollapseRequestsPerUser = JsonEncodedText.Encode("marginCollapseRequestsPerUser");
        public static readonly JsonEncodedText ApproachId = JsonEncodedText.Encode("approachId");
        public static readonly JsonEncodedText Cost = JsonEncodedText.Encode("cost");
        public static readonly JsonEncodedText QualityAdjusted = JsonEncodedText.Encode("qualityAdjusted");
        public static readonly JsonEncodedText SavingsPerRequest = JsonEncodedText.Encode("savingsPerRequest");
        public static readonly JsonEncodedText FixedMonthlyDelta = JsonEncodedText.Encode("fixedMonthlyDelta");
        public static readonly JsonEncodedText OneTimeDelta = JsonEncodedText.Encode("oneTimeDelta");
        public static readonly JsonEncodedText MinimumMonthlyRequests = JsonEncodedText.Encode("minimumMonthlyRequests");
        public static readonly JsonEncodedText PaybackMonths = JsonEncodedText.Encode("paybackMonths");
        public static readonly JsonEncodedText BreakEvenRequests = JsonEncodedText.Encode("breakEvenRequests");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
        public static readonly JsonEncodedText Multiplier = JsonEncodedText.Encode("multiplier");
        public static readonly JsonEncodedText RequestsPerMonth = JsonEncodedText.Encode("requestsPerMonth");
        public static readonly JsonEncodedText RecommendedApproachId = JsonEncodedText.Encode("recommendedApproachId");
        public static readonly JsonEncodedText MonthlyRunRate = JsonEncodedText.Encode("monthlyRunRate");
        public static readonly JsonEncodedText Viable = JsonEncodedText.Encode("viable");
        public static readonly JsonEncodedText Metric = JsonEncodedText.Encode("metric");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
        public static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
        public static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
        public static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
        public static readonly JsonEncodedText MedianLow = JsonEncodedText.Encode("medianLow");
        public static readonly JsonEncodedText MedianHigh = JsonEncodedText.Encode("medianHigh");
        public static readonly JsonEncodedText Elite = JsonEncodedText.Encode("elite");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText AiFirstSaas = JsonEncodedText.Encode("ai-first-saas");
        public static readonly JsonEncodedText EnterpriseAi = JsonEncodedText.Encode("enterprise-ai");
        public static readonly JsonEncodedText ConsumerAi = JsonEncodedText.Encode("consumer-ai");
        public static readonly JsonEncodedText AllSectors = JsonEncodedText.Encode("all-sectors");
        public static readonly JsonEncodedText Prompt = JsonEncodedText.Encode("prompt");
        public static readonly JsonEncodedText Rag = JsonEncodedText.Encode("rag");
        public static readonly JsonEncodedText FineTune = JsonEncodedText.Encode("fine-tune");
        public static readonly JsonEncodedText Immediate = JsonEncodedText.Encode("immediate");
        public static readonly JsonEncodedText WithinHorizon = JsonEncodedText.Encode("within-horizon");
        public static readonly JsonEncodedText AfterHorizon = JsonEncodedText.Encode("after-horizon");
        public static readonly JsonEncodedText Never = JsonEncodedText.Encode("never");
        public static readonly JsonEncodedText AiCogsToRevenueMetric = JsonEncodedText.Encode("ai-cogs-to-revenue");
        public static readonly JsonEncodedText InferenceCostPerRequest = JsonEncodedText.Encode("inference-cost-per-request");
        public static readonly JsonEncodedText ModelRoutingCoverage = JsonEncodedText.Encode("model-routing-coverage");
        public static readonly JsonEncodedText AiFeatureProfitability = JsonEncodedText.Encode("ai-feature-profitability");
        public static readonly JsonEncodedText LowerIsBetter = JsonEncodedText.Encode("lower-is-better");
        public static readonly JsonEncodedText HigherIsBetter = JsonEncodedText.Encode("higher-is-better");
        public static readonly JsonEncodedText AboveMedian = JsonEncodedText.Encode("above-median");
        public static readonly JsonEncodedText Median = JsonEncodedText.Encode("median");
        public static readonly JsonEncodedText BelowMedian = JsonEncodedText.Encode("below-median");
    }
}
