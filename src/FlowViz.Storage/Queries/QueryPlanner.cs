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
        var levels = cube is null ? [] : LevelsFor(RollupResolution.All, stepSeconds);
        var segments = new List<QuerySegment>();
        Decompose(new TimeInterval(range.From, range.To), levels, coverage.Of,
            (resolution, whole) => segments.Add(new QuerySegment(TrafficSource.Rollup(cube!, resolution), whole)),
            rest => segments.Add(new QuerySegment(TrafficSource.RawFlows, rest)));
        return segments;
    }

    /// <summary>The levels that may answer, coarsest first; for a series only those whose width divides the step.</summary>
    internal static IReadOnlyList<RollupResolution> LevelsFor(IEnumerable<RollupResolution> resolutions, int? stepSeconds) =>
        resolutions.Reverse().Where(r => stepSeconds is not { } step || step % r.WidthSeconds == 0).ToList();

    /// <summary>
    /// Splits <paramref name="interval"/> over <paramref name="levels"/> (coarsest first): each level takes, through
    /// <paramref name="take"/>, the whole buckets of the interval inside what <paramref name="coveredOf"/> says it covers;
    /// the edges go to the next finer level, and what no level takes to <paramref name="rest"/>. Called in time order.
    /// </summary>
    internal static void Decompose(
        TimeInterval interval, IReadOnlyList<RollupResolution> levels, Func<RollupResolution, TimeInterval> coveredOf,
        Action<RollupResolution, TimeInterval> take, Action<TimeInterval> rest)
    {
        DecomposeFrom(interval, 0);

        void DecomposeFrom(TimeInterval part, int level)
        {
            if (part.IsEmpty)
            {
                return;
            }
            if (level == levels.Count)
            {
                rest(part);
                return;
            }
            var resolution = levels[level];
            var covered = coveredOf(resolution);
            if (covered.IsEmpty)
            {
                // Checked first: a level never built has the default interval (year 1), which a week cannot floor.
                DecomposeFrom(part, level + 1);
                return;
            }
            var from = resolution.Ceiling(part.From > covered.From ? part.From : covered.From);
            var to = resolution.Floor(part.To < covered.To ? part.To : covered.To);
            if (from >= to)
            {
                DecomposeFrom(part, level + 1);
                return;
            }
            DecomposeFrom(new TimeInterval(part.From, from), level + 1);
            take(resolution, new TimeInterval(from, to));
            DecomposeFrom(new TimeInterval(to, part.To), level + 1);
        }
    }

    /// <summary>Whether the cube holds every field the filter reads.</summary>
    internal static bool CanFilter(RollupCube cube, FilterExpression? filter)
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
