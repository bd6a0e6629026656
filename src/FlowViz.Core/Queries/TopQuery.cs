namespace FlowViz.Core.Queries;

/// <summary>The top <paramref name="Limit"/> keys of a dimension, ranked by <paramref name="OrderBy"/>.</summary>
public sealed record TopQuery(TimeRange Range, FlowDimension By, TrafficMetric OrderBy, int Limit);
