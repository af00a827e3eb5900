using System.Text.Json;
using FineTune.Core;
using FineTune.Functions.Prices;
using FineTune.Testing.Host;

namespace FineTune.Functions.Tests;

/// <summary>The naming table from Azure Retail Prices meters to catalog ids and rates, on the meter names seen in public price data.</summary>
public sealed class MeterMapTests
{
    private static RetailPriceItem Item(
        string meterName, decimal price, string unit = "1K", string product = "Azure OpenAI", string type = "Consumption",
        decimal tier = 0m, string currency = "USD") =>
        JsonSerializer.Deserialize(FakeRetailPricesApi.Item(meterName, price, unit, product, type, tier, currency).ToJsonString(),
            RetailPricesJsonContext.Default.RetailPriceItem)!;

    public static TheoryData<string, string, string, string, PriceField> Mapped => new()
    {
        // meter name, product, unit of measure, id, rate
        { "gpt 4.1 mini Inp glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1-mini/global", PriceField.Input },
        { "gpt-4o-mini-0718-Inp-glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-mini-0718/global", PriceField.Input },
        { "GPT 5 Mini Inpt Glbl Tokens", "Azure OpenAI GPT5", "1K", "azure-openai/gpt-5-mini/global", PriceField.Input },
        { "gpt 4o 1120 Outp glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-1120/global", PriceField.Output },
        { "5.4 mini Opt Gl 1M Tokens", "Azure OpenAI GPT5", "1M", "azure-openai/gpt-5.4-mini/global", PriceField.Output },
        { "GPT 5 Mini outpt Glbl Tokens", "Azure OpenAI GPT5", "1K", "azure-openai/gpt-5-mini/global", PriceField.Output },
        { "gpt 4o 0806 cached Inp glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-0806/global", PriceField.CachedInput },
        { "gpt-4o-rt-txt-1217 cchd Inp glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-rt-txt-1217/global", PriceField.CachedInput },
        { "5.4 mini cd Inp Gl 1M Tokens", "Azure OpenAI GPT5", "1M", "azure-openai/gpt-5.4-mini/global", PriceField.CachedInput },
        { "gpt-4o-mini-0718-Batch-Inp-glbl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-mini-0718/global", PriceField.BatchInput },
        { "gpt 4o mini0718 BatchOutp DataZone Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4o-mini-0718/data-zone", PriceField.BatchOutput },
        { "gpt 4.1 Inp regnl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/regional", PriceField.Input },
        { "gpt 4.1 Outp rgnl Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/regional", PriceField.Output },
        { "gpt 4.1 Inp DZone Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/data-zone", PriceField.Input },
        { "gpt 4.1 Inp Data Zone Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/data-zone", PriceField.Input },
        { "gpt 4.1 Inp DZn Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/data-zone", PriceField.Input },
        { "gpt 4.1 Inp DZ Tokens", "Azure OpenAI", "1K", "azure-openai/gpt-4.1/data-zone", PriceField.Input },
        { "gpt-oss-120B Inp glbl Tokens", "Azure OpenAI OSS Models", "1K", "azure-openai/gpt-oss-120b/global", PriceField.Input },
        { "o4 mini Outp glbl Tokens", "Azure OpenAI Reasoning", "1K", "azure-openai/o4-mini/global", PriceField.Output },
        // Fine-tuning: hosting per hour, training and fine-tuned tokens per 1K.
        { "gpt 4.1 mini FT glbl Deployment Hosting Unit", "Azure OpenAI PP FT GPT4s", "1 Hour", "azure-openai/gpt-4.1-mini/global", PriceField.FineTuneHosting },
        { "gpt 4.1 mini FT regnl Deployment Hosting Unit", "Azure OpenAI PP FT GPT4s", "1/Hour", "azure-openai/gpt-4.1-mini/regional", PriceField.FineTuneHosting },
        { "gpt 4.1 mini Trng Tkn glbl Tokens", "Azure OpenAI PP FT GPT4s", "1K", "azure-openai/gpt-4.1-mini/global", PriceField.FineTuneTraining },
        { "gpt 4.1 mini FT Trng regnl Tokens", "Azure OpenAI PP FT GPT4s", "1K", "azure-openai/gpt-4.1-mini/regional", PriceField.FineTuneTraining },
        { "gpt 4.1 mini ft opt Dz Tokens", "Azure OpenAI PP FT GPT4s", "1K", "azure-openai/gpt-4.1-mini/data-zone", PriceField.FineTuneOutput },
        { "gpt 4.1 mini Inp FT regnl Tokens", "Azure OpenAI PP FT GPT4s", "1K", "azure-openai/gpt-4.1-mini/regional", PriceField.FineTuneInput },
    };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Read_KnownMeterName_MapsToItsIdAndRate(string meter, string product, string unit, string id, PriceField field)
    {
        MeterReading reading = MeterMap.Read(Item(meter, 0.0004m, unit, product));

        Assert.Equal(MeterOutcome.Mapped, reading.Outcome);
        Assert.Equal((id, field), (reading.Id!.ToString(), reading.Field!.Value));
    }

