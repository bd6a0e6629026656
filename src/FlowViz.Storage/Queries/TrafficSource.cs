using FlowViz.Storage.Filtering;
using FlowViz.Storage.Rollups;

namespace FlowViz.Storage.Queries;

/// <summary>
/// A table a query reads: the raw flows, or one cube at one resolution. Both expose the same measures under the
/// same names in the union the queries aggregate (flows as a record count, bytes and packets scaled by sampling).
/// </summary>
public sealed record TrafficSource(string Table, RollupCube? Cube, RollupResolution? Resolution)
{
    /// <summary>The raw flows; interface classes joined when a query needs them.</summary>
    public static TrafficSource RawFlows { get; } = new("flows", null, null);

    public static TrafficSource Rollup(RollupCube cube, RollupResolution resolution) => new(cube.TableName(resolution), cube, resolution);

    public bool IsRaw => Cube is null;

    internal string TimeColumn => IsRaw ? "time_received" : "bucket";

    internal string Flows => IsRaw ? "1::bigint" : "flows";

    internal string Packets => IsRaw ? TrafficSql.ScaledPackets : "packets";

    internal string Bytes => IsRaw ? TrafficSql.ScaledBytes : "bytes";

    internal FilterSqlCompiler Compiler => Cube?.Compiler ?? FilterSqlCompiler.FlowsWithInterfaceClasses;
}
