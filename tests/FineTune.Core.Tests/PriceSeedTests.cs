using System.Text;

namespace FineTune.Core.Tests;

/// <summary>The shipped price snapshot: dated, sourced, and never a 0 that no source states.</summary>
public sealed class PriceSeedTests
{
    [Fact]
    public void Versions_EveryEntry_HasAUrlSourceAndDatesNoLaterThanTheSnapshot()
    {
        Assert.NotEmpty(PriceSeed.Versions);
        Assert.All(PriceSeed.Versions, version =>
        {
            Assert.Contains("https://", version.Source, StringComparison.Ordinal);
            Assert.InRange(version.EffectiveFrom, new DateOnly(2025, 1, 1), PriceSeed.SnapshotDate);
            Assert.InRange(DateOnly.FromDateTime(version.RetrievedAt.UtcDateTime), version.EffectiveFrom, PriceSeed.SnapshotDate);
            Assert.False(version.Rates.IsEmpty);
        });
        Assert.Equal(PriceSeed.Versions.Count, PriceSeed.Versions.Select(v => v.Id).Distinct().Count());
    }

    [Fact]
    public void Versions_OpenAiAndAzureOpenAi_AreBothThere()
    {
        Assert.Contains(PriceSeed.Versions, v => v.Id.Provider == "openai" && v.Id.Deployment is null);
        Assert.Contains(PriceSeed.Versions, v => v.Id.Provider == "azure-openai" && v.Id.Deployment == "global");
        Assert.Contains(PriceSeed.Versions, v => v.Id.Provider == "azure-openai" && v.Id.Deployment == "data-zone");
        Assert.Contains(PriceSeed.Versions, v => v.Id.Provider == "azure-openai" && v.Id.Deployment == "regional");
    }

    [Fact]
    public void Versions_ZeroRates_AreOnlyOpenAisFreeHosting()
    {
        var zeros = PriceSeed.Versions
            .SelectMany(version => version.Rates.Named().Where(rate => rate.Value == 0m).Select(rate => (version.Id.Provider, rate.Name)))
            .Distinct()
            .ToList();

        Assert.Equal([("openai", "fineTune.hostingPerHour")], zeros);
    }

    [Fact]
    public void Versions_PrimaryPrices_ReadBackExactly()
    {
        ModelPrice mini = PriceSeed.Catalog.InEffect(ModelId.Parse("openai/gpt-4o-mini-2024-07-18"), PriceSeed.SnapshotDate)!;
        ModelPrice turbo = PriceSeed.Catalog.InEffect(ModelId.Parse("openai/gpt-3.5-turbo-0125"), PriceSeed.SnapshotDate)!;
        ModelPrice azure = PriceSeed.Catalog.InEffect(ModelId.Parse("azure-openai/gpt-4.1-mini/global"), PriceSeed.SnapshotDate)!;

        // gpt-4o-mini fine-tuning: $3 per million trained tokens (blogs quote 0.30, 1 and 25).
        Assert.Equal(new PriceRates(0.15m, 0.075m, 0.60m, 0.075m, 0.30m, new FineTunePrices(3.00m, 0.30m, 0.15m, 1.20m, 0m)), mini.Rates);
        Assert.Equal("3.00", mini.Rates.FineTune!.TrainingPerMillion!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(turbo.Rates.CachedInputPerMillion);
        Assert.Null(azure.Rates.FineTune!.TrainingPerMillion);
        Assert.Equal(1.70m, azure.Rates.FineTune.HostingPerHour);
    }

    public static TheoryData<string, string> RefusedSeeds => new()
    {
        { """{"snapshotDate":"2026-01-01","description":"","entries":[],"extra":1}""", "extra" },
        { """{"snapshotDate":"2026-01-01","entries":[]}""", "description" },
        { Entry("\"id\":\"OpenAI/gpt\""), "not a model id" },
        { Entry("\"id\":\"openai/gpt\",\"inputPerMillion\":-1"), "outside" },
        { Entry("\"id\":\"openai/gpt\",\"inputPerMillion\":1500"), "outside" },
        { Entry("\"id\":\"openai/gpt\",\"source\":\"\""), "source" },
    };

    [Theory]
    [MemberData(nameof(RefusedSeeds))]
    public void Parse_NotASeed_IsRefusedNamingTheProblem(string json, string named)
    {
        InvalidDataException refused = Assert.Throws<InvalidDataException>(() => PriceSeed.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    // One entry whose fields are the defaults below, overridden by those given first (a repeated property: the last wins).
    private static string Entry(string fields)
    {
        string defaults = """
            "id":"openai/gpt","effectiveFrom":"2025-01-01","inputPerMillion":1,"cachedInputPerMillion":null,"outputPerMillion":2,
            "batchInputPerMillion":null,"batchOutputPerMillion":null,"fineTune":null,"source":"https://example.com","retrievedAt":"2025-01-01T00:00:00Z"
            """;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (defaults + "," + fields).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = pair.IndexOf(':', StringComparison.Ordinal);
            merged[pair[..colon]] = pair[(colon + 1)..];
        }
        return "{\"snapshotDate\":\"2026-01-01\",\"description\":\"\",\"entries\":[{"
            + string.Join(",", merged.Select(pair => pair.Key + ":" + pair.Value)) + "}]}";
    }
}
