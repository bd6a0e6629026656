using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Filtering;
using FlowViz.Storage.Queries;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// One family of rollup tables (<c>rollup_{name}_{1m|5m|1h}</c>, db-migrations/0005_rollups.sql): the dimension
/// columns it keeps besides <c>bucket</c> and <c>traffic_direction</c>, the query dimensions it can answer, and the
/// filter fields it can evaluate (its own <see cref="FilterColumns"/> map; direction always, since every cube keeps it).
/// </summary>
public sealed class RollupCube
{
    public RollupCube(string name, IReadOnlyList<RollupColumn> columns, IReadOnlyList<FlowDimension> dimensions, IReadOnlyList<FilterField> filterFields)
    {
        Name = name;
        Columns = columns;
        Dimensions = [FlowDimension.Direction, .. dimensions];
        HasInterfaces = columns.Any(c => c.Name == "input_if") && columns.Any(c => c.Name == "output_if") && columns.Any(c => c.Name == "exporter");
        var map = filterFields.ToDictionary(field => field, field => Filtering.FilterColumns.Flows[field]);
        map[FilterField.Direction] = Filtering.FilterColumns.Flows[FilterField.Direction];
        if (HasInterfaces)
        {
            map[FilterField.Connectivity] = DimensionSql.Connectivity;
            map[FilterField.Provider] = DimensionSql.Provider;
            map[FilterField.Boundary] = DimensionSql.Boundary;
            Dimensions = [.. Dimensions, FlowDimension.Connectivity, FlowDimension.Provider, FlowDimension.Boundary];
        }
        FilterColumns = map;
        Compiler = new FilterSqlCompiler(map, $"the {name} rollup does not hold it");
    }

    public string Name { get; }

    public IReadOnlyList<RollupColumn> Columns { get; }

    /// <summary>What this cube can group by; direction always (every cube keeps traffic_direction).</summary>
    public IReadOnlyList<FlowDimension> Dimensions { get; }

    /// <summary>True when the cube keeps exporter, input_if and output_if: the interface classes can be joined.</summary>
    public bool HasInterfaces { get; }

    public IReadOnlyDictionary<FilterField, string> FilterColumns { get; }

    public FilterSqlCompiler Compiler { get; }

    public string TableName(RollupResolution resolution) => $"rollup_{Name}_{resolution.Name}";
}
