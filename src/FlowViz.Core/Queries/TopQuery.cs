using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// The top <paramref name="Limit"/> keys of a dimension, ranked by <paramref name="OrderBy"/>, counting only the flows
/// that match <paramref name="Filter"/> (all flows when null); "other" is the filtered total minus the top rows.
/// </summary>
public sealed record TopQuery(TimeRange Range, FlowDimension By, TrafficMetric OrderBy, int Limit, FilterExpression? Filter = null);
