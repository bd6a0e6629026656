using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;

namespace FlowViz.Storage.Queries;

/// <summary>
/// Splits a query's range over the tables that answer it exactly. The cube is the first of
/// <see cref="RollupCubes.All"/> (smallest first) holding every dimension the query groups by and every field its
/// filter reads; then, coarsest first, each resolution answers the whole buckets of the range that lie inside its
/// covered interval (and, for a series, only when the step is a multiple of its width, so no rollup bucket straddles
/// two series buckets). What is left at the edges — a range not aligned to the bucket, the minutes past the
/// watermark, anything older than a rollup's retention — goes to the next finer resolution, and finally to the raw
/// flows. So every answer equals the raw flows' answer, whatever the range, the step or the rollup lag.
/// </summary>
internal static class QueryPlanner
{
    public static IReadOnlyList<QuerySegment> Plan(
        TimeRange range, IReadOnlyCollection<FlowDimension> dimensions, FilterExpression? filter, int? stepSeconds, RollupCoverage coverage)
    {
        var cube = RollupCubes.All.FirstOrDefault(c => dimensions.All(c.Dimensions.Contains) && CanFilter(c, filter));
        var levels = cube is null
            ? []
            : RollupResolution.All.Reverse().Where(r => stepSeconds is not { } step || step % r.WidthSeconds == 0).ToList();
        var segments = new List<QuerySegment>();
        Decompose(new TimeInterval(range.From, range.To), 0);
        return segments;

        void Decompose(TimeInterval interval, int level)
        {
            if (interval.IsEmpty)
            {
                return;
            }
            if (level == levels.Count)
            {
                segments.Add(new QuerySegment(TrafficSource.RawFlows, interval));
                return;
            }
            var resolution = levels[level];
            var covered = coverage.Of(resolution);
            if (covered.IsEmpty)
            {
                // Checked first: a level never built has the default interval (year 1), which a week cannot floor.
                Decompose(interval, level + 1);
                return;
            }
            var from = resolution.Ceiling(interval.From > covered.From ? interval.From : covered.From);
            var to = resolution.Floor(interval.To < covered.To ? interval.To : covered.To);
            if (from >= to)
            {
                Decompose(interval, level + 1);
                return;
            }
            Decompose(new TimeInterval(interval.From, from), level + 1);
            segments.Add(new QuerySegment(TrafficSource.Rollup(cube!, resolution), new TimeInterval(from, to)));
            Decompose(new TimeInterval(to, interval.To), level + 1);
        }
    }

    private static bool CanFilter(RollupCube cube, FilterExpression? filter)
    {
        if (filter is null)
        {
            return true;
        }
        try
        {
            cube.Compiler.Compile(filter, 1);
            return true;
        }
        catch (FilterNotSupportedException)
        {
            return false;
        }
    }
}
