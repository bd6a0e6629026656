namespace FlowViz.Core.Queries;

/// <summary>One line of a stacked graph; the key "other" holds everything outside the top N.</summary>
public sealed record TrafficSeries(string Key, string Label, IReadOnlyList<SeriesPoint> Points)
{
    public const string OtherKey = "other";
}