    public static TheoryData<string, string, string, string> Unmapped => new()
    {
        // meter name, product, unit, the reason given
        { "Provisioned Managed Global Unit", "Azure OpenAI", "1/Hour", "variant 'provisioned' not priced by the catalog" },
        { "3.3 70b FT DZ Deployment Hosting Unit", "Azure Llama Models", "1/Hour", "product family not in the table" },
        { "Mnstrl 3b Inp FT regnl Tokens", "Azure Mistral Models", "1K", "product family not in the table" },
        { "Az-GPT35-Turbo-4K-FTuned Training Unit", "Azure OpenAI", "1 Hour", "meter name not in the table" },
        // "41" is probably gpt-4.1, but a guess is no mapping.
        { "41 ft opt Dz Tokens", "Azure OpenAI PP FT GPT4s", "1K", "meter name not in the table" },
        { "gpt 4o aud Inp glbl Tokens", "Azure OpenAI", "1K", "variant 'aud' not priced by the catalog" },
        { "gpt 4.1 mini PP Inp glbl Tokens", "Azure OpenAI", "1K", "variant 'pp' not priced by the catalog" },
        { "FW gpt oss 120b Inp glbl Tokens", "Azure OpenAI OSS Models", "1K", "variant 'fw' not priced by the catalog" },
        { "gpt 4.1 mini Grdr Inp glbl Tokens", "Azure OpenAI PP FT GPT4s", "1K", "variant 'grdr' not priced by the catalog" },
        { "gpt 4o Inp Tokens", "Azure OpenAI", "1K", "meter name not in the table" },
        { "text embedding 3 small Inp glbl Tokens", "Azure OpenAI Embedding", "1K", "product family not in the table" },
        { "gpt 4.1 mini Inp glbl Tokens", "Azure OpenAI", "1/Month", "unit 1/Month" },
        { "gpt 4.1 mini Inp glbl Tokens", "Azure OpenAI", "1 Hour", "unit 1 Hour for a token meter" },
        { "gpt 4.1 mini FT glbl Deployment Hosting Unit", "Azure OpenAI PP FT GPT4s", "1K", "unit 1K for a hosting meter" },
        { "gpt 4.1 mini FT Batch Inp glbl Tokens", "Azure OpenAI PP FT GPT4s", "1K", "meter name not in the table" },
    };

    [Theory]
    [MemberData(nameof(Unmapped))]
    public void Read_UnknownMeterNameUnitOrFamily_IsUnmappedWithTheReasonNeverGuessed(string meter, string product, string unit, string reason)
    {
        MeterReading reading = MeterMap.Read(Item(meter, 0.0004m, unit, product));

        Assert.Equal((MeterOutcome.Unmapped, reason), (reading.Outcome, reading.Reason));
        Assert.Null(reading.Id);
    }

    [Theory]
    [InlineData("Reservation", 0, "USD", "Reservation price")]
    [InlineData("DevTestConsumption", 0, "USD", "DevTestConsumption price")]
    [InlineData("Consumption", 1000000, "USD", "a tier beyond the first")]
    [InlineData("Consumption", 0, "EUR", "priced in EUR")]
    public void Read_ReservationDevTestTieredOrForeignCurrency_IsSkipped(string type, int tier, string currency, string reason)
    {
        MeterReading reading = MeterMap.Read(Item("gpt 4.1 mini Inp glbl Tokens", 0.0004m, type: type, tier: tier, currency: currency));

        Assert.Equal((MeterOutcome.Skipped, reason), (reading.Outcome, reading.Reason));
    }

