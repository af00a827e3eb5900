using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core;

/// <summary>
/// Reads a scenario from UTF-8 JSON by walking the document, so that every problem is found in one pass and named by
/// its JSON path. <c>null</c> counts as absent; unknown and repeated properties are refused.
/// </summary>
internal static partial class ScenarioParser
{
    /// <summary>Nesting deeper than any scenario needs is refused before it costs anything.</summary>
    private const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly NumberRange Money = new(0m, MaxMoney);
    private static readonly NumberRange Price = new(0m, MaxPricePerMillion);
    private static readonly NumberRange Fraction = new(0m, 1m);
    private static readonly NumberRange AccuracyRange = new(MinAccuracy, 1m);
    private static readonly NumberRange RequestTokens = new(0m, MaxRequestTokens);

    public static ScenarioParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        var walker = new Walker();
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(bom))
        {
            utf8Json = utf8Json[bom.Length..];
        }

        // JsonDocument parses a span only by reading it twice; a pooled copy lets it read once.
        byte[] copy = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(copy);
            return Walk(walker, copy.AsMemory(0, utf8Json.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static ScenarioParseResult Walk(Walker walker, ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            walker.Add("$", Invalid(e));
        }

        Scenario? scenario = null;
        if (document is not null)
        {
            using (document)
            {
                try
                {
                    scenario = walker.Scenario(document.RootElement);
                }
                catch (InvalidOperationException)
                {
                    // JsonElement text accessors throw this for text that is not valid UTF-8.
                    walker.Add("$", "The body is not valid UTF-8 text.");
                }
            }
        }

        return walker.HasErrors ? new(null, walker.Errors) : new(scenario, walker.Errors);
    }

    private static string Invalid(JsonException e) =>
        e.LineNumber is long line && e.BytePositionInLine is long position
            ? string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON (line {line + 1}, byte {position + 1}).")
            : "The body is not valid JSON.";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApproachIdPattern();

    private readonly record struct NumberRange(decimal Min, decimal Max, bool MinExclusive = false)
    {
        public bool Contains(decimal value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;

        public string Describe() => MinExclusive
            ? string.Create(CultureInfo.InvariantCulture, $"must be greater than {Min} and at most {Max}.")
            : string.Create(CultureInfo.InvariantCulture, $"must be between {Min} and {Max}.");
    }

    /// <summary>The property names one JSON object of the contract may have, as text and as UTF-8.</summary>
    private sealed class Block(params string[] names)
    {
        public string[] Names { get; } = names;

        public byte[][] Utf8Names { get; } = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>The properties of one JSON object, absent ones (and nulls) left out.</summary>
    private sealed class Fields(string path, Block block)
    {
        private readonly JsonElement[] values = new JsonElement[block.Names.Length];
        private readonly bool[] present = new bool[block.Names.Length];

        public string Path { get; } = path;

        public void Set(int index, JsonElement value)
        {
            values[index] = value;
            present[index] = true;
        }

        public bool TryGet(string name, out JsonElement value)
        {
            int index = Array.IndexOf(block.Names, name);
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a property of this block of the contract.");
            }

            value = values[index];
            return present[index];
        }

        public bool Has(string name) => TryGet(name, out _);

        public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
    }

    private sealed class Walker
    {
        private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

        /// <summary>Every approach id as written, with the index of its first approach, valid approach or not.</summary>
        private readonly Dictionary<string, int> approachIds = new(StringComparer.Ordinal);

        public bool HasErrors => errors.Count > 0;

        public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors =>
            errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);

        public void Add(string path, string message)
        {
            if (!errors.TryGetValue(path, out List<string>? messages))
            {
                errors[path] = messages = [];
            }

            messages.Add(message);
        }

        public Scenario? Scenario(JsonElement root)
        {
            Fields? f = Object(root, "", RootBlock);
            if (f is null)
            {
                return null;
            }

            string? name = Text(f, "name", required: true);
            if (name is not null && (name.Length > MaxNameLength || string.IsNullOrWhiteSpace(name)))
            {
                Add("name", $"must be 1 to {MaxNameLength} characters, not only spaces.");
                name = null;
            }

            Segment? segment = Enum(f, "segment", SegmentNames);
            string? baselineId = Text(f, "baselineId", required: false);
            Workload? workload = Child(f, "workload", required: true, Workload);
            Revenue? revenue = Child(f, "revenue", required: false, Revenue);
            Quality? quality = Child(f, "quality", required: false, Quality);
            Optimizations? optimizations = Child(f, "optimizations", required: false, Optimizations);
            List<Approach?>? approaches = Approaches(f);

            if (baselineId is not null && approaches is not null && !approachIds.ContainsKey(baselineId))
            {
                Add("baselineId", $"names no approach of this scenario ('{baselineId}').");
            }

            if (name is null || workload is null || approaches is null || approaches.Contains(null) || HasErrors)
            {
                return null;
            }

            return new Scenario(name, segment, baselineId, workload, revenue, quality, optimizations, approaches.ConvertAll(a => a!));
        }

        private Workload? Workload(Fields f)
        {
            decimal? requests = Number(f, "requestsPerMonth", new(MinRequestsPerMonth, MaxRequestsPerMonth), required: true);
            int? horizon = (int?)Integer(f, "horizonMonths", 1, MaxMonths, required: false);
            decimal? growth = Number(f, "monthlyGrowthRate", new(MinGrowthRate, MaxGrowthRate), required: false);
            if (requests is not decimal volume || (f.Has("horizonMonths") && horizon is null) || (f.Has("monthlyGrowthRate") && growth is null))
            {
                return null;
            }

            decimal factor = 1m + (growth ?? 0m);
            int months = horizon ?? DefaultHorizonMonths;
            for (int m = 1; m < months; m++)
            {
                // Multiplies a value at most 1e15 by at most 2, so the check itself cannot overflow.
                volume *= factor;
                if (volume > MaxProjectedMonthlyRequests)
                {
                    Add(f.Path, $"projects more than {MaxProjectedMonthlyRequests:0} requests in the last month "
                        + "(requestsPerMonth * (1 + monthlyGrowthRate)^(horizonMonths - 1)); lower the volume, the growth or the horizon.");
                    return null;
                }
            }

            return new Workload(requests.Value, horizon, growth);
        }

        private Revenue? Revenue(Fields f)
        {
            decimal? perRequest = Number(f, "perRequest", Money, required: false);
            decimal? perUser = Number(f, "perUserPerMonth", Money, required: false);
            decimal? requestsPerUser = Number(f, "requestsPerUserPerMonth", new(0m, MaxRequestsPerMonth, MinExclusive: true), required: false);
            decimal? target = Number(f, "targetGrossMargin", Fraction, required: false);

            bool perRequestGiven = f.Has("perRequest"), perUserGiven = f.Has("perUserPerMonth"), requestsPerUserGiven = f.Has("requestsPerUserPerMonth");
            if (!perRequestGiven && !(perUserGiven && requestsPerUserGiven))
            {
                Add(f.Path, "needs perRequest, or both perUserPerMonth and requestsPerUserPerMonth, to know what a request earns.");
                return null;
            }

            if (perRequest is null && perUser is decimal user && requestsPerUser is decimal perMonth && user > MaxMoney * perMonth)
            {
                Add(f.PathOf("requestsPerUserPerMonth"), $"makes a revenue per request (perUserPerMonth / requestsPerUserPerMonth) above {MaxMoney:0}.");
                return null;
            }

            return new Revenue(perRequest, perUser, requestsPerUser, target);
        }

        private Quality? Quality(Fields f) => new(
            Number(f, "valuePerCorrectOutput", Money, required: false),
            Number(f, "costPerError", Money, required: false),
            Number(f, "reviewRate", Fraction, required: false),
            Number(f, "reviewMinutes", new(0m, MaxReviewMinutes), required: false),
            Number(f, "reviewerHourlyRate", Money, required: false),
            Number(f, "requiredAccuracy", Fraction, required: false));

        private Optimizations? Optimizations(Fields f)
        {
            decimal? hitRate = Number(f, "cacheHitRate", Fraction, required: false);
            decimal? lookup = Number(f, "cacheLookupCost", Money, required: false);
            decimal? batchShare = Number(f, "batchShare", Fraction, required: false);
            decimal? discount = Number(f, "batchDiscount", Fraction, required: false);
            return new(hitRate, lookup, batchShare, discount);
        }

        private List<Approach?>? Approaches(Fields f)
        {
            if (!f.TryGet("approaches", out JsonElement array))
            {
                Add("approaches", "is required: at least one approach.");
                return null;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Add("approaches", "must be an array of approaches.");
                return null;
            }

            int count = array.GetArrayLength();
            if (count is 0 or > MaxApproaches)
            {
                Add("approaches", $"must hold 1 to {MaxApproaches} approaches, not {count}.");
                return null;
            }

            var approaches = new List<Approach?>(count);
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                string path = $"approaches[{index}]";
                Fields? a = Object(item, path, ApproachBlock);
                if (a is not null && a.TryGet("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String
                    && idElement.GetString() is string id && !approachIds.TryAdd(id, index))
                {
                    Add(a.PathOf("id"), $"repeats the id of approaches[{approachIds[id]}] ('{id}'); ids must be unique.");
                }

                approaches.Add(a is null ? null : Approach(a));
                index++;
            }

            return approaches;
        }

        private Approach? Approach(Fields f)
        {
            string? id = Text(f, "id", required: true);
            if (id is not null && !ApproachIdPattern().IsMatch(id))
            {
                Add(f.PathOf("id"), "must be 1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit.");
                id = null;
            }

            ApproachKind? kind = Enum(f, "kind", KindNames, required: true);
            Pricing? pricing = Child(f, "pricing", required: true, Pricing);
            long? input = Integer(f, "inputTokens", 0, MaxRequestTokens, required: true);
            long? cached = Integer(f, "cachedInputTokens", 0, MaxRequestTokens, required: false);
            long? output = Integer(f, "outputTokens", 0, MaxRequestTokens, required: true);
            decimal? accuracy = Number(f, "accuracy", AccuracyRange, required: true);
            Retrieval? retrieval = Child(f, "retrieval", required: false, Retrieval);
            Routing? routing = Child(f, "routing", required: false, Routing);
            decimal? fixedMonthly = Number(f, "fixedMonthlyCost", Money, required: false);
            decimal? hosting = Number(f, "hostingPerHour", Money, required: false);
            Training? training = null;

            if (kind == ApproachKind.FineTune)
            {
                training = Child(f, "training", required: true, Training, "is required for a fine-tune approach.");
            }
            else if (f.Has("training"))
            {
                Add(f.PathOf("training"), "is only allowed on a fine-tune approach.");
            }

            if (cached > input)
            {
                Add(f.PathOf("cachedInputTokens"), $"cannot exceed inputTokens ({input}).");
                return null;
            }

            bool complete = id is not null && kind is not null && pricing is not null && input is not null && output is not null
                && accuracy is not null && (kind != ApproachKind.FineTune || training is not null);
            return complete && !HasErrors
                ? new Approach(id!, kind!.Value, pricing!, input!.Value, cached, output!.Value, accuracy!.Value, retrieval, routing, fixedMonthly, hosting, training)
                : null;
        }

        private Pricing? Pricing(Fields f)
        {
            decimal? input = Number(f, "inputPerMillion", Price, required: true);
            decimal? output = Number(f, "outputPerMillion", Price, required: true);
            decimal? cached = Number(f, "cachedInputPerMillion", Price, required: false);
            return input is null || output is null ? null : new(input.Value, output.Value, cached);
        }

        private Retrieval? Retrieval(Fields f)
        {
            long? context = Integer(f, "contextTokens", 0, MaxRequestTokens, required: false);
            long? embedding = Integer(f, "embeddingTokens", 0, MaxRequestTokens, required: false);
            decimal? embeddingPrice = Number(f, "embeddingPerMillion", Price, required: false);
            decimal? perQuery = Number(f, "costPerQuery", Money, required: false);
            return new(context, embedding, embeddingPrice, perQuery);
        }

        private Routing? Routing(Fields f)
        {
            decimal? share = Number(f, "share", Fraction, required: true);
            Pricing? pricing = Child(f, "pricing", required: true, Pricing);
            decimal? accuracy = Number(f, "accuracy", AccuracyRange, required: true);
            return share is null || pricing is null || accuracy is null ? null : new(share.Value, pricing, accuracy.Value);
        }

        private Training? Training(Fields f)
        {
            long? tokens = Integer(f, "trainingTokens", 0, MaxTrainingTokens, required: false);
            long? epochs = Integer(f, "epochs", 1, MaxEpochs, required: false);
            decimal? price = Number(f, "trainingPerMillion", Price, required: false);
            decimal? gpuHours = Number(f, "gpuHours", new(0m, MaxGpuHours), required: false);
            decimal? gpuRate = Number(f, "gpuHourlyRate", Money, required: false);
            decimal? preparation = Number(f, "dataPreparationCost", Money, required: false);
            decimal? evaluation = Number(f, "evaluationCost", Money, required: false);
            long? retrain = Integer(f, "retrainEveryMonths", 1, MaxMonths, required: false);
            if (HasErrors)
            {
                return null;
            }

            return new(tokens, (int?)epochs, price, gpuHours, gpuRate, preparation, evaluation, (int?)retrain);
        }

        /// <summary>Reads an object's properties, refusing unknown and repeated ones; null when it is not an object.</summary>
        private Fields? Object(JsonElement element, string path, Block block)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(path.Length == 0 ? "$" : path, "must be a JSON object.");
                return null;
            }

            var fields = new Fields(path, block);
            Span<bool> seen = stackalloc bool[block.Names.Length];
            int next = 0;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                int index = IndexOf(block, property, next);
                if (index < 0)
                {
                    Add(fields.PathOf(property.Name), "is not a known property.");
                    continue;
                }

                next = index + 1;
                if (seen[index])
                {
                    Add(fields.PathOf(block.Names[index]), "appears more than once.");
                }
                else
                {
                    seen[index] = true;
                    if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        fields.Set(index, property.Value);
                    }
                }
            }

            return fields;
        }

        /// <summary>The index of the property's name in the block; the search starts at <paramref name="start"/> because bodies usually list properties in contract order.</summary>
        private static int IndexOf(Block block, JsonProperty property, int start)
        {
            byte[][] names = block.Utf8Names;
            for (int n = 0; n < names.Length; n++)
            {
                int i = (start + n) % names.Length;
                if (property.NameEquals(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private T? Child<T>(Fields parent, string name, bool required, Func<Fields, T?> read, string missing = "is required.")
            where T : class
        {
            if (!parent.TryGet(name, out JsonElement element))
            {
                if (required)
                {
                    Add(parent.PathOf(name), missing);
                }

                return null;
            }

            Fields? fields = Object(element, parent.PathOf(name), BlockOf(name));
            return fields is null ? null : read(fields);
        }

        private static Block BlockOf(string name) => Blocks.TryGetValue(name, out Block? block)
            ? block
            : throw new ArgumentOutOfRangeException(nameof(name), name, "No such block in the scenario contract.");

        private decimal? Number(Fields f, string name, NumberRange range, bool required)
        {
            if (!Present(f, name, required, out JsonElement element))
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Number)
            {
                Add(f.PathOf(name), "must be a number.");
                return null;
            }

            if (!element.TryGetDecimal(out decimal value) || !range.Contains(value))
            {
                Add(f.PathOf(name), range.Describe());
                return null;
            }

            return value;
        }

        private long? Integer(Fields f, string name, long min, long max, bool required)
        {
            if (!Present(f, name, required, out JsonElement element))
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Number)
            {
                Add(f.PathOf(name), "must be a whole number.");
                return null;
            }

            if (!element.TryGetDecimal(out decimal value) || value < min || value > max)
            {
                Add(f.PathOf(name), string.Create(CultureInfo.InvariantCulture, $"must be a whole number between {min} and {max}."));
                return null;
            }

            if (decimal.Truncate(value) != value || !IsWholeLiteral(JsonMarshal.GetRawUtf8Value(element)))
            {
                Add(f.PathOf(name), "must be a whole number.");
                return null;
            }

            return (long)value;
        }

        /// <summary>
        /// Whether a JSON number literal is a whole number as written: <c>1e-30</c> is not, although it reads as the decimal 0,
        /// and neither is a fraction beyond decimal's 28 places; <c>2400</c>, <c>2400.0</c> and <c>2.4e3</c> are.
        /// </summary>
        private static bool IsWholeLiteral(ReadOnlySpan<byte> number)
        {
            int e = number.IndexOfAny((byte)'e', (byte)'E');
            ReadOnlySpan<byte> mantissa = e < 0 ? number : number[..e];
            long exponent = 0;
            if (e >= 0 && !System.Buffers.Text.Utf8Parser.TryParse(number[(e + 1)..].TrimStart((byte)'+'), out exponent, out _))
            {
                // An exponent beyond a long is out of any range anyway; the range check has refused it already.
                return false;
            }

            int point = mantissa.IndexOf((byte)'.');
            ReadOnlySpan<byte> integerDigits = (point < 0 ? mantissa : mantissa[..point]).TrimStart((byte)'-');
            ReadOnlySpan<byte> fractionDigits = point < 0 ? [] : mantissa[(point + 1)..];

            // Digits at or after this index of integerDigits + fractionDigits lie right of the decimal point; all must be 0.
            long firstFractional = integerDigits.Length + exponent;
            for (int i = 0; i < integerDigits.Length + fractionDigits.Length; i++)
            {
                byte digit = i < integerDigits.Length ? integerDigits[i] : fractionDigits[i - integerDigits.Length];
                if (i >= firstFractional && digit != (byte)'0')
                {
                    return false;
                }
            }

            return true;
        }

        private string? Text(Fields f, string name, bool required)
        {
            if (!Present(f, name, required, out JsonElement element))
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.String)
            {
                Add(f.PathOf(name), "must be a string.");
                return null;
            }

            return element.GetString();
        }

        private T? Enum<T>(Fields f, string name, IReadOnlyDictionary<string, T> names, bool required = false)
            where T : struct
        {
            string? text = Text(f, name, required);
            if (text is null)
            {
                return null;
            }

            if (!names.TryGetValue(text, out T value))
            {
                Add(f.PathOf(name), $"must be one of {string.Join(", ", names.Keys)}.");
                return null;
            }

            return value;
        }

        private bool Present(Fields f, string name, bool required, out JsonElement element)
        {
            if (f.TryGet(name, out element))
            {
                return true;
            }

            if (required)
            {
                Add(f.PathOf(name), "is required.");
            }

            return false;
        }
    }

    private static readonly Block RootBlock = new(
        "name", "segment", "baselineId", "workload", "revenue", "quality", "optimizations", "approaches");

    private static readonly Block ApproachBlock = new(
        "id", "kind", "pricing", "inputTokens", "cachedInputTokens", "outputTokens", "accuracy", "retrieval", "routing",
        "fixedMonthlyCost", "hostingPerHour", "training");

    private static readonly Dictionary<string, Block> Blocks = new(StringComparer.Ordinal)
    {
        ["workload"] = new("requestsPerMonth", "horizonMonths", "monthlyGrowthRate"),
        ["revenue"] = new("perRequest", "perUserPerMonth", "requestsPerUserPerMonth", "targetGrossMargin"),
        ["quality"] = new("valuePerCorrectOutput", "costPerError", "reviewRate", "reviewMinutes", "reviewerHourlyRate", "requiredAccuracy"),
        ["optimizations"] = new("cacheHitRate", "cacheLookupCost", "batchShare", "batchDiscount"),
        ["pricing"] = new("inputPerMillion", "outputPerMillion", "cachedInputPerMillion"),
        ["retrieval"] = new("contextTokens", "embeddingTokens", "embeddingPerMillion", "costPerQuery"),
        ["routing"] = new("share", "pricing", "accuracy"),
        ["training"] = new("trainingTokens", "epochs", "trainingPerMillion", "gpuHours", "gpuHourlyRate", "dataPreparationCost", "evaluationCost", "retrainEveryMonths"),
    };

    private static readonly Dictionary<string, Segment> SegmentNames = new(StringComparer.Ordinal)
    {
        ["ai-first-saas"] = Segment.AiFirstSaas,
        ["enterprise-ai"] = Segment.EnterpriseAi,
        ["consumer-ai"] = Segment.ConsumerAi,
        ["all-sectors"] = Segment.AllSectors,
    };

    private static readonly Dictionary<string, ApproachKind> KindNames = new(StringComparer.Ordinal)
    {
        ["prompt"] = ApproachKind.Prompt,
        ["rag"] = ApproachKind.Rag,
        ["fine-tune"] = ApproachKind.FineTune,
    };
}
