using System.Net;

namespace FlowViz.Core.Interfaces;

/// <summary>
/// One exporter interface as FlowViz knows it, each attribute from the most trusted source that has it
/// (configuration, then options data; for the speed, sFlow counters before options data).
/// </summary>
/// <param name="Exporter">The exporter's address.</param>
/// <param name="IfIndex">The interface index (SNMP ifIndex).</param>
/// <param name="Name">ifName (IE 82) or the configured name; null when unknown.</param>
/// <param name="Description">ifDescr / ifAlias (IE 83) or the configured description; null when unknown.</param>
/// <param name="SpeedBps">Bits per second; null when unknown.</param>
/// <param name="Sources">Who told FlowViz about it: configuration, options, sflow, flows.</param>
/// <param name="FirstSeen">When a source first reported it.</param>
/// <param name="LastSeen">When a source last reported it.</param>
public sealed record KnownInterface(
    IPAddress Exporter,
    long IfIndex,
    string? Name,
    string? Description,
    long? SpeedBps,
    IReadOnlyList<string> Sources,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
