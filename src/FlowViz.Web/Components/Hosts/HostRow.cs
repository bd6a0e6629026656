using System.Net;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Applications;

namespace FlowViz.Web.Components.Hosts;

/// <summary>
/// A top talker: a local host's flows, packets and bytes (from the top-N answer), and how much of the ranked metric it
/// sent out, received in, and exchanged internally or in transit (from the series split by direction; null when the
/// split ranked the host outside its top N, e.g. on a tie).
/// </summary>
public sealed record HostRow(string Key, string Label, long Flows, long Packets, long Bytes, long? Out, long? In, long? Internal)
{
    /// <summary>Hosts that are addresses get their own page; "(none)" (traffic with no local end) does not.</summary>
    public bool IsAddress => IPAddress.TryParse(Key, out _);

    public static IReadOnlyList<HostRow> Of(TopResult top, SeriesResult split)
    {
        var directions = DirectionRow.Of(split).Where(row => !row.IsOther).ToDictionary(row => row.Key, StringComparer.Ordinal);
        return top.Rows.Select(row => directions.TryGetValue(row.Key, out var d)
                ? new HostRow(row.Key, row.Label, row.Flows, row.Packets, row.Bytes, Round(d.Out), Round(d.In), Round(d.Other))
                : new HostRow(row.Key, row.Label, row.Flows, row.Packets, row.Bytes, null, null, null))
            .ToList();
    }

    // The split's series are of bytes, packets or flows per second: rate × step gives back the whole count.
    private static long Round(double amount) => (long)Math.Round(amount);
}
