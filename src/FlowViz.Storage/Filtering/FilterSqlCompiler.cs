using System.Globalization;
using System.Net;
using System.Text;
using FlowViz.Core.Filtering;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Filtering;

/// <summary>
/// Compiles a <see cref="FilterExpression"/> to a SQL boolean over the columns of one table, given as a
/// whitelist map (<see cref="FilterColumns"/>), so one filter compiles for the raw flows and for rollups alike.
/// Every user value becomes a parameter; column text comes only from the map.
/// <para>
/// NULLs: a flow without a field (a NULL address) must not match a predicate on it but must match its
/// <c>not</c> (two-valued logic, as nfdump and <see cref="FilterEvaluator"/> have it); plain SQL would make
/// <c>NOT (NULL &lt;&lt;= x)</c> NULL and drop the row. So <c>not</c> is written <c>(x) IS NOT TRUE</c>. Below a
/// <c>not</c>, AND and OR may yield NULL where two-valued logic says false, but never NULL where it says true
/// (they are monotone), so WHERE and IS NOT TRUE read them correctly, and predicates stay plain
/// comparisons an index can serve.
/// </para>
/// <para>
/// Addresses: FlowCopyWriter stores IPv4 as plain IPv4 inet (FlowAddress.ToIPAddress), and the parser turns
/// IPv4-mapped IPv6 into IPv4, so IPv4 filters meet IPv4 rows; <c>&lt;&lt;=</c> is false across families.
/// </para>
/// </summary>
public sealed class FilterSqlCompiler
{
    private readonly IReadOnlyDictionary<FilterField, string> _columns;
    private readonly string _missingReason;

    /// <param name="columns">The SQL expression of each field the table holds.</param>
    /// <param name="missingReason">Why a field outside the map cannot be used, for the user.</param>
    public FilterSqlCompiler(IReadOnlyDictionary<FilterField, string> columns, string missingReason)
    {
        _columns = columns;
        _missingReason = missingReason;
    }

    /// <summary>The compiler for the raw <c>flows</c> table alone, without the interface-class joins.</summary>
    public static FilterSqlCompiler Flows { get; } = new(FilterColumns.Flows, "this table's map leaves out the interface classes");

    /// <summary>The compiler for the raw <c>flows</c> table, interface classes included (<see cref="InterfaceClassSets"/>).</summary>
    public static FilterSqlCompiler FlowsWithInterfaceClasses { get; } = new(FilterColumns.FlowsWithInterfaceClasses, "it is not a flow field");

    /// <summary>
    /// The SQL of <paramref name="filter"/>, its placeholders numbered from <paramref name="firstParameter"/>
    /// (the caller's own parameters come first). Throws <see cref="FilterNotSupportedException"/> when the
    /// filter uses a field outside the map.
    /// </summary>
    public CompiledFilter Compile(FilterExpression filter, int firstParameter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstParameter, 1);
        var parameters = new List<NpgsqlParameter>();
        var sql = new StringBuilder();
        Write(sql, filter, parameters, firstParameter);
        return new CompiledFilter(sql.ToString(), parameters);
    }

    private void Write(StringBuilder sql, FilterExpression filter, List<NpgsqlParameter> parameters, int first)
    {
        switch (filter)
        {
            case AndFilter and:
                Binary(sql, and.Left, " AND ", and.Right, parameters, first);
                break;
            case OrFilter or:
                Binary(sql, or.Left, " OR ", or.Right, parameters, first);
                break;
            case NotFilter not:
                sql.Append('(');
                Write(sql, not.Operand, parameters, first);
                sql.Append(" IS NOT TRUE)");
                break;
            default:
                Predicate(sql, filter, parameters, first);
                break;
        }
    }

    private void Binary(StringBuilder sql, FilterExpression left, string op, FilterExpression right, List<NpgsqlParameter> parameters, int first)
    {
        sql.Append('(');
        Write(sql, left, parameters, first);
        sql.Append(op);
        Write(sql, right, parameters, first);
        sql.Append(')');
    }

    private void Predicate(StringBuilder sql, FilterExpression filter, List<NpgsqlParameter> parameters, int first)
    {
        var (fields, template, value) = filter switch
        {
            AddressFilter a => (FilterFields.OfAddress(a.Side), "{0} <<= {1}", Inet(a.Network)),
            ExporterFilter e => ([FilterField.Exporter], "{0} <<= {1}", Inet(e.Network)),
            ProtocolFilter p => ([FilterField.Protocol], "{0} = {1}", BigInt(p.Protocol)),
            NumberFilter n => (FilterFields.Of(n.Subject, n.Side), "{0} " + Operator(n.Comparison) + " {1}", BigInt(n.Value)),
            TcpFlagsFilter f => ([FilterField.TcpFlags], "(({0})::bigint & {1}) = {1}", BigInt(f.Flags)),
            LabelFilter l => (FilterFields.Of(l.Subject, l.Side), "{0} = {1}", new NpgsqlParameter { Value = l.Value, NpgsqlDbType = NpgsqlDbType.Text }),
            DirectionFilter d => ([FilterField.Direction], "{0} = {1}", new NpgsqlParameter { Value = (short)d.Direction, NpgsqlDbType = NpgsqlDbType.Smallint }),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.GetType().Name, "Unknown filter node."),
        };
        var columns = fields.Select(field => _columns.GetValueOrDefault(field)).ToArray();
        if (columns.Any(column => column is null))
        {
            throw new FilterNotSupportedException(columns.All(column => column is null) ? fields : [fields[Array.IndexOf(columns, null)]], _missingReason);
        }
        parameters.Add(value);
        var placeholder = "$" + (first + parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
        if (fields is [var field] && InterfaceClassSets.Templates.TryGetValue(field, out var sets))
        {
            sql.Append('(').Append(string.Format(CultureInfo.InvariantCulture, sets, placeholder)).Append(')');
            return;
        }
        // Either side: one parameter, tested against both columns.
        sql.Append('(');
        for (var i = 0; i < fields.Count; i++)
        {
            sql.Append(i > 0 ? " OR " : "")
                .Append(string.Format(CultureInfo.InvariantCulture, template, columns[i], placeholder));
        }
        sql.Append(')');
    }

    private static string Operator(FilterComparison comparison) => comparison switch
    {
        FilterComparison.Less => "<",
        FilterComparison.Greater => ">",
        FilterComparison.LessOrEqual => "<=",
        FilterComparison.GreaterOrEqual => ">=",
        _ => "=",
    };

    // Values are at most long.MaxValue (FilterValues.MaxOf), so the bigint parameter holds them.
    private static NpgsqlParameter BigInt(ulong value) => new() { Value = checked((long)value), NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Inet(IPNetwork network) =>
        new() { Value = new NpgsqlInet(network.BaseAddress, (byte)network.PrefixLength), NpgsqlDbType = NpgsqlDbType.Inet };
}
