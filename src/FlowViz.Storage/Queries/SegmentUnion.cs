using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

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
        var classes = (dimension is { } d && DimensionSql.NeedsClasses(d)) || (filter is not null && UsesClasses(filter));
        return string.Join("\nUNION ALL\n", segments.Select(segment =>
        {
            var source = segment.Source;
            var key = dimension is { } by ? DimensionSql.Of(by, source.IsRaw) : "NULL";
            var where = $"{source.TimeColumn} >= {parameters.Add(segment.Interval.From)} AND {source.TimeColumn} < {parameters.Add(segment.Interval.To)}";
            if (filter is not null)
            {
                where += " AND " + parameters.Add(source.Compiler, filter);
            }
            return $"SELECT {source.TimeColumn} AS t, {key} AS k, traffic_direction AS d, {source.Flows} AS flows, " +
                $"{source.Packets} AS packets, {source.Bytes} AS bytes FROM {source.Table}{(classes ? DimensionSql.InterfaceClassJoins : "")} WHERE {where}";
        }));
    }

    /// <summary>True when the filter tests an interface class, which needs the class joins.</summary>
    public static bool UsesClasses(FilterExpression filter) => filter switch
    {
        AndFilter and => UsesClasses(and.Left) || UsesClasses(and.Right),
        OrFilter or => UsesClasses(or.Left) || UsesClasses(or.Right),
        NotFilter not => UsesClasses(not.Operand),
        LabelFilter label => label.Subject is LabelSubject.Connectivity or LabelSubject.Provider or LabelSubject.Boundary,
        _ => false,
    };
}
