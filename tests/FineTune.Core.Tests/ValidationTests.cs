namespace FineTune.Core.Tests;

/// <summary>
/// ScenarioJson.Parse treats bad input as data (economics.md section 1): it never throws, refuses every problem of a body at
/// once, and keys each refusal by its JSON path. Each case edits the three-approach sample, where approaches[0] is the prompt,
/// approaches[1] the RAG and approaches[2] the fine-tune approach.
/// </summary>
public sealed class ValidationTests
{
    private const string Sample = Samples.ThreeApproaches;

    private const string SmallTraining = """
        { "trainingTokens": 1000, "epochs": 1, "trainingPerMillion": 1, "gpuHours": 0, "gpuHourlyRate": 0,
          "dataPreparationCost": 0, "evaluationCost": 0 }
        """;

    /// <summary>Asserts the body is refused with exactly these paths, each with at least one message.</summary>
    private static void AssertRefusedAt(string json, params string[] paths) => AssertRefusedAt(Samples.Errors(json), paths);

    private static void AssertRefusedAt(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, params string[] paths)
    {
        Assert.Equal(paths.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.All(messages, message => Assert.False(string.IsNullOrWhiteSpace(message))));
        Assert.All(errors.Values, Assert.NotEmpty);
    }

    private static void AssertAccepted(string json) => Samples.Parse(json);

