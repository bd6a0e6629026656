using System.Globalization;
using FlowViz.Core.Flows;

namespace FlowViz.Web.Api;

/// <summary>
/// A flow's value in each <see cref="FlowColumns"/> column, as the flows table holds it: numbers as numbers (enums
/// by their stored number), addresses and countries as text, times in UTC; null where the table holds NULL.
/// </summary>
internal static class FlowValues
{
    public static object? Of(in FlowRecord flow, FlowField field) => field switch
    {
        FlowField.TimeReceived => Utc(flow.TimeReceived),
        FlowField.TimeStart => Utc(flow.TimeStart),
        FlowField.TimeEnd => Utc(flow.TimeEnd),
        FlowField.Exporter => Address(flow.Exporter),
        FlowField.ObservationDomainId => flow.ObservationDomainId,
        FlowField.FlowProtocol => (int)flow.FlowProtocol,
        FlowField.SrcAddr => Address(flow.SrcAddr),
        FlowField.DstAddr => Address(flow.DstAddr),
        FlowField.NextHop => Address(flow.NextHop),
        FlowField.SrcPort => flow.SrcPort,
        FlowField.DstPort => flow.DstPort,
        FlowField.Protocol => flow.Protocol,
        FlowField.TcpFlags => flow.TcpFlags,
        FlowField.Tos => flow.Tos,
        FlowField.InputInterface => flow.InputInterface,
        FlowField.OutputInterface => flow.OutputInterface,
        FlowField.Bytes => flow.Bytes,
        FlowField.Packets => flow.Packets,
        FlowField.SamplingRate => flow.SamplingRate,
        FlowField.SrcAs => flow.SrcAs,
        FlowField.DstAs => flow.DstAs,
        FlowField.SrcMask => flow.SrcMask,
        FlowField.DstMask => flow.DstMask,
        FlowField.SrcVlan => flow.SrcVlan,
        FlowField.DstVlan => flow.DstVlan,
        FlowField.Direction => (int)flow.Direction,
        FlowField.SrcMac => flow.SrcMac,
        FlowField.DstMac => flow.DstMac,
        FlowField.MplsLabel => flow.MplsLabel,
        FlowField.SrcCountry => CountryCodes.Format(flow.SrcCountry),
        FlowField.DstCountry => CountryCodes.Format(flow.DstCountry),
        FlowField.Application => flow.Application,
        FlowField.TrafficDirection => (int)flow.TrafficDirection,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "A flows column without a value."),
    };

    /// <summary>The value as CSV text: empty for NULL, ISO 8601 with microseconds for times, invariant numbers.</summary>
    public static string Text(in FlowRecord flow, FlowField field) => Of(flow, field) switch
    {
        null => "",
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>One row as a column name → value map, for JSON.</summary>
    public static Dictionary<string, object?> Row(in FlowRecord flow)
    {
        var row = new Dictionary<string, object?>(FlowColumns.All.Count, StringComparer.Ordinal);
        foreach (var column in FlowColumns.All)
        {
            row[column.Name] = Of(flow, column.Field);
        }
        return row;
    }

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static string? Address(FlowAddress address) => address.IsNone ? null : address.ToIPAddress().ToString();
}
