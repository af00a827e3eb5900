using FineTune.Core;

namespace FineTune.Functions.Http;

/// <summary>
/// Reads the id of <c>/api/models/{provider}/{model}[/{deployment}]</c> and the body of its <c>PUT</c> against its
/// contract (<see cref="ModelPriceInput"/>): every problem of the route and the body at once, by its path.
/// </summary>
public static class PriceBody
{
    private static readonly string[] RateNames =
    [
        nameof(ModelPriceInput.InputPerMillion), nameof(ModelPriceInput.CachedInputPerMillion), nameof(ModelPriceInput.OutputPerMillion),
        nameof(ModelPriceInput.BatchInputPerMillion), nameof(ModelPriceInput.BatchOutputPerMillion),
    ];

    private static readonly string[] FineTuneRateNames =
    [
        nameof(FineTunePriceInput.TrainingPerMillion), nameof(FineTunePriceInput.InputPerMillion), nameof(FineTunePriceInput.CachedInputPerMillion),
        nameof(FineTunePriceInput.OutputPerMillion), nameof(FineTunePriceInput.HostingPerHour),
    ];

    private static readonly Contract<ModelPriceInput> Contract = new(RequestJsonContext.Default.ModelPriceInput, new ContractRules()
        .For<ModelPriceInput>(price =>
        {
            ObjectView? fineTune = price.Child(nameof(ModelPriceInput.FineTune));
            bool anyRate = RateNames.Any(price.Has) || (fineTune is not null && FineTuneRateNames.Any(fineTune.Has));
            if (!anyRate)
            {
                price.Refuse("must give at least one rate: a price no source gives is left out, never 0.");
            }
        }));

    /// <summary>The body's object, for the API document.</summary>
    public static ContractObject Root => Contract.Root;

    /// <summary>The id the route names, or its problems keyed <c>provider</c>, <c>model</c> and <c>deployment</c>.</summary>
    public static ModelId? ReadId(string? provider, string? model, string? deployment, IDictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach ((string name, string? value) in (ReadOnlySpan<(string, string?)>)[("provider", provider), ("model", model), ("deployment", deployment)])
        {
            if ((value is not null || name != "deployment") && !ModelId.IsValidSegment(value))
            {
                if (!errors.TryGetValue(name, out List<string>? messages))
                {
                    errors[name] = messages = [];
                }
                messages.Add($"must be 1 to {ModelId.MaxSegmentLength} lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
            }
        }
        return errors.Count == 0 ? new ModelId(provider!, model!, deployment) : null;
    }

    /// <summary>
    /// The version the body describes for the route's id, retrieved at <paramref name="now"/>; 400 naming every problem
    /// of the route and the body.
    /// </summary>
    public static RequestValue<ModelPrice> Parse(
        ReadOnlySpan<byte> body, string? provider, string? model, string? deployment, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ModelId? id = ReadId(provider, model, deployment, errors);
        ContractResult<ModelPriceInput> read = Contract.Read(body);
        foreach ((string path, IReadOnlyList<string> messages) in read.Errors)
        {
            errors[path] = [.. messages];
        }
        return errors.Count == 0 && id is not null && read.Value is { } input
            ? RequestValue<ModelPrice>.Accept(new ModelPrice(id, input.EffectiveFrom, null, input.ToRates(), input.Source, now))
            : new RefusalResult(Problems.BadRequest(
                errors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
                "The price is not valid; see errors."));
    }
}
