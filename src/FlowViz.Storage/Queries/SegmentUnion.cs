using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The rows a query aggregates, as one relation over all its segments: <c>t</c> (time), <c>k</c> (the grouping
/// key, NULL without a dimension), <c>d</c> (traffic_direction) and the measures <c>flows</c>, <c>packets</c>,
/// <c>bytes</c>. Each segment reads its own time interval with the filter compiled for its table.
/// </summary>
internal static class SegmentUnion
{
    public static string Sql(IReadOnlyList<QuerySegment> segments, FlowDimension? dimension, FilterExpression? filter, SqlParameters parameters)
    {
        // Only a class dimension needs the joins; a class filter tests key sets (FilterSqlCompiler.InterfaceClassSets).
        var classes = dimension is { } d && DimensionSql.NeedsClasses(d);
        return string.Join("\nUNION ALL\n", segments.Select(segment =>
        {
            var source = segment.Source;
            // The class rollup stores the class itself (db-migrations/0015): a column, no joins.
            var classRollup = ClassRollup.Reads(source);
            var key = dimension is { } by ? (classRollup ? ClassRollup.ColumnOf(by) : DimensionSql.Of(by, source.IsRaw)) : "NULL";
            var where = $"{source.TimeColumn} >= {parameters.Add(segment.Interval.From)} AND {source.TimeColumn} < {parameters.Add(segment.Interval.To)}";
            if (filter is not null)
            {
                where += " AND " + parameters.Add(source.Compiler, filter);
            }
            return $"SELECT {source.TimeColumn} AS t, {key} AS k, traffic_direction AS d, {source.Flows} AS flows, " +
                $"{source.Packets} AS packets, {source.Bytes} AS bytes FROM {source.Table}{(classes && !classRollup ? DimensionSql.InterfaceClassJoins : "")} WHERE {where}";
        }));
    }
}
