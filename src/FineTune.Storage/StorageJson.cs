using System.Text.Json;
using System.Text.Json.Serialization;
using FineTune.Core;

namespace FineTune.Storage;

/// <summary>Source-generated JSON for what rows keep as text: exact decimals (no rounding), absent values omitted.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetricComparison[]))]
[JsonSerializable(typeof(UsageRecord[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
