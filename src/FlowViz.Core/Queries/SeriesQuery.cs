using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// Per-second rates of <paramref name="Metric"/> in buckets of <paramref name="StepSeconds"/>, one series per
/// top-<paramref name="Limit"/> key of <paramref name="By"/> plus one "other" series for the rest, over the flows
/// that match <paramref name="Filter"/> (all flows when null), each divided by <paramref name="Split"/>.
/// </summary>
public sealed record SeriesQuery(
    TimeRange Range, FlowDimension By, TrafficMetric Metric, int StepSeconds, int Limit, FilterExpression? Filter = null,
    SeriesSplit Split = SeriesSplit.None);
