using System.Net;
using FlowViz.Core.Flows;

namespace FlowViz.Core.Filtering;

/// <summary>
/// Decides in memory whether a <see cref="FlowRecord"/> matches a filter, with the same meaning the SQL
/// compiler gives it: two-valued logic, a missing address (<see cref="FlowAddress.IsNone"/>) matches no
/// address predicate, bytes and packets compared as exported (before sampling). Tests use it to work out
/// expected answers independently of SQL. Predicates on interface classes (connectivity, provider,
/// boundary), which come from a table at query time, are not evaluable.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>True when every predicate of <paramref name="expression"/> can be answered from a FlowRecord.</summary>
    public static bool IsEvaluable(FilterExpression expression) => expression switch
    {
        AndFilter and => IsEvaluable(and.Left) && IsEvaluable(and.Right),
        OrFilter or => IsEvaluable(or.Left) && IsEvaluable(or.Right),
        NotFilter not => IsEvaluable(not.Operand),
        LabelFilter label => label.Subject is LabelSubject.Country or LabelSubject.Application,
        _ => true,
    };

    /// <summary>Whether <paramref name="flow"/> matches; throws <see cref="FilterNotSupportedException"/> when not <see cref="IsEvaluable"/>.</summary>
    public static bool Matches(FilterExpression expression, in FlowRecord flow) => expression switch
    {
        AndFilter and => Matches(and.Left, flow) && Matches(and.Right, flow),
        OrFilter or => Matches(or.Left, flow) || Matches(or.Right, flow),
        NotFilter not => !Matches(not.Operand, flow),
        AddressFilter address => MatchesAddress(address, flow),
        ExporterFilter exporter => Contains(exporter.Network, flow.Exporter),
        ProtocolFilter protocol => flow.Protocol == protocol.Protocol,
        NumberFilter number => MatchesNumber(number, flow),
        TcpFlagsFilter flags => (flow.TcpFlags & flags.Flags) == flags.Flags,
        LabelFilter label => MatchesLabel(label, flow),
        DirectionFilter direction => flow.TrafficDirection == direction.Direction,
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "Unknown filter node."),
    };

    private static bool MatchesLabel(LabelFilter filter, in FlowRecord flow)
    {
        foreach (var field in FilterFields.Of(filter.Subject, filter.Side))
        {
            var actual = field switch
            {
                FilterField.SrcCountry => CountryCodes.Format(flow.SrcCountry),
                FilterField.DstCountry => CountryCodes.Format(flow.DstCountry),
                FilterField.Application => flow.Application,
                _ => throw new FilterNotSupportedException([field], "it comes from the interface classes, not the flow record"),
            };
            if (string.Equals(actual, filter.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool MatchesAddress(AddressFilter filter, in FlowRecord flow) => filter.Side switch
    {
        FilterSide.Src => Contains(filter.Network, flow.SrcAddr),
        FilterSide.Dst => Contains(filter.Network, flow.DstAddr),
        _ => Contains(filter.Network, flow.SrcAddr) || Contains(filter.Network, flow.DstAddr),
    };

    // IPNetwork.Contains is false across address families, as PostgreSQL's <<= is; FlowAddress gives IPv4 as IPv4.
    private static bool Contains(IPNetwork network, FlowAddress address) =>
        !address.IsNone && network.Contains(address.ToIPAddress());

    private static bool MatchesNumber(NumberFilter filter, in FlowRecord flow)
    {
        foreach (var field in FilterFields.Of(filter.Subject, filter.Side))
        {
            if (ValueOf(field, flow) is { } actual && Compare(actual, filter.Comparison, filter.Value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Compare(ulong actual, FilterComparison comparison, ulong value) => comparison switch
    {
        FilterComparison.Less => actual < value,
        FilterComparison.Greater => actual > value,
        FilterComparison.LessOrEqual => actual <= value,
        FilterComparison.GreaterOrEqual => actual >= value,
        _ => actual == value,
    };

    /// <summary>The field's value; null when the flow has none (origin AS of internal, transit or undecided flows: NULL in SQL).</summary>
    private static ulong? ValueOf(FilterField field, in FlowRecord flow) => field switch
    {
        FilterField.SrcPort => flow.SrcPort,
        FilterField.DstPort => flow.DstPort,
        FilterField.SrcAs => flow.SrcAs,
        FilterField.DstAs => flow.DstAs,
        FilterField.InputInterface => flow.InputInterface,
        FilterField.OutputInterface => flow.OutputInterface,
        // Storage clamps counters above 2^63 (FlowColumnWriter); compare the stored value.
        FilterField.Bytes => Math.Min(flow.Bytes, long.MaxValue),
        FilterField.Packets => Math.Min(flow.Packets, long.MaxValue),
        FilterField.Tos => flow.Tos,
        FilterField.SrcVlan => flow.SrcVlan,
        FilterField.DstVlan => flow.DstVlan,
        FilterField.OriginAs => flow.TrafficDirection switch
        {
            TrafficDirection.In => flow.SrcAs,
            TrafficDirection.Out => flow.DstAs,
            _ => null,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric field."),
    };
}
