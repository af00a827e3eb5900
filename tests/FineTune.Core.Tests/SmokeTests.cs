using System.Text;
using Xunit.Abstractions;

namespace FineTune.Core.Tests;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyze_ThreeApproaches_WritesJson()
    {
        Analysis analysis = Analyzer.Analyze(Samples.Parse(Samples.ThreeApproaches));
        output.WriteLine(Encoding.UTF8.GetString(AnalysisJson.SerializeToUtf8Bytes(analysis)));
        Assert.Equal(3, analysis.Approaches.Count);
    }
}
