using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// Plans a query grouped by an interface class (connectivity, provider, boundary) over the class rollup
/// (<see cref="ClassRollup"/>, db-migrations/0015) where it answers exactly, and over <see cref="QueryPlanner"/>'s
/// tables elsewhere. A level of the class rollup answers the whole buckets of the range that lie inside both its own
/// coverage and the interface cube's at that level, and only while it was computed under the classification in force
/// (read in the answer's snapshot, so a rule change is seen by the next answer: the interface cube answers under the new
/// classes until the builder has recomputed the class rows). Coarsest first, and for a series only at widths dividing
/// the step, as <see cref="QueryPlanner"/> does; what is left at the edges (the minutes, anything not yet recomputed) is
/// planned by <see cref="QueryPlanner"/> over the interface cube and the raw flows. A filter on anything but the
/// direction, or a dimension the class rollup lacks, leaves the whole query to <see cref="QueryPlanner"/>.
/// </summary>
internal static class ClassRollupPlanner
{
    /// <summary>True when the query groups by a class, holds no dimension but classes and direction, and filters at most on direction.</summary>
    public static bool Answers(IReadOnlyCollection<FlowDimension> dimensions, FilterExpression? filter) =>
        dimensions.Any(DimensionSql.NeedsClasses) && dimensions.All(ClassRollup.Cube.Dimensions.Contains) && QueryPlanner.CanFilter(ClassRollup.Cube, filter);

    /// <summary>The levels of the class rollup computed under the current classes, as coverage (others absent: empty).</summary>
    public static async Task<RollupCoverage> CurrentCoverageAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var states = await ClassRollupState.ReadAllAsync(connection, cancellationToken);
        return new RollupCoverage(states.Where(state => state.Value.IsCurrent).ToDictionary(state => state.Key, state => state.Value.Covered));
    }

    public static IReadOnlyList<QuerySegment> Plan(
        TimeRange range, IReadOnlyCollection<FlowDimension> dimensions, FilterExpression? filter, int? stepSeconds,
        RollupCoverage interfaces, RollupCoverage classes)
    {
        var segments = new List<QuerySegment>();
        QueryPlanner.Decompose(new TimeInterval(range.From, range.To), QueryPlanner.LevelsFor(ClassRollup.Resolutions, stepSeconds),
            resolution => Intersect(classes.Of(resolution), interfaces.Of(resolution)),
            (resolution, whole) => segments.Add(new QuerySegment(TrafficSource.Rollup(ClassRollup.Cube, resolution), whole)),
            rest => segments.AddRange(QueryPlanner.Plan(new TimeRange(rest.From, rest.To), dimensions, filter, stepSeconds, interfaces)));
        return segments;
    }

    private static TimeInterval Intersect(TimeInterval a, TimeInterval b) =>
        new(a.From > b.From ? a.From : b.From, a.To < b.To ? a.To : b.To);
}
