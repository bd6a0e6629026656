using System.Globalization;
using FlowViz.Core.Flows;

namespace FlowViz.Core.Queries;

/// <summary>How a dimension's machine key reads for people: "AS64496", "in", "198.51.100.1 if 3", "TCP".</summary>
public static class DimensionLabels
{
    public static string LabelOf(FlowDimension dimension, string key) => dimension switch
    {
        FlowDimension.Protocol when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var protocol)
            => IpProtocolNames.NameOf(protocol),
        FlowDimension.SrcAs or FlowDimension.DstAs or FlowDimension.OriginAs => "AS" + key,
        FlowDimension.Direction when byte.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var direction)
            => DirectionName((TrafficDirection)direction),
        FlowDimension.InputInterface or FlowDimension.OutputInterface => InterfaceLabel(key),
        _ => key,
    };

    /// <summary>The lower-case name of a traffic direction, as the API and the split series use it.</summary>
    public static string DirectionName(TrafficDirection direction) => direction switch
    {
        TrafficDirection.In => "in",
        TrafficDirection.Out => "out",
        TrafficDirection.Internal => "internal",
        TrafficDirection.Transit => "transit",
        TrafficDirection.Unknown => "unknown",
        _ => ((byte)direction).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The key of an interface: the exporter's address, '/', the SNMP ifIndex.</summary>
    public static string InterfaceKey(string exporter, long ifIndex) =>
        exporter + "/" + ifIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits "exporter/ifindex" (IPv6 exporters contain no '/', so the last one separates).</summary>
    public static bool TryParseInterfaceKey(string key, out string exporter, out long ifIndex)
    {
        var slash = key.LastIndexOf('/');
        exporter = slash > 0 ? key[..slash] : "";
        ifIndex = 0;
        return slash > 0 && long.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ifIndex)
            && ifIndex <= uint.MaxValue;
    }

    private static string InterfaceLabel(string key) =>
        TryParseInterfaceKey(key, out var exporter, out var ifIndex)
            ? $"{exporter} if {ifIndex.ToString(CultureInfo.InvariantCulture)}"
            : key;
}
