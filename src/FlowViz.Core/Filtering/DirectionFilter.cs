using FlowViz.Core.Flows;

namespace FlowViz.Core.Filtering;

/// <summary>
/// <c>direction in|out|internal|transit</c>: the flow's traffic direction, decided at ingest from the local networks
/// (<see cref="TrafficDirection"/>). Flows whose direction is <see cref="TrafficDirection.Unknown"/> match none.
/// </summary>
public sealed record DirectionFilter(TrafficDirection Direction) : FilterExpression;