    public static TheoryData<string> RequiredFields => new()
    {
        "name",
        "workload",
        "workload.requestsPerMonth",
        "approaches",
        "approaches[0].id",
        "approaches[1].kind",
        "approaches[0].pricing",
        "approaches[1].pricing.inputPerMillion",
        "approaches[2].pricing.outputPerMillion",
        "approaches[0].inputTokens",
        "approaches[1].outputTokens",
        "approaches[2].accuracy",
        "approaches[2].routing.share",
        "approaches[2].routing.pricing",
        "approaches[2].routing.pricing.inputPerMillion",
        "approaches[2].routing.accuracy",
        "approaches[2].training",
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Parse_RequiredFieldMissing_IsRefusedAtItsPath(string path) =>
        AssertRefusedAt(Samples.Remove(Sample, path), path);

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Parse_RequiredFieldNull_IsRefusedAsMissing(string path) =>
        AssertRefusedAt(Samples.Set(Sample, path, "null"), path);

    public static TheoryData<string> OptionalFields => new()
    {
        "segment",
        "baselineId",
        "revenue",
        "quality",
        "optimizations",
        "workload.horizonMonths",
        "workload.monthlyGrowthRate",
        "revenue.perUserPerMonth",
        "revenue.targetGrossMargin",
        "quality.requiredAccuracy",
        "optimizations.batchDiscount",
        "approaches[0].cachedInputTokens",
        "approaches[0].pricing.cachedInputPerMillion",
        "approaches[0].training",
        "approaches[1].retrieval",
        "approaches[1].fixedMonthlyCost",
        "approaches[2].routing",
        "approaches[2].hostingPerHour",
        "approaches[2].training.retrainEveryMonths",
        // Section 1: every cost, token count and rate not listed as required is 0 when absent (epochs 1).
        "optimizations.cacheHitRate",
        "optimizations.cacheLookupCost",
        "optimizations.batchShare",
        "approaches[1].retrieval.contextTokens",
        "approaches[1].retrieval.embeddingTokens",
        "approaches[1].retrieval.embeddingPerMillion",
        "approaches[1].retrieval.costPerQuery",
        "approaches[2].training.trainingTokens",
        "approaches[2].training.epochs",
        "approaches[2].training.trainingPerMillion",
        "approaches[2].training.gpuHours",
        "approaches[2].training.gpuHourlyRate",
        "approaches[2].training.dataPreparationCost",
        "approaches[2].training.evaluationCost",
    };

    [Theory]
    [MemberData(nameof(OptionalFields))]
    public void Parse_OptionalFieldNull_IsReadAsAbsent(string path)
    {
        string absent = Samples.Has(Sample, path) ? Samples.Remove(Sample, path) : Sample;

        Scenario withNull = Samples.Parse(Samples.Set(Sample, path, "null"));

        Assert.Equal(ScenarioJson.Serialize(Samples.Parse(absent)), ScenarioJson.Serialize(withNull));
    }

    public static TheoryData<string, string[]> EmptyBlocks => new()
    {
        { "workload", ["workload.requestsPerMonth"] },
        { "approaches[0].pricing", ["approaches[0].pricing.inputPerMillion", "approaches[0].pricing.outputPerMillion"] },
        { "approaches[2].routing", ["approaches[2].routing.share", "approaches[2].routing.pricing", "approaches[2].routing.accuracy"] },
    };

    [Theory]
    [MemberData(nameof(EmptyBlocks))]
    public void Parse_EmptyBlock_RefusesEveryFieldWithoutDefaultTogether(string block, string[] paths) =>
        AssertRefusedAt(Samples.Set(Sample, block, "{}"), paths);

    public static TheoryData<string> BlocksWithOnlyDefaults => new()
    {
        "quality",
        "optimizations",
        "approaches[1].retrieval",
        "approaches[2].training",
    };

    [Theory]
    [MemberData(nameof(BlocksWithOnlyDefaults))]
    public void Parse_EmptyBlockWhoseFieldsAllDefault_IsAccepted(string block) =>
        AssertAccepted(Samples.Set(Sample, block, "{}"));

    /// <summary>
    /// A hosted fine-tune states only what it pays (section 1: "a hosted fine-tune has no GPU hours"): absent GPU hours, rate,
    /// preparation and evaluation are 0 and epochs 1, so 5,000,000 tokens x 1 epoch x $25 per million = $125 of training.
    /// </summary>
    [Fact]
    public void Parse_HostedFineTuneWithoutGpuPreparationOrEvaluation_TrainsForItsTokensAlone()
    {
        string json = Samples.Set(Sample, "approaches[2].training", """{ "trainingTokens": 5000000, "trainingPerMillion": 25 }""");

        ApproachAnalysis fineTune = Analyzer.Analyze(Samples.Parse(json)).Approaches[2];

        Assert.Equal(125m, fineTune.Training.InitialCost);
        Assert.Equal(125m, fineTune.Training.RetrainCost);
        Assert.Equal(1, fineTune.Training.Runs);
    }

    /// <summary>Token counts are integers: a literal that reads as a whole decimal only because it underflows is refused.</summary>
    [Theory]
    [InlineData("approaches[0].inputTokens", "1e-30")]
    [InlineData("approaches[0].outputTokens", "0.00000000000000000000000000001")]
    [InlineData("approaches[0].cachedInputTokens", "1800.0000000000000000000000000001")]
    [InlineData("approaches[1].retrieval.contextTokens", "15e-1")]
    [InlineData("approaches[2].training.trainingTokens", "5000000.00000000000000000000000001")]
    [InlineData("approaches[2].training.epochs", "3.00000000000000000000000000001")]
    public void Parse_TokenCountThatIsNotWholeAsWritten_IsRefused(string path, string rawValue) =>
        AssertRefusedAt(Samples.Set(Sample, path, rawValue), path);

    [Theory]
    [InlineData("approaches[0].inputTokens", "2.4e3")]
    [InlineData("approaches[0].outputTokens", "0e-30")]
    [InlineData("approaches[0].outputTokens", "-0")]
    [InlineData("approaches[1].retrieval.contextTokens", "1500.000")]
    [InlineData("approaches[2].training.trainingTokens", "5E+6")]
    public void Parse_TokenCountThatIsWholeAsWritten_IsAccepted(string path, string rawValue) =>
        AssertAccepted(Samples.Set(Sample, path, rawValue));

    public static TheoryData<string, string> WrongTypes => new()
    {
        { "name", "42" },
        { "name", """["Support"]""" },
        { "segment", "3" },
        { "baselineId", "1" },
        { "workload", "[]" },
        { "workload", "\"large\"" },
        { "workload.requestsPerMonth", "\"2000000\"" },
        { "workload.horizonMonths", "\"24\"" },
        { "workload.horizonMonths", "true" },
        { "revenue", "[0.02]" },
        { "quality.reviewRate", "\"10%\"" },
        { "optimizations", "0.2" },
        { "approaches", "{}" },
        { "approaches", "\"prompt\"" },
        { "approaches[0]", "\"prompt\"" },
        { "approaches[0]", "[]" },
        { "approaches[0].id", "7" },
        { "approaches[1].kind", "{}" },
        { "approaches[1].pricing", "[2.5, 10]" },
        { "approaches[0].pricing.inputPerMillion", "\"2.5\"" },
        { "approaches[0].inputTokens", "\"2400\"" },
        { "approaches[0].accuracy", "\"NaN\"" },
        { "approaches[0].accuracy", "false" },
        { "approaches[1].retrieval", "true" },
        { "approaches[2].routing.pricing", "\"cheap\"" },
        { "approaches[2].training", "[]" },
        { "approaches[2].training.epochs", "\"3\"" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Parse_WrongType_IsRefusedAtItsPath(string path, string rawValue) =>
        AssertRefusedAt(Samples.Set(Sample, path, rawValue), path);

    public static TheoryData<string, string> OutOfRange => new()
    {
        // Money, 0 .. 1e9.
        { "approaches[1].fixedMonthlyCost", "-0.01" },
        { "approaches[1].fixedMonthlyCost", "1000000000.01" },
        { "approaches[2].hostingPerHour", "-1.7" },
        { "revenue.perRequest", "-1" },
        { "quality.costPerError", "1000000001" },
        { "quality.valuePerCorrectOutput", "-0.05" },
        { "optimizations.cacheLookupCost", "-0.00001" },
        { "approaches[1].retrieval.costPerQuery", "1000000000.5" },
        { "approaches[2].training.dataPreparationCost", "1e10" },
        { "approaches[2].training.gpuHourlyRate", "-1" },
        // Prices, 0 .. 10,000 per million.
        { "approaches[0].pricing.inputPerMillion", "-0.01" },
        { "approaches[0].pricing.outputPerMillion", "10000.01" },
        { "approaches[0].pricing.cachedInputPerMillion", "20000" },
        { "approaches[2].routing.pricing.inputPerMillion", "10001" },
        { "approaches[1].retrieval.embeddingPerMillion", "-0.02" },
        { "approaches[2].training.trainingPerMillion", "10000.5" },
        // Request token counts, integers 0 .. 1e7.
        { "approaches[0].inputTokens", "-1" },
        { "approaches[0].inputTokens", "10000001" },
        { "approaches[1].outputTokens", "3e7" },
        { "approaches[0].outputTokens", "1.5" },
        { "approaches[0].cachedInputTokens", "1.5" },
        // A token count is an integer: 1e-30 is not 0, though a decimal would round it so.
        { "approaches[0].inputTokens", "1e-30" },
        { "approaches[1].outputTokens", "300.00000000000000000000000000001" },
        { "approaches[2].training.trainingTokens", "1e-30" },
        { "approaches[1].retrieval.contextTokens", "10000001" },
        { "approaches[1].retrieval.embeddingTokens", "-5" },
        // trainingTokens, integer 0 .. 1e13.
        { "approaches[2].training.trainingTokens", "10000000000001" },
        { "approaches[2].training.trainingTokens", "-1" },
        { "approaches[2].training.trainingTokens", "5000000.5" },
        // gpuHours, 0 .. 1e7.
        { "approaches[2].training.gpuHours", "10000000.1" },
        { "approaches[2].training.gpuHours", "-1" },
        // epochs, integer 1 .. 100.
        { "approaches[2].training.epochs", "0" },
        { "approaches[2].training.epochs", "101" },
        { "approaches[2].training.epochs", "2.5" },
        // retrainEveryMonths, integer 1 .. 120.
        { "approaches[2].training.retrainEveryMonths", "0" },
        { "approaches[2].training.retrainEveryMonths", "121" },
        { "approaches[2].training.retrainEveryMonths", "6.5" },
        // horizonMonths, integer 1 .. 120.
        { "workload.horizonMonths", "0" },
        { "workload.horizonMonths", "121" },
        { "workload.horizonMonths", "12.5" },
        // monthlyGrowthRate, -0.5 .. 1.
        { "workload.monthlyGrowthRate", "-0.51" },
        { "workload.monthlyGrowthRate", "1.01" },
        // requestsPerMonth, > 0 and <= 1e12.
        { "workload.requestsPerMonth", "0" },
        { "workload.requestsPerMonth", "-1" },
        { "workload.requestsPerMonth", "1000000000001" },
        // Accuracy, 0.001 .. 1.
        { "approaches[0].accuracy", "0" },
        { "approaches[0].accuracy", "0.0009" },
        { "approaches[0].accuracy", "1.0001" },
        { "approaches[2].routing.accuracy", "0" },
        // Rates and shares, 0 .. 1.
        { "optimizations.cacheHitRate", "1.01" },
        { "optimizations.batchShare", "-0.1" },
        { "optimizations.batchDiscount", "2" },
        { "quality.reviewRate", "1.5" },
        { "quality.requiredAccuracy", "1.1" },
        { "revenue.targetGrossMargin", "-0.5" },
        { "approaches[2].routing.share", "1.3" },
        // requestsPerUserPerMonth, > 0.
        { "revenue.requestsPerUserPerMonth", "0" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Parse_ValueOutOfRange_IsRefusedAtItsPath(string path, string rawValue) =>
        AssertRefusedAt(Samples.Set(Sample, path, rawValue), path);

    public static TheoryData<string, string> LimitsThemselves => new()
    {
        { "approaches[1].fixedMonthlyCost", "0" },
        { "approaches[1].fixedMonthlyCost", "1000000000" },
        { "approaches[0].pricing.inputPerMillion", "10000" },
        { "approaches[0].pricing.outputPerMillion", "0" },
        { "approaches[0].inputTokens", "10000000" },
        { "approaches[0].inputTokens", "1800" },
        { "approaches[0].outputTokens", "0" },
        { "approaches[0].outputTokens", "300.0" },
        { "approaches[0].outputTokens", "3e2" },
        { "approaches[2].training.trainingTokens", "10000000000000" },
        { "approaches[2].training.gpuHours", "10000000" },
        { "approaches[2].training.gpuHours", "0.5" },
        { "approaches[2].training.epochs", "1" },
        { "approaches[2].training.epochs", "100" },
        { "approaches[2].training.retrainEveryMonths", "1" },
        { "approaches[2].training.retrainEveryMonths", "120" },
        { "workload.horizonMonths", "1" },
        { "workload.horizonMonths", "120" },
        { "workload.monthlyGrowthRate", "-0.5" },
        { "workload.monthlyGrowthRate", "1" },
        { "workload.requestsPerMonth", "1000000000000" },
        { "approaches[0].accuracy", "0.001" },
        { "approaches[0].accuracy", "1" },
        { "optimizations.cacheHitRate", "1" },
        { "optimizations.batchShare", "0" },
        { "quality.reviewRate", "1" },
        { "revenue.perRequest", "0" },
    };

    [Theory]
    [MemberData(nameof(LimitsThemselves))]
    public void Parse_ValueOnItsLimit_IsAccepted(string path, string rawValue) =>
        AssertAccepted(Samples.Set(Sample, path, rawValue));

    public static TheoryData<string> UnknownProperties => new()
    {
        "foo",
        "Name",
        "workload.foo",
        "revenue.foo",
        "quality.foo",
        "optimizations.foo",
        "approaches[0].foo",
        "approaches[0].Accuracy",
        "approaches[1].pricing.foo",
        "approaches[1].retrieval.foo",
        "approaches[2].routing.foo",
        "approaches[2].routing.pricing.foo",
        "approaches[2].training.foo",
    };

    [Theory]
    [MemberData(nameof(UnknownProperties))]
    public void Parse_UnknownProperty_IsRefusedAtItsPath(string path) =>
        AssertRefusedAt(Samples.Set(Sample, path, "1"), path);

    public static TheoryData<string, string, string> DuplicateProperties => new()
    {
        { "\"name\": \"Support ticket triage\",", "\"name\": \"Support ticket triage\", \"name\": \"Other\",", "name" },
        { "\"name\": \"Support ticket triage\",", "\"name\": \"Support ticket triage\", \"n\\u0061me\": \"Other\",", "name" },
        { "\"segment\": \"enterprise-ai\",", "\"segment\": null, \"segment\": \"enterprise-ai\",", "segment" },
        { "\"revenue\": {", "\"revenue\": null, \"revenue\": {", "revenue" },
        { "\"requestsPerMonth\": 2000000", "\"requestsPerMonth\": 2000000, \"requestsPerMonth\": 2000000", "workload.requestsPerMonth" },
        { "\"outputPerMillion\": 10 }", "\"outputPerMillion\": 10, \"outputPerMillion\": 10 }", "approaches[1].pricing.outputPerMillion" },
        { "\"epochs\": 3", "\"epochs\": 3, \"epochs\": 4", "approaches[2].training.epochs" },
    };

    [Theory]
    [MemberData(nameof(DuplicateProperties))]
    public void Parse_DuplicateProperty_IsRefusedAtItsPath(string oldText, string newText, string path) =>
        AssertRefusedAt(Samples.ReplaceOnce(Sample, oldText, newText), path);

    [Fact]
    public void Parse_DuplicateApproachId_IsRefusedAtTheRepeat() =>
        AssertRefusedAt(Samples.Set(Sample, "approaches[1].id", "\"prompt\""), "approaches[1].id");

    [Fact]
    public void Parse_ThreeApproachesWithOneId_RefusesEachRepeat()
    {
        string json = Samples.Set(Samples.Set(Sample, "approaches[1].id", "\"ft\""), "approaches[0].id", "\"ft\"");

        AssertRefusedAt(json, "approaches[1].id", "approaches[2].id");
    }

    public static TheoryData<string> MalformedIds => new()
    {
        "Prompt",
        "PROMPT",
        "-prompt",
        new string('a', 41),
        "",
        "ft_1",
        "ft 1",
        "ft.1",
        "f\u00fcnf",
        "\nft",
        "ft\n",
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public void Parse_MalformedApproachId_IsRefusedAtItsPath(string id) =>
        AssertRefusedAt(Samples.Set(Sample, "approaches[0].id", Samples.Quote(id)), "approaches[0].id");

    public static TheoryData<string> WellFormedIds => new() { "a", "0", "a-", "9-lives", "rag-v2", new string('a', 40) };

    [Theory]
    [MemberData(nameof(WellFormedIds))]
    public void Parse_WellFormedApproachId_IsAccepted(string id)
    {
        Scenario scenario = Samples.Parse(Samples.Set(Sample, "approaches[0].id", Samples.Quote(id)));

        Assert.Equal(id, scenario.Approaches[0].Id);
    }

    private static string WithPromptApproaches(int count) => Samples.Set(Samples.Minimal, "approaches", "["
        + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""
            { "id": "p{{i}}", "kind": "prompt", "pricing": { "inputPerMillion": 1, "outputPerMillion": 2 },
              "inputTokens": 100, "outputTokens": 10, "accuracy": 0.9 }
            """))
        + "]");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Parse_ApproachCountOutsideOneToTen_IsRefused(int count) =>
        AssertRefusedAt(WithPromptApproaches(count), "approaches");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Parse_ApproachCountOneToTen_IsAccepted(int count) =>
        Assert.Equal(count, Samples.Parse(WithPromptApproaches(count)).Approaches.Count);

    [Fact]
    public void Parse_UnknownBaselineId_IsRefused() =>
        AssertRefusedAt(Samples.Set(Sample, "baselineId", "\"gpt\""), "baselineId");

    [Fact]
    public void Parse_KnownBaselineId_IsAccepted() =>
        Assert.Equal("rag", Samples.Parse(Samples.Set(Sample, "baselineId", "\"rag\"")).BaselineId);

    /// <summary>A baseline that names an approach of the body is no problem, whatever else is wrong with the body.</summary>
    [Fact]
    public void Parse_KnownBaselineIdBesideAnotherError_ReportsOnlyTheOtherError() =>
        AssertRefusedAt(Samples.Remove(Samples.Set(Sample, "baselineId", "\"rag\""), "name"), "name");

    [Fact]
    public void Parse_BaselineNamingAnApproachWithAnError_ReportsOnlyThatError() =>
        AssertRefusedAt(
            Samples.Set(Samples.Set(Sample, "baselineId", "\"rag\""), "approaches[1].accuracy", "2"), "approaches[1].accuracy");

    [Fact]
    public void Parse_CachedInputTokensAboveInputTokens_IsRefused() =>
        AssertRefusedAt(Samples.Set(Sample, "approaches[0].cachedInputTokens", "2401"), "approaches[0].cachedInputTokens");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Parse_TrainingOnANonFineTuneApproach_IsRefused(int index) =>
        AssertRefusedAt(Samples.Set(Sample, $"approaches[{index}].training", SmallTraining), $"approaches[{index}].training");

    [Fact]
    public void Parse_FineTuneWithoutTraining_IsRefused()
    {
        string json = Samples.Set(Samples.Remove(Sample, "approaches[2].training"), "approaches[1].kind", "\"fine-tune\"");

        AssertRefusedAt(json, "approaches[1].training", "approaches[2].training");
    }

    public static TheoryData<string> IncompleteRevenue => new()
    {
        """{ "perUserPerMonth": 50 }""",
        """{ "requestsPerUserPerMonth": 200 }""",
        """{ "perUserPerMonth": 50, "requestsPerUserPerMonth": null }""",
        """{ "targetGrossMargin": 0.5 }""",
        "{}",
    };

    [Theory]
    [MemberData(nameof(IncompleteRevenue))]
    public void Parse_RevenueWithoutPerRequestOrBothSubscriptionFields_IsRefused(string revenue) =>
        AssertRefusedAt(Samples.Set(Sample, "revenue", revenue), "revenue");

    public static TheoryData<string> CompleteRevenue => new()
    {
        """{ "perRequest": 0.02 }""",
        """{ "perRequest": 0 }""",
        """{ "perUserPerMonth": 50, "requestsPerUserPerMonth": 200 }""",
    };

    [Theory]
    [MemberData(nameof(CompleteRevenue))]
    public void Parse_RevenueWithPerRequestOrBothSubscriptionFields_IsAccepted(string revenue) =>
        AssertAccepted(Samples.Set(Sample, "revenue", revenue));

    public static TheoryData<string> OverProjectedWorkloads => new()
    {
        // 1e12 x 2^23 is about 8.4e18 requests in month 23.
        """{ "requestsPerMonth": 1000000000000, "monthlyGrowthRate": 1.0, "horizonMonths": 24 }""",
        // The default horizon of 12 months applies: 1e12 x 2^11 = 2.048e15.
        """{ "requestsPerMonth": 1000000000000, "monthlyGrowthRate": 1 }""",
        // 1e15 / 2^10 = 976,562,500,000; a thousandth of a request more projects just over 1e15.
        """{ "requestsPerMonth": 976562500000.001, "monthlyGrowthRate": 1, "horizonMonths": 11 }""",
    };

    [Theory]
    [MemberData(nameof(OverProjectedWorkloads))]
    public void Parse_LastMonthProjectedAbove1e15_IsRefused(string workload) =>
        AssertRefusedAt(Samples.Set(Sample, "workload", workload), "workload");

    public static TheoryData<string> ProjectedWithinLimit => new()
    {
        // Exactly 1e15 in month 10: 976,562,500,000 x 2^10.
        """{ "requestsPerMonth": 976562500000, "monthlyGrowthRate": 1, "horizonMonths": 11 }""",
        // 1e12 x 1.059^119 is about 9.2e14.
        """{ "requestsPerMonth": 1000000000000, "monthlyGrowthRate": 0.059, "horizonMonths": 120 }""",
        """{ "requestsPerMonth": 1000000000000, "horizonMonths": 120 }""",
    };

    [Theory]
    [MemberData(nameof(ProjectedWithinLimit))]
    public void Parse_LastMonthProjectedAtMost1e15_IsAccepted(string workload) =>
        AssertAccepted(Samples.Set(Sample, "workload", workload));

    public static TheoryData<string> WrongSegments => new() { "Enterprise-AI", "enterprise_ai", "EnterpriseAi", "all sectors", "" };

    [Theory]
    [MemberData(nameof(WrongSegments))]
    public void Parse_UnknownSegment_IsRefused(string segment) =>
        AssertRefusedAt(Samples.Set(Sample, "segment", Samples.Quote(segment)), "segment");

    public static TheoryData<string, Segment> Segments => new()
    {
        { "ai-first-saas", Segment.AiFirstSaas },
        { "enterprise-ai", Segment.EnterpriseAi },
        { "consumer-ai", Segment.ConsumerAi },
        { "all-sectors", Segment.AllSectors },
    };

    [Theory]
    [MemberData(nameof(Segments))]
    public void Parse_KnownSegment_IsRead(string text, Segment segment) =>
        Assert.Equal(segment, Samples.Parse(Samples.Set(Sample, "segment", Samples.Quote(text))).Segment);

    public static TheoryData<string> WrongKinds => new() { "finetune", "fine_tune", "Prompt", "RAG", "" };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void Parse_UnknownKind_IsRefused(string kind) =>
        AssertRefusedAt(Samples.Set(Sample, "approaches[0].kind", Samples.Quote(kind)), "approaches[0].kind");

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Parse_NameOutsideOneTo200Characters_IsRefused(int length) =>
        AssertRefusedAt(Samples.Set(Sample, "name", Samples.Quote(new string('n', length))), "name");

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void Parse_NameOfOneTo200Characters_IsAccepted(int length) =>
        Assert.Equal(length, Samples.Parse(Samples.Set(Sample, "name", Samples.Quote(new string('n', length)))).Name.Length);

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedTogether()
    {
        string json = Samples.Remove(Sample, "name");
        json = Samples.Set(json, "segment", "\"retail\"");
        json = Samples.Set(json, "workload.horizonMonths", "0");
        json = Samples.Set(json, "quality.reviewRate", "2");
        json = Samples.Set(json, "approaches[0].cachedInputTokens", "2401");
        json = Samples.Set(json, "approaches[1].pricing.foo", "1");
        json = Samples.Set(json, "approaches[2].accuracy", "\"high\"");
        json = Samples.Set(json, "approaches[2].training.epochs", "0");

        IReadOnlyDictionary<string, IReadOnlyList<string>> errors = Samples.Errors(json);

        Assert.Equal(8, errors.Count);
        AssertRefusedAt(errors,
            "name", "segment", "workload.horizonMonths", "quality.reviewRate", "approaches[0].cachedInputTokens",
            "approaches[1].pricing.foo", "approaches[2].accuracy", "approaches[2].training.epochs");
    }

    public static TheoryData<string> MalformedBodies => new()
    {
        "",
        " \n\t ",
        Sample[..(Sample.Length / 2)],
        Sample[..^1],
        "[]",
        """[{ "name": "x" }]""",
        "42",
        "\"scenario\"",
        "null",
        "true",
        Samples.ReplaceOnce(Sample, "\"accuracy\": 0.86", "\"accuracy\": NaN"),
        Samples.ReplaceOnce(Sample, "\"accuracy\": 0.86", "\"accuracy\": Infinity"),
        Samples.ReplaceOnce(Sample, "\"reviewMinutes\": 2", "\"reviewMinutes\": 02"),
        Sample + " x",
        Sample + " {}",
        Sample + ",",
        new string('[', 10_000) + new string(']', 10_000),
        Samples.ReplaceOnce(Sample, "\"quality\": {", $"\"deep\": {new string('[', 10_000)}{new string(']', 10_000)}, \"quality\": {{"),
        "// a comment\n" + Sample,
        Samples.ReplaceOnce(Sample, "\"segment\": \"enterprise-ai\",", "\"segment\": \"enterprise-ai\", /* a comment */"),
        Samples.ReplaceOnce(Sample, "\"accuracy\": 0.86 }", "\"accuracy\": 0.86, }"),
        "{ 'name': 'Support ticket triage' }",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void Parse_MalformedJson_IsRefusedAtTheBody(string body) => AssertRefusedAt(body, "$");

    public static TheoryData<string, string> NumbersBeyondDecimal => new()
    {
        { "workload.requestsPerMonth", "1e400" },
        { "approaches[0].inputTokens", "1e400" },
        { "approaches[0].accuracy", "-1e400" },
        { "approaches[0].accuracy", "1e-400" },
        { "approaches[2].training.trainingTokens", "1e400" },
        { "workload.horizonMonths", "99999999999999999999999999999999" },
        { "approaches[1].fixedMonthlyCost", "79228162514264337593543950336" },
    };

    [Theory]
    [MemberData(nameof(NumbersBeyondDecimal))]
    public void Parse_NumberBeyondDecimal_IsRefusedAtItsPath(string path, string rawValue) =>
        AssertRefusedAt(Samples.Set(Sample, path, rawValue), path);

    public static TheoryData<string, byte[]> InvalidUtf8 => new()
    {
        // Inside string values: a stray continuation byte, a truncated three-byte sequence, an encoded surrogate, an overlong '/'.
        { "Support ticket triage", [.. "Support "u8, 0xFF, .. " triage"u8] },
        { "Support ticket triage", [.. "Support "u8, 0xE2, 0x82, .. " triage"u8] },
        { "\"id\": \"rag\"", [.. "\"id\": \"r"u8, 0xED, 0xA0, 0x80, (byte)'"'] },
        { "\"kind\": \"prompt\"", [.. "\"kind\": \"pr"u8, 0xC0, 0xAF, .. "mpt\""u8] },
        // Inside property names.
        { "\"segment\"", [.. "\"seg"u8, 0xC3, 0x28, .. "nt\""u8] },
        { "\"epochs\"", [.. "\"epo"u8, 0xFE, .. "hs\""u8] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Parse_InvalidUtf8_IsRefusedAtTheBodyWithoutThrowing(string text, byte[] replacement)
    {
        byte[] body = Samples.Utf8(Sample);
        byte[] target = Samples.Utf8(text);
        int at = body.AsSpan().IndexOf(target);
        Assert.True(at >= 0 && body.AsSpan(at + 1).IndexOf(target) < 0, $"'{text}' must occur once.");
        byte[] corrupted = [.. body.AsSpan(0, at), .. replacement, .. body.AsSpan(at + target.Length)];

        ScenarioParseResult result = ScenarioJson.Parse(corrupted);

        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        AssertRefusedAt(result.Errors, "$");
    }

    [Fact]
    public void Parse_EscapedLoneSurrogate_IsRefusedWithoutThrowing()
    {
        ScenarioParseResult result = ScenarioJson.Parse(Samples.Utf8(Samples.Set(Sample, "name", "\"Support \\uD800 triage\"")));

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsAccepted()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Samples.Utf8(Sample)];

        ScenarioParseResult result = ScenarioJson.Parse(withBom);

        Assert.True(result.IsValid);
        Assert.Equal(ScenarioJson.Serialize(Samples.Parse(Sample)), ScenarioJson.Serialize(result.Scenario!));
    }

    [Fact]
    public void Parse_EmptyByteSpan_IsRefusedAtTheBody()
    {
        ScenarioParseResult result = ScenarioJson.Parse([]);

        Assert.Null(result.Scenario);
        AssertRefusedAt(result.Errors, "$");
    }
}
