using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CsCheck;

namespace FineTune.Core.Tests;

/// <summary>A small record of its own, so the reader is proven apart from the scenario it mostly reads.</summary>
public sealed record Gadget(
    [property: Length(1, 5)] string Name,
    [property: Bounds(Bound.Fraction)] decimal Share,
    [property: Bounds(Bound.RequestTokens)] long Count,
    ApproachKind? Kind,
    DateOnly? Since,
    [property: Length(1, 3)] IReadOnlyList<Part> Parts,
    [property: RegularExpression(Patterns.ApproachId)] string? Code);

/// <summary>An object inside <see cref="Gadget"/>.</summary>
public sealed record Part([property: Bounds(Bound.Money)] decimal Cost, bool? Spare);

/// <summary>A record the reader's factory cannot build (a <see cref="List{T}"/>, which no array stands for): the deserializer does.</summary>
public sealed record Crate([property: Length(0, 3)] List<Part> Parts, int? Shelf);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(WholeNumberConverter), typeof(WholeNumber32Converter)])]
[JsonSerializable(typeof(Gadget))]
[JsonSerializable(typeof(Crate))]
internal sealed partial class GadgetJsonContext : JsonSerializerContext;

public sealed class ContractReaderTests
{
    private const string Valid = """
        { "name": "gizmo", "share": 0.25, "count": 300, "kind": "rag", "since": "2026-11-30",
          "parts": [ { "cost": 12.5, "spare": true }, { "cost": 0 } ], "code": "g-1" }
        """;

    private static readonly Contract<Gadget> Plain = new(GadgetJsonContext.Default.Gadget);

    private static ContractResult<Gadget> Read(string json, Contract<Gadget>? contract = null) =>
        (contract ?? Plain).Read(Encoding.UTF8.GetBytes(json));

