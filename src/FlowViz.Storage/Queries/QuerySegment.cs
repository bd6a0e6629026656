using FlowViz.Storage.Rollups;

namespace FlowViz.Storage.Queries;

/// <summary>One part of a query's time range and the table that answers it.</summary>
public sealed record QuerySegment(TrafficSource Source, TimeInterval Interval)
{
    public override string ToString() => $"{Source.Table} [{Interval.From:u}, {Interval.To:u})";
}
