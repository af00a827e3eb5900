using System.Text.Json.Serialization;

namespace FineTune.Charts;

/// <summary>The charts the API draws, by the name in their route (<c>…/charts/{kind}.svg</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartKind>))]
public enum ChartKind
{
    /// <summary>Each approach's cumulative advantage over the baseline and its payback point.</summary>
    [JsonStringEnumMemberName("payback")] Payback,
    /// <summary>Cumulative all-in cost per approach over the horizon.</summary>
    [JsonStringEnumMemberName("costs")] Costs,
    /// <summary>The tornado: the recommendation's margin with each input 20 % lower and higher.</summary>
    [JsonStringEnumMemberName("sensitivity")] Sensitivity,
    /// <summary>Fully loaded cost per request at 1x, 10x and 100x the volume.</summary>
    [JsonStringEnumMemberName("scale")] Scale,
    /// <summary>A stored scenario's daily actual spend against plan, with its alerts.</summary>
    [JsonStringEnumMemberName("monitor")] Monitor,
}