    [Fact]
    public void Read_PerThousandAndPerMillionOfOnePrice_NormaliseToTheSameRatePerMillion()
    {
        // $0.0004 per 1K tokens is $0.40 per million; $0.40 per 1M tokens is too.
        MeterReading perThousand = MeterMap.Read(Item("gpt 4.1 mini Inp glbl Tokens", 0.0004m, "1K"));
        MeterReading perMillion = MeterMap.Read(Item("gpt 4.1 mini Inp glbl 1M Tokens", 0.40m, "1M"));

        Assert.Equal(0.4m, perThousand.Value);
        Assert.Equal(0.4m, perMillion.Value);
        Assert.Equal(perThousand.Id, perMillion.Id);
        Assert.Equal(new DateOnly(2025, 8, 1), perThousand.EffectiveFrom);
    }

    [Fact]
    public void Read_HourlyHosting_IsThePricePerHourUnscaled()
    {
        MeterReading hosting = MeterMap.Read(Item("gpt 4.1 mini FT glbl Deployment Hosting Unit", 1.70m, "1 Hour", "Azure OpenAI PP FT GPT4s"));

        Assert.Equal((PriceField.FineTuneHosting, 1.70m), (hosting.Field!.Value, hosting.Value!.Value));
    }

    [Fact]
    public void Read_TokenPriceAboveAThousandPerMillion_IsRefusedByTheMagnitudeGuard()
    {
        // $1.50 per 1K tokens would be $1,500 per million: a unit read wrongly, not a price.
        MeterReading tooDear = MeterMap.Read(Item("gpt 4.1 mini Outp glbl Tokens", 1.50m));
        MeterReading dearest = MeterMap.Read(Item("gpt 4.1 mini Outp glbl Tokens", 1.00m));

        Assert.Equal((MeterOutcome.Unmapped, "1500.00 per million, above 1000: a unit read wrongly"), (tooDear.Outcome, tooDear.Reason));
        Assert.Equal((MeterOutcome.Mapped, 1000m), (dearest.Outcome, dearest.Value!.Value));
    }

    [Fact]
    public void Observe_MetersOfOneModel_GatherIntoOneEntryAndDisagreementsAreLeftOut()
    {
        RetailPriceItem[] items =
        [
            Item("gpt 4.1 mini Inp glbl Tokens", 0.0004m),
            Item("gpt 4.1 mini Inp glbl 1M Tokens", 0.40m, "1M"),
            Item("gpt 4.1 mini cached Inp glbl Tokens", 0.0001m),
            Item("gpt 4.1 mini Outp glbl Tokens", 0.0016m),
            Item("gpt 4.1 mini Outp glbl 1M Tokens", 1.70m, "1M"),
            Item("gpt 4.1 mini FT glbl Deployment Hosting Unit", 1.70m, "1 Hour", "Azure OpenAI PP FT GPT4s"),
        ];
        var retrieved = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

        ObservedRates observed = MeterAggregation.Observe([.. items.Select(item => (item, MeterMap.Read(item)))], "api", retrieved, new DateOnly(2026, 12, 2));

        ObservedPrice entry = Assert.Single(observed.Prices);
        Assert.Equal("azure-openai/gpt-4.1-mini/global", entry.Id.ToString());
        // The two output meters disagree (1.60 and 1.70): neither is taken. Fine-tuned tokens bill at the base rates.
        Assert.Equal(new PriceRates(0.4m, 0.1m, null, null, null, new FineTunePrices(null, 0.4m, 0.1m, null, 1.70m)), entry.Rates);
        Assert.Equal($"api; {MeterAggregation.BaseRateSource}", entry.Source);
        Assert.Equal(new DateOnly(2025, 8, 1), entry.EffectiveFrom);
        Assert.Equal(2, observed.Conflicts.Count);
        Assert.All(observed.Conflicts, conflict => Assert.Equal("azure-openai/gpt-4.1-mini/global Output priced 1.6000 and 1.70 by different meters", conflict.Reason));
    }
}
