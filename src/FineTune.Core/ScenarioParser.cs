namespace FineTune.Core;

internal static class ScenarioParser
{
    public static ScenarioParseResult Parse(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();
}
