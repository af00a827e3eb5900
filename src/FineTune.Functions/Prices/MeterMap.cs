using System.Globalization;
using System.Text.RegularExpressions;
using FineTune.Core;

namespace FineTune.Functions.Prices;

/// <summary>The catalog rate a meter prices.</summary>
public enum PriceField
{
    /// <summary>Input tokens.</summary>
    Input,
    /// <summary>Cached input tokens.</summary>
    CachedInput,
    /// <summary>Output tokens.</summary>
    Output,
    /// <summary>Input tokens of the batch API.</summary>
    BatchInput,
    /// <summary>Output tokens of the batch API.</summary>
    BatchOutput,
    /// <summary>Fine-tuning, per million trained tokens.</summary>
    FineTuneTraining,
    /// <summary>Input tokens of a fine-tuned model.</summary>
    FineTuneInput,
    /// <summary>Cached input tokens of a fine-tuned model.</summary>
    FineTuneCachedInput,
    /// <summary>Output tokens of a fine-tuned model.</summary>
    FineTuneOutput,
    /// <summary>Hosting of a fine-tuned deployment, per hour.</summary>
    FineTuneHosting,
}

/// <summary>What became of one item of the Retail Prices API.</summary>
public enum MeterOutcome
{
    /// <summary>Priced a catalog rate.</summary>
    Mapped,
    /// <summary>Not a price the catalog takes by rule: a reservation, dev/test, a tier beyond the first, another currency.</summary>
    Skipped,
    /// <summary>A consumption price the table does not know how to read; listed, never guessed.</summary>
    Unmapped,
}

/// <summary>One item read: the rate it prices (dollars per million tokens, or per hour), or why it prices none.</summary>
/// <param name="Value">The normalised rate: per million tokens, or per hour for hosting.</param>
/// <param name="EffectiveFrom">The day the API says the price began.</param>
/// <param name="Reason">Why it is skipped or unmapped; null when mapped.</param>
public sealed record MeterReading(MeterOutcome Outcome, ModelId? Id, PriceField? Field, decimal? Value, DateOnly? EffectiveFrom, string? Reason)
{
    /// <summary>An item mapped to a rate.</summary>
    public static MeterReading Mapped(ModelId id, PriceField field, decimal value, DateOnly? effectiveFrom) =>
        new(MeterOutcome.Mapped, id, field, value, effectiveFrom, null);

    /// <summary>An item skipped by rule.</summary>
    public static MeterReading Skipped(string reason) => new(MeterOutcome.Skipped, null, null, null, null, reason);

    /// <summary>An item the table cannot read.</summary>
    public static MeterReading Unmapped(string reason) => new(MeterOutcome.Unmapped, null, null, null, null, reason);
}

/// <summary>
/// The explicit table from Azure Retail Prices meters of Foundry Models to catalog ids and rates (the naming patterns of
/// the Azure OpenAI meters, as seen in public price data). A meter name reads, from its end: the deployment type
/// (<c>glbl</c>/<c>Gl</c> global, <c>DZ</c>/<c>DZn</c>/<c>DZone</c>/<c>DataZone</c>/<c>Data Zone</c> data zone,
/// <c>regnl</c>/<c>rgnl</c> regional), the kind (<c>Inp</c>/<c>Inpt</c> input, <c>Outp</c>/<c>Outpt</c>/<c>Opt</c> output,
/// <c>cached</c>/<c>cchd</c>/<c>cd Inp</c> cached input, <c>Batch Inp</c>/<c>BatchOutp</c>, <c>Trng</c>/<c>Trng Tkn</c>
/// training, <c>Deployment Hosting Unit</c> hosting), <c>FT</c> for a fine-tuned model, then the model's words. Anything
/// else is unmapped: another product family, a unit other than <c>1K</c>/<c>1M</c> tokens and <c>1 Hour</c>/<c>1/Hour</c>,
/// a variant the catalog does not price (priority, long context, audio, grader, Fireworks-hosted), a model name that
/// does not start like an OpenAI model, a token price above $1,000 per million.
/// </summary>
public static partial class MeterMap
{
    /// <summary>The provider of every mapped id.</summary>
    public const string Provider = "azure-openai";

    // The Azure OpenAI product families; a family's meters share one naming. Third-party families (Llama, Mistral,
    // DeepSeek...) name their meters otherwise and are not read.
    private static readonly HashSet<string> Products = new(StringComparer.OrdinalIgnoreCase)
    {
        "Azure OpenAI", "Azure OpenAI GPT5", "Azure OpenAI Reasoning", "Azure OpenAI OSS Models", "Azure OpenAI PP FT GPT4s",
    };

