using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// The class rollup (db-migrations/0015_class_rollups.sql): <c>rollup_class_{5m|1h|6h|1d|1w}</c>, the interface cube's
/// rows summed per bucket, traffic_direction and the class the rows have under interface_classes — connectivity, provider
/// and boundary as <see cref="DimensionSql"/> computes them. A class answer then reads a few dozen rows per bucket instead
/// of every interface pair through two joins. The rows are valid only under the classification they were computed with
/// (<c>class_rollup_state.classification</c> equal to <c>interface_classes_digest</c>); <see cref="ClassRollupBuilder"/>
/// keeps them, <see cref="ClassRollupPlanner"/> decides when to read them. Not one of <see cref="RollupCubes.All"/>:
/// it is built from the interface cube at the same resolution, not from its own finer level.
/// </summary>
public static class ClassRollup
{
    /// <summary>Only what grouping by a class needs; no filter field but the direction (a class filter reads the interface cube).</summary>
    public static RollupCube Cube { get; } = new("class", [],
        [FlowDimension.Connectivity, FlowDimension.Provider, FlowDimension.Boundary], []);

    /// <summary>The levels it has: every level of the interface cube but the minutes (written by the flow writer).</summary>
    public static IReadOnlyList<RollupResolution> Resolutions { get; } = [.. RollupResolution.All.Skip(1)];

    /// <summary>True when <paramref name="source"/> reads the class rollup (its key is a stored column, no joins).</summary>
    public static bool Reads(TrafficSource source) => source.Cube == Cube;

    /// <summary>The stored column of a class dimension.</summary>
    public static string ColumnOf(FlowDimension dimension) => dimension switch
    {
        FlowDimension.Connectivity => "connectivity",
        FlowDimension.Provider => "provider",
        FlowDimension.Boundary => "boundary",
        FlowDimension.Direction => "traffic_direction",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The class rollup does not hold it."),
    };

    /// <summary>The interface cube's rows of [$1, $2) at <paramref name="resolution"/>, summed by class: the class rows of those buckets.</summary>
    public static string InsertFromInterfaces(RollupResolution resolution) => $"""
        INSERT INTO {Cube.TableName(resolution)} (bucket, traffic_direction, connectivity, provider, boundary, flows, packets, bytes)
        SELECT bucket, traffic_direction, {DimensionSql.Connectivity}, {DimensionSql.Provider}, {DimensionSql.Boundary},
               sum(flows), sum(packets), sum(bytes)
        FROM {RollupCubes.Interface.TableName(resolution)}{DimensionSql.InterfaceClassJoins}
        WHERE bucket >= $1 AND bucket < $2
        GROUP BY 1, 2, 3, 4, 5
        """;
}
