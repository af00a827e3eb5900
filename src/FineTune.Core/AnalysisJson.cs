using System.Text.Json;

namespace FineTune.Core;

/// <summary>Writes an <see cref="Analysis"/> as api.md shows it, every decimal rounded to 8 places half to even.</summary>
public static class AnalysisJson
{
    /// <summary>Writes the analysis to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, Analysis analysis) =>
        JsonSerializer.Serialize(writer, analysis, FineTuneJsonContext.Default.Analysis);

    /// <summary>The analysis as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Analysis analysis) =>
        JsonSerializer.SerializeToUtf8Bytes(analysis, FineTuneJsonContext.Default.Analysis);
}
