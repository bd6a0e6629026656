using FlowViz.Core.Interfaces;

namespace FlowViz.Web.Components.Interfaces;

/// <summary>
/// One line of the Interfaces page: what is known about an interface and the traffic through it over the range.
/// Rates are averages over the range: from the interface's sFlow counters when it sends them, else from its flows
/// (bytes × 8 ÷ seconds); utilisation is that rate over the interface's speed.
/// </summary>
/// <param name="Key">The query service's key, "exporter/ifIndex".</param>
/// <param name="Exporter">The exporter's address as text.</param>
/// <param name="IfIndex">The SNMP ifIndex (0: the exporter did not say).</param>
/// <param name="Name">ifName or the configured name; null when unknown.</param>
/// <param name="Description">ifDescr/ifAlias or the configured description; null when unknown.</param>
/// <param name="Class">The class the rules give it; null when unclassified.</param>
/// <param name="Known">False when only flows name it (it is not in the interface catalogue).</param>
/// <param name="SpeedBps">Its speed in bit/s; null when unknown.</param>
/// <param name="SpeedSource">Who gave the speed, in words; null when there is no speed.</param>
/// <param name="InBytes">Bytes of the flows that entered by it (input ifIndex).</param>
/// <param name="OutBytes">Bytes of the flows that left by it (output ifIndex).</param>
/// <param name="InBitsPerSecond">Average inbound rate over the range, from <paramref name="Source"/>.</param>
/// <param name="OutBitsPerSecond">Average outbound rate over the range, from <paramref name="Source"/>.</param>
/// <param name="Source">Counters or flows: which the rates come from.</param>
public sealed record InterfaceRow(
    string Key,
    string Exporter,
    long IfIndex,
    string? Name,
    string? Description,
    InterfaceClass? Class,
    bool Known,
    long? SpeedBps,
    string? SpeedSource,
    long InBytes,
    long OutBytes,
    double InBitsPerSecond,
    double OutBitsPerSecond,
    RateSource Source = RateSource.Flows)
{
    public bool Classified => Class is not null;

    public bool CarriesTraffic => InBytes > 0 || OutBytes > 0;

    /// <summary>Unclassified interfaces that carry traffic are the ones an operator must look at first.</summary>
    public bool NeedsClass => !Classified && CarriesTraffic;

    public double? InUtilization => SpeedBps > 0 ? InBitsPerSecond / SpeedBps.Value : null;

    public double? OutUtilization => SpeedBps > 0 ? OutBitsPerSecond / SpeedBps.Value : null;

    /// <summary>Why there is no utilisation; null when there is one.</summary>
    public string? NoUtilizationReason =>
        SpeedBps > 0 ? null
        : IfIndex == 0 ? "index 0: the exporter did not say which interface"
        : !Known ? "not in the interface catalogue: no speed"
        : "no speed known: configure it or send sFlow counters";
}
