namespace FineTune.Core;

/// <summary>Reads the body of a benchmark band upsert against its contract, <see cref="BenchmarkBandInput"/>.</summary>
public static class BandJson
{
    /// <summary>The body's object, for the API document.</summary>
    public static ContractObject Root { get; } = ContractObject.Of(RequestJsonContext.Default.BenchmarkBandInput);

    /// <summary>
    /// Reads a band's thresholds and source; when <paramref name="metric"/> is known, the direction must be its own
    /// (<see cref="Tiers.DirectionOf"/>). Every problem at once, keyed by JSON path; never throws.
    /// </summary>
    public static ContractResult<BenchmarkBandInput> Parse(ReadOnlySpan<byte> utf8Json, Metric? metric)
    {
        var contract = new Contract<BenchmarkBandInput>(RequestJsonContext.Default.BenchmarkBandInput, new ContractRules()
            .For<BenchmarkBandInput>(band =>
            {
                if (metric is Metric known && band.Enum<Direction>(nameof(BenchmarkBandInput.Direction)) is Direction direction
                    && direction != Tiers.DirectionOf(known))
                {
                    band.Refuse(nameof(BenchmarkBandInput.Direction),
                        $"must be {EnumText.Of(Tiers.DirectionOf(known))}: that is the nature of {EnumText.Of(known)}.");
                }
            }));
        return contract.Read(utf8Json);
    }
}