    // GPT-5 meters drop the family's name: "5.4 mini Opt Gl" is gpt-5.4-mini.
    private static readonly Dictionary<string, string> DigitModelPrefix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Azure OpenAI GPT5"] = "gpt",
    };

    private static readonly Dictionary<string, string> Scopes = new(StringComparer.Ordinal)
    {
        ["glbl"] = "global", ["gl"] = "global", ["global"] = "global",
        ["regnl"] = "regional", ["rgnl"] = "regional", ["regional"] = "regional",
        ["dz"] = "data-zone", ["dzn"] = "data-zone", ["dzone"] = "data-zone", ["datazone"] = "data-zone",
    };

    private static readonly HashSet<string> InputWords = new(StringComparer.Ordinal) { "inp", "inpt", "input" };
    private static readonly HashSet<string> OutputWords = new(StringComparer.Ordinal) { "outp", "outpt", "opt", "output" };
    private static readonly HashSet<string> CachedWords = new(StringComparer.Ordinal) { "cached", "cchd", "cd" };
    private static readonly HashSet<string> FineTunedWords = new(StringComparer.Ordinal) { "ft", "ftuned", "finetuned" };

    // Variants priced otherwise than the plain rates of a model: never folded into a model's name.
    private static readonly HashSet<string> VariantWords = new(StringComparer.Ordinal)
    {
        "pp", "priority", "lc", "long", "aud", "audio", "img", "image", "grdr", "grader", "fw", "dev", "developer", "ptu", "provisioned",
    };

    // Words of the kind of a meter; left over in front of a model's words, the name is one the table does not read.
    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "batch", "cached", "cchd", "cd", "ft", "ftuned", "finetuned", "trng", "tkn", "training", "unit", "hosting", "deployment",
    };

    /// <summary>What <paramref name="item"/> prices.</summary>
    public static MeterReading Read(RetailPriceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!string.Equals(item.CurrencyCode, "USD", StringComparison.Ordinal))
        {
            return MeterReading.Skipped($"priced in {item.CurrencyCode ?? "no currency"}");
        }
        if (!string.Equals(item.Type, "Consumption", StringComparison.Ordinal))
        {
            return MeterReading.Skipped($"{item.Type ?? "untyped"} price");
        }
        if (item.TierMinimumUnits is > 0m)
        {
            return MeterReading.Skipped("a tier beyond the first");
        }
        if (item.ProductName is null || !Products.Contains(item.ProductName))
        {
            return MeterReading.Unmapped("product family not in the table");
        }
        if (item.RetailPrice is not decimal price || price < 0m)
        {
            return MeterReading.Unmapped("no price");
        }
        decimal? perMillion = item.UnitOfMeasure switch
        {
            "1K" => 1_000m,
            "1M" => 1m,
            _ => null,
        };
        bool hourly = item.UnitOfMeasure is "1 Hour" or "1/Hour";
        if (perMillion is null && !hourly)
        {
            return MeterReading.Unmapped($"unit {item.UnitOfMeasure ?? "none"}");
        }
        if (Parse(item.MeterName ?? "", item.ProductName) is not (ModelId id, PriceField field) parsed)
        {
            return MeterReading.Unmapped(Why(item.MeterName ?? ""));
        }
        if ((field == PriceField.FineTuneHosting) != hourly)
        {
            return MeterReading.Unmapped($"unit {item.UnitOfMeasure} for a {(hourly ? "token" : "hosting")} meter");
        }
        decimal value = hourly ? price : price * perMillion!.Value;
        decimal max = hourly ? PriceLimits.MaxHostingPerHour : PriceLimits.MaxTokenPricePerMillion;
        if (value > max)
        {
            return MeterReading.Unmapped(string.Create(CultureInfo.InvariantCulture,
                $"{value} {(hourly ? "per hour" : "per million")}, above {max}: a unit read wrongly"));
        }
        DateOnly? from = item.EffectiveStartDate is DateTimeOffset start ? DateOnly.FromDateTime(start.UtcDateTime) : null;
        return MeterReading.Mapped(id, field, value, from);
    }

    /// <summary>The id and rate a meter name prices, or null when the name does not read.</summary>
    public static (ModelId Id, PriceField Field)? Parse(string meterName, string productName)
    {
        ArgumentNullException.ThrowIfNull(meterName);
        List<string> words = Words(meterName);
        bool hosting = EndsWith(words, "deployment", "hosting", "unit");
        if (hosting)
        {
            words.RemoveRange(words.Count - 3, 3);
        }
        else
        {
            // "... Tokens", "... 1M Tokens": the unit is in unitOfMeasure.
            TrimEnd(words, "tokens");
            TrimEnd(words, "1m", "1k");
        }
        if (ScopeOf(words) is not string deployment)
        {
            return null;
        }
        bool fineTuned = TrimEnd(words, [.. FineTunedWords]);
        PriceField? kind = hosting ? PriceField.FineTuneHosting : KindOf(words);
        if (kind is not PriceField field)
        {
            return null;
        }
        fineTuned |= TrimEnd(words, [.. FineTunedWords]);
        PriceField? priced = (field, fineTuned) switch
        {
            (PriceField.Input, true) => PriceField.FineTuneInput,
            (PriceField.CachedInput, true) => PriceField.FineTuneCachedInput,
            (PriceField.Output, true) => PriceField.FineTuneOutput,
            // The catalog has no batch rates of a fine-tuned model.
            (PriceField.BatchInput or PriceField.BatchOutput, true) => null,
            _ => field,
        };
        return priced is PriceField rate && ModelOf(words, productName) is string model
            ? (new ModelId(Provider, model, deployment), rate)
            : null;
    }

    // The words of a name, lower case, split at spaces and hyphens; a version glued to a word ("mini0718") split off.
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        foreach (string word in name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            Match glued = GluedVersion().Match(word);
            if (glued.Success)
            {
                words.Add(glued.Groups[1].Value);
                words.Add(glued.Groups[2].Value);
            }
            else
            {
                words.Add(word);
            }
        }
        return words;
    }

    private static string? ScopeOf(List<string> words)
    {
        if (EndsWith(words, "data", "zone"))
        {
            words.RemoveRange(words.Count - 2, 2);
            return "data-zone";
        }
        if (words.Count > 0 && Scopes.TryGetValue(words[^1], out string? scope))
        {
            words.RemoveAt(words.Count - 1);
            return scope;
        }
        return null;
    }

    private static PriceField? KindOf(List<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }
        string last = words[^1];
        string before = words.Count > 1 ? words[^2] : "";
        (PriceField? kind, int length) = last switch
        {
            "batchinp" or "batchinpt" or "batchinput" => (PriceField.BatchInput, 1),
            "batchoutp" or "batchoutpt" or "batchopt" or "batchoutput" => (PriceField.BatchOutput, 1),
            "tkn" when before == "trng" => (PriceField.FineTuneTraining, 2),
            "trng" => (PriceField.FineTuneTraining, 1),
            _ when InputWords.Contains(last) && CachedWords.Contains(before) => (PriceField.CachedInput, 2),
            _ when InputWords.Contains(last) && before == "batch" => (PriceField.BatchInput, 2),
            _ when InputWords.Contains(last) => (PriceField.Input, 1),
            _ when OutputWords.Contains(last) && before == "batch" => (PriceField.BatchOutput, 2),
            _ when OutputWords.Contains(last) => (PriceField.Output, 1),
            _ => ((PriceField?)null, 0),
        };
        words.RemoveRange(words.Count - length, length);
        return kind;
    }

    // The model's words joined by hyphens, when they read as an OpenAI model: gpt..., o1, o3, o4-mini..., or a family's
    // number where the family names its meters without it.
    private static string? ModelOf(List<string> words, string productName)
    {
        if (words.Count == 0 || words.Any(word => VariantWords.Contains(word) || KindWords.Contains(word) || !ModelWord().IsMatch(word)))
        {
            return null;
        }
        string first = words[0];
        if (char.IsAsciiDigit(first[0]) && DigitModelPrefix.TryGetValue(productName, out string? prefix))
        {
            words.Insert(0, prefix);
        }
        else if (first != "gpt" && !ReasoningModel().IsMatch(first))
        {
            return null;
        }
        string model = string.Join('-', words);
        return ModelId.IsValidSegment(model) ? model : null;
    }

    private static string Why(string meterName)
    {
        return Words(meterName).FirstOrDefault(VariantWords.Contains) is { } variant
            ? $"variant '{variant}' not priced by the catalog"
            : "meter name not in the table";
    }

    private static bool EndsWith(List<string> words, params string[] ending) =>
        words.Count >= ending.Length && words[^ending.Length..].SequenceEqual(ending, StringComparer.Ordinal);

    // Removes the last word when it is one of these; true when it did.
    private static bool TrimEnd(List<string> words, params string[] any)
    {
        if (words.Count > 0 && any.Contains(words[^1], StringComparer.Ordinal))
        {
            words.RemoveAt(words.Count - 1);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^([a-z]+)(\d{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex GluedVersion();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelWord();

    [GeneratedRegex(@"^o[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReasoningModel();
}