    private static void AssertRefusedAt(string json, params string[] paths)
    {
        ContractResult<Gadget> result = Read(json);
        Assert.Null(result.Value);
        Assert.Equal(paths.Order(StringComparer.Ordinal), result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
    }

    [Fact]
    public void Read_ValidBody_BuildsTheRecordExactly()
    {
        ContractResult<Gadget> result = Read(Valid);

        Assert.True(result.IsValid);
        Gadget gadget = result.Value!;
        Assert.Equal(("gizmo", 0.25m, 300L, ApproachKind.Rag, new DateOnly(2026, 11, 30), "g-1"),
            (gadget.Name, gadget.Share, gadget.Count, gadget.Kind!.Value, gadget.Since!.Value, gadget.Code));
        Assert.Equal([new Part(12.5m, true), new Part(0m, null)], gadget.Parts);
    }

    [Fact]
    public void Contract_TakesNamesRequiredAndRangesFromTheRecord()
    {
        ContractObject gadget = Plain.Root;

        Assert.Equal(["name", "share", "count", "kind", "since", "parts", "code"], gadget.Properties.Select(p => p.Name));
        Assert.Equal(["name", "share", "count", "parts"], gadget.Properties.Where(p => p.Required).Select(p => p.Name));
        ContractProperty count = gadget.Properties[gadget.IndexOf(nameof(Gadget.Count))];
        Assert.Equal((ContractKind.Integer, new NumberRange(0m, ScenarioLimits.MaxRequestTokens)), (count.Kind, count.Range!.Value));
        ContractProperty parts = gadget.Properties[gadget.IndexOf(nameof(Gadget.Parts))];
        Assert.Equal((ContractKind.Array, 1, 3, nameof(Part)), (parts.Kind, parts.MinLength!.Value, parts.MaxLength!.Value, parts.Element!.Object!.Name));
        Assert.Equal(EnumText.All<ApproachKind>(), gadget.Properties[gadget.IndexOf(nameof(Gadget.Kind))].EnumNames);
        Assert.Equal(Patterns.ApproachId, gadget.Properties[gadget.IndexOf(nameof(Gadget.Code))].Pattern);
    }

    [Fact]
    public void Read_EveryKindOfProblem_IsReportedAtOnceByItsPath()
    {
        const string body = """
            { "name": "", "share": 1.5, "count": 1.5, "kind": "svm", "since": "30/11/2026", "code": "-bad", "extra": 1,
              "parts": [ { "cost": -1, "spare": "yes", "cost": 2 }, null, 7 ] }
            """;

        AssertRefusedAt(body,
            "name", "share", "count", "kind", "since", "code", "extra", "parts[0].cost", "parts[0].spare", "parts[1]", "parts[2]");
    }

    [Fact]
    public void Read_NullAndAbsent_AreTheSame_AndARequiredOneIsMissing()
    {
        AssertRefusedAt("""{ "name": null, "share": 0, "count": 0, "parts": [ { "cost": 1 } ], "kind": null }""", "name");
        AssertRefusedAt("""{ "share": 0, "count": 0, "parts": [ { "cost": 1 } ] }""", "name");
    }

    [Theory]
    [InlineData("300", 300L)]
    [InlineData("300.0", 300L)]
    [InlineData("3e2", 300L)]
    [InlineData("3E+2", 300L)]
    [InlineData("0.3e3", 300L)]
    [InlineData("-0.0", 0L)]
    public void Read_WholeNumberWrittenAnyWay_IsAccepted(string count, long expected) =>
        Assert.Equal(expected, Read(Valid.Replace("\"count\": 300", $"\"count\": {count}", StringComparison.Ordinal)).Value!.Count);

    [Theory]
    [InlineData("1e-30")]
    [InlineData("1.5")]
    [InlineData("300.00000000000000000000000000001")]
    [InlineData("2.55e1")]
    public void Read_NumberThatIsNotWhole_IsRefused(string count) =>
        AssertRefusedAt(Valid.Replace("\"count\": 300", $"\"count\": {count}", StringComparison.Ordinal), "count");

    [Fact]
    public void Read_Rules_RunPerObjectAfterItsProperties_WithValidValuesOnly()
    {
        var seen = new List<(string Path, decimal? Cost, bool Has)>();
        var contract = new Contract<Gadget>(GadgetJsonContext.Default.Gadget, new ContractRules()
            .For<Part>(part =>
            {
                seen.Add((part.Path, part.Number(nameof(Part.Cost)), part.Has(nameof(Part.Cost))));
                if (part.Number(nameof(Part.Cost)) > 100m)
                {
                    part.Refuse(nameof(Part.Cost), "is more than a part may cost.");
                }
            })
            .For<Gadget>(gadget =>
            {
                if (gadget.Items(nameof(Gadget.Parts)).Count(p => p?.Number(nameof(Part.Cost)) is not null) < 2)
                {
                    gadget.Refuse("needs two priced parts.");
                }
            }));

        ContractResult<Gadget> result = Read(Valid.Replace("\"cost\": 0", "\"cost\": -3", StringComparison.Ordinal), contract);

        Assert.Equal([("parts[0]", 12.5m, true), ("parts[1]", null, true)], seen);
        Assert.Equal(["$", "parts[1].cost"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("needs two priced parts.", result.Errors["$"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{ \"name\": ")]
    [InlineData("{ \"name\": \"a\" } trailing")]
    public void Read_BodyThatIsNoObject_IsRefusedAtTheBody(string body) => AssertRefusedAt(body, "$");

    [Fact]
    public void Read_AnyBytes_NeverThrows() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            ContractResult<Gadget> result = Plain.Read(bytes);
            Assert.True(result.IsValid || result.Errors.Count > 0);
        }, iter: 2000);

    [Fact]
    public void Read_AnyMutationOfAValidBody_NeverThrows() =>
        Gen.Int[0, Valid.Length - 1].Select(Gen.Char['\0', '\u00ff']).Sample((at, c) =>
        {
            string mutated = Valid[..at] + c + Valid[(at + 1)..];
            ContractResult<Gadget> result = Read(mutated);
            Assert.True(result.IsValid || result.Errors.Count > 0, mutated);
        }, iter: 2000);

    [Fact]
    public void Read_BuildsTheRecordWithoutReadingTheBodyAgain_ForEveryRequestBodyOfTheApi()
    {
        // Each body's record is built from the checked values (RecordFactory), not by a second deserialization.
        Assert.All(
            new JsonTypeInfo[]
            {
                RequestJsonContext.Default.Scenario, RequestJsonContext.Default.UsageBatch, RequestJsonContext.Default.ModelPriceInput,
                RequestJsonContext.Default.SubscriptionRequest, RequestJsonContext.Default.BenchmarkBandInput, GadgetJsonContext.Default.Gadget,
            },
            typeInfo => Assert.NotNull(ContractObject.Of(typeInfo).Factory));
        Assert.Null(ContractObject.Of(GadgetJsonContext.Default.Crate).Factory);
    }

    [Fact]
    public void Read_RecordTheFactoryCannotBuild_IsDeserialized()
    {
        ContractResult<Crate> result = new Contract<Crate>(GadgetJsonContext.Default.Crate)
            .Read("""{ "parts": [ { "cost": 1.50 } ], "shelf": 2e1 }"""u8);

        Assert.True(result.IsValid);
        Assert.Equal((1.50m, 20), (Assert.Single(result.Value!.Parts).Cost, result.Value.Shelf!.Value));
    }

    /// <summary>
    /// The factory and the deserializer build the same scenario from any valid body: same JSON back, decimals to their
    /// last digit (1.50 stays 1.50), whole numbers however written, enums, nulls and absent sections alike.
    /// </summary>
    [Fact]
    public void Read_AnyValidScenario_BuildsWhatTheDeserializerBuilds() =>
        PropertyTests.ScenarioGen.Sample(scenario =>
        {
            byte[] body = ScenarioJson.SerializeToUtf8Bytes(scenario);

            ScenarioParseResult read = ScenarioJson.Parse(body);

            Assert.True(read.IsValid);
            Scenario deserialized = JsonSerializer.Deserialize(body, RequestJsonContext.Default.Scenario)!;
            Assert.Equal(ScenarioJson.Serialize(deserialized), ScenarioJson.Serialize(read.Scenario!));
            Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(read.Scenario!));
        }, iter: 300);

    [Fact]
    public void Read_ScenarioWithTrailingZerosAndWholeNumbersWrittenAsDecimals_KeepsTheDigits()
    {
        string json = Samples.ThreeApproaches.Replace("\"requestsPerMonth\": 2000000", "\"requestsPerMonth\": 2.0e6", StringComparison.Ordinal)
            .Replace("\"epochs\": 3,", "\"epochs\": 3.00,", StringComparison.Ordinal);
        Assert.NotEqual(Samples.ThreeApproaches, json);

        Scenario read = Samples.Parse(json);
        Scenario deserialized = JsonSerializer.Deserialize(json, RequestJsonContext.Default.Scenario)!;

        Assert.Equal(ScenarioJson.Serialize(deserialized), ScenarioJson.Serialize(read));
        Assert.Equal((2_000_000m, 3, 1.70m), (read.Workload.RequestsPerMonth, read.Approaches[2].Training!.Epochs!.Value, read.Approaches[2].HostingPerHour!.Value));
        Assert.Equal("1.70", read.Approaches[2].HostingPerHour!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
