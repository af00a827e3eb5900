using System.Text.Json;

namespace FineTune.Core;

/// <summary>Reads and writes the scenario contract of economics.md section 1.</summary>
public static class ScenarioJson
{
    /// <summary>
    /// Parses and validates a UTF-8 JSON scenario. Never throws for any input: malformed JSON, wrong types,
    /// unknown properties and out-of-range values all come back as <see cref="ScenarioParseResult.Errors"/>,
    /// every problem at once, keyed by JSON path (<c>approaches[2].accuracy</c>; <c>$</c> for the body itself).
    /// </summary>
    public static ScenarioParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        ContractResult<Scenario> result = Contract.Read(utf8Json);
        return new(result.Value, result.Errors);
    }

    /// <summary>The scenario contract: the records of <see cref="Scenario"/> and the rules of <see cref="ScenarioRules"/>.</summary>
    public static Contract<Scenario> Contract { get; } = new(RequestJsonContext.Default.Scenario, ScenarioRules.All);

    /// <summary>Writes the scenario with its decimals exact and its absent values omitted.</summary>
    public static void Write(Utf8JsonWriter writer, Scenario scenario) =>
        JsonSerializer.Serialize(writer, scenario, RequestJsonContext.Default.Scenario);

    /// <summary>The scenario as compact UTF-8 JSON, decimals exact.</summary>
    public static byte[] SerializeToUtf8Bytes(Scenario scenario) =>
        JsonSerializer.SerializeToUtf8Bytes(scenario, RequestJsonContext.Default.Scenario);

    /// <summary>The scenario as a compact JSON string, decimals exact.</summary>
    public static string Serialize(Scenario scenario) =>
        JsonSerializer.Serialize(scenario, RequestJsonContext.Default.Scenario);
}

/// <summary>The outcome of <see cref="ScenarioJson.Parse"/>: a scenario, or every problem found.</summary>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    /// <summary>True when there is a scenario and no error.</summary>
    public bool IsValid => Scenario is not null && Errors.Count == 0;
}
