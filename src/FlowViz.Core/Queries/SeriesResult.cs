namespace FlowViz.Core.Queries;

/// <summary>Series whose points are aligned to multiples of <paramref name="StepSeconds"/>, every bucket present.</summary>
public sealed record SeriesResult(int StepSeconds, IReadOnlyList<TrafficSeries> Series);
