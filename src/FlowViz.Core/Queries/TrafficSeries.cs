using System.Text.Json.Serialization;

namespace FlowViz.Core.Queries;

/// <summary>
/// One line of a stacked graph; the key "other" holds everything outside the top N. <paramref name="Direction"/>
/// is "out", "in" or "other" when the query split by direction (<see cref="SeriesSplit.Direction"/>), else null.
/// </summary>
public sealed record TrafficSeries(string Key, string Label, IReadOnlyList<SeriesPoint> Points, string? Direction = null)
{
    public const string OtherKey = "other";

    /// <summary>For input/output interface series: the interface's ifName (options data or configuration); else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterfaceName { get; init; }

    /// <summary>For input/output interface series: the interface's description (ifAlias/ifDescr or configuration); else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterfaceDescription { get; init; }

    /// <summary>Min / avg / max / 95th percentile / total of this series' points (buckets of <paramref name="stepSeconds"/>).</summary>
    public SeriesStatistics Statistics(int stepSeconds) => SeriesStatistics.Of(Points, stepSeconds);
}
