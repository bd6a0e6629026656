using FlowViz.Core.Filtering;

namespace FlowViz.Storage.Filtering;

/// <summary>
/// How <see cref="FilterSqlCompiler"/> tests an interface class (connectivity, provider, boundary): as membership of the
/// flow's interfaces in small sets of interface_classes keys, instead of the class expression over two joins
/// (Queries.DimensionSql.Connectivity, which grouping by a class still uses). The same truth value — the input
/// interface's class when it is external, else the output interface's; no class (unclassified interfaces, no exporter)
/// matches no value and its negation — but a hashed lookup per row instead of two joins, and no join for the flow
/// explorer. {0} is the value's placeholder (used twice); everything else is fixed text. Tables whose map holds these
/// fields keep exporter, input_if and output_if (the raw flows, the cubes with interfaces).
/// </summary>
public static class InterfaceClassSets
{
    public static IReadOnlyDictionary<FilterField, string> Templates { get; } = new Dictionary<FilterField, string>
    {
        [FilterField.Connectivity] = Of("connectivity"),
        [FilterField.Provider] = Of("provider"),
        [FilterField.Boundary] = Of("boundary"),
    };

    private static string Of(string column) =>
        $"(exporter, input_if) IN (SELECT if_exporter, if_index FROM interface_classes WHERE boundary = 'external' AND {column} = {{0}})" +
        " OR ((exporter, input_if) NOT IN (SELECT if_exporter, if_index FROM interface_classes WHERE boundary = 'external')" +
        $" AND (exporter, output_if) IN (SELECT if_exporter, if_index FROM interface_classes WHERE {column} = {{0}}))";
}
