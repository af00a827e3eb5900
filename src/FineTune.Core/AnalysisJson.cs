using System.Text.Json;

namespace FineTune.Core;

/// <summary>
/// Writes an <see cref="Analysis"/> as api.md shows it, through the source-generated <see cref="FineTuneJsonContext"/>:
/// camelCase, kebab-case enums, nulls written, every decimal rounded once to 8 places, half to even.
/// </summary>
public static class AnalysisJson
{
    /// <summary>The analysis as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Analysis analysis) =>
        JsonSerializer.SerializeToUtf8Bytes(analysis, FineTuneJsonContext.Default.Analysis);
}
