using System.Reflection;
using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.Prices;
using FineTune.Functions.Recompute;
using FineTune.Functions.Http;
using FineTune.Storage;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// Each definition against the record the API reads or writes: the same properties, required exactly where the record's
/// property cannot be null, and (for what the API writes) nullable exactly where it can.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordCoverageTests(ApiFixture fixture)
{
    public static TheoryData<string, Type> Inputs => new()
    {
        { "Scenario", typeof(Scenario) },
        { "Workload", typeof(Workload) },
        { "Revenue", typeof(Revenue) },
        { "Quality", typeof(Quality) },
        { "Optimizations", typeof(Optimizations) },
        { "Approach", typeof(Approach) },
        { "Pricing", typeof(Pricing) },
        { "Retrieval", typeof(Retrieval) },
        { "Routing", typeof(Routing) },
        { "Training", typeof(Training) },
        { "BenchmarkBandInput", typeof(BenchmarkBandInput) },
        { "Monitoring", typeof(Monitoring) },
        { "UsageRecord", typeof(UsageRecord) },
    };

    public static TheoryData<string, Type> Outputs => new()
    {
        { "Analysis", typeof(Analysis) },
        { "ApproachAnalysis", typeof(ApproachAnalysis) },
        { "PerRequestCosts", typeof(PerRequestCosts) },
        { "MonthlyCosts", typeof(MonthlyCosts) },
        { "TrainingCosts", typeof(TrainingCosts) },
        { "HorizonFigures", typeof(HorizonFigures) },
        { "BreakEven", typeof(BreakEven) },
        { "BreakEvenView", typeof(BreakEvenView) },
        { "Recommendation", typeof(Recommendation) },
        { "ScaleCheck", typeof(ScaleCheck) },
        { "ScaleApproach", typeof(ScaleApproach) },
        { "BenchmarkComparison", typeof(BenchmarkComparison) },
        { "PerUserFigures", typeof(PerUserFigures) },
        { "Decision", typeof(Decision) },
        { "DecisionBoundary", typeof(DecisionBoundary) },
        { "BoundaryCrossing", typeof(BoundaryCrossing) },
        { "SensitivityLine", typeof(SensitivityLine) },
        { "SensitivityPoint", typeof(SensitivityPoint) },
        { "Timeline", typeof(Timeline) },
        { "TimelineApproach", typeof(TimelineApproach) },
        { "TimelineAdvantage", typeof(TimelineAdvantage) },
        { "BenchmarkBand", typeof(BenchmarkBand) },
        { "PeerStatistic", typeof(PeerStatistic) },
        { "StoredScenario", typeof(ScenarioResource) },
        { "ScenarioPage", typeof(ScenarioPageResource) },
        { "HealthReport", typeof(HealthReport) },
        { "BenchmarkSet", typeof(BenchmarkSetResource) },
        { "PeerStatistics", typeof(PeerStatisticsResource) },
        { "Comparison", typeof(ComparisonResource) },
        { "MetricComparison", typeof(MetricComparison) },
        { "PeerPlacement", typeof(PeerPlacement) },
        { "RecomputeSummary", typeof(RecomputeSummary) },
        { "AnalysisReference", typeof(AnalysisReference) },
        { "PriceUsed", typeof(PriceUsed) },
        { "ModelPrice", typeof(ModelPriceResource) },
        { "FineTunePrices", typeof(FineTunePrices) },
        { "ModelPricePage", typeof(ModelPricePageResource) },
        { "Model", typeof(ModelResource) },
        { "PriceRefreshSummary", typeof(PriceRefreshSummary) },
        { "UsageReceipt", typeof(UsageReceiptResource) },
        { "StoredAlert", typeof(AlertResource) },
        { "AlertPage", typeof(AlertPageResource) },
        { "MonitorView", typeof(MonitorResource) },
        { "MonitorDay", typeof(MonitorDay) },
        { "MonitorMonth", typeof(MonitorMonth) },
        { "MonitorToDate", typeof(MonitorToDate) },
        { "MonitorForecast", typeof(MonitorForecast) },
        { "Portfolio", typeof(PortfolioResource) },
        { "PortfolioLine", typeof(PortfolioLine) },
        { "RecentUsage", typeof(RecentUsage) },
        { "PortfolioTotals", typeof(PortfolioTotals) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void InputDefinition_HasEveryPropertyOfTheRecord_RequiredWhereNotNullable(string definition, Type record)
    {
        JsonElement schema = Schema(definition);

        Assert.Equal(Properties(record).Keys.Order(), DefinedProperties(schema).Order());
        Assert.Equal(Properties(record).Where(p => !p.Value).Select(p => p.Key).Order(), Required(schema).Order());
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void OutputDefinition_HasEveryPropertyOfTheRecord_NullableWhereTheRecordIs(string definition, Type record)
    {
        JsonElement schema = Schema(definition);
        JsonElement properties = schema.GetProperty("properties");

        Assert.Equal(Properties(record).Keys.Order(), DefinedProperties(schema).Order());
        foreach ((string name, bool nullable) in Properties(record))
        {
            JsonElement property = properties.GetProperty(name);
            bool documentedNullable = property.TryGetProperty("x-nullable", out JsonElement flag) && flag.GetBoolean();
            // A $ref cannot carry x-nullable in Swagger 2.0: a nullable object is one left out of required. A property the
            // record leaves out of the JSON while null (JsonIgnore WhenWritingNull) is never null when present: left out of required.
            bool isReference = property.TryGetProperty("$ref", out _);
            bool omitted = OmittedWhenNull(record, name);
            Assert.True(isReference || omitted ? nullable != Required(schema).Contains(name) : nullable == documentedNullable,
                $"{definition}.{name}: the record says nullable={nullable}.");
        }
    }

    [Fact]
    public void Problem_HasTheFieldsOfTheProblemRecord()
    {
        Assert.Equal(Properties(typeof(Problem)).Keys.Order(), DefinedProperties(fixture.Definition("Problem")).Order());
        Assert.Equal(["detail", "status", "title", "type"], Required(fixture.Definition("Problem")).Order());
    }

    /// <summary>A definition, or with a dot an object schema inline in one of its properties.</summary>
    private JsonElement Schema(string name) => name.Split('.') is [string definition, string property]
        ? fixture.Definition(definition).GetProperty("properties").GetProperty(property)
        : fixture.Definition(name);

    /// <summary>The record's JSON property names (camelCase) and whether each may be null.</summary>
    private static Dictionary<string, bool> Properties(Type record)
    {
        var nullability = new NullabilityInfoContext();
        return record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .ToDictionary(
                p => JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p => Nullable.GetUnderlyingType(p.PropertyType) is not null || nullability.Create(p).ReadState == NullabilityState.Nullable);
    }

    private static bool OmittedWhenNull(Type record, string jsonName) =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == jsonName)
            .GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>()?.Condition
            == System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;

    private static IEnumerable<string> DefinedProperties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out JsonElement required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];
}
