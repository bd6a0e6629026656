using System.Net;

namespace FlowViz.Core.Interfaces;

/// <summary>
/// What an exporter itself said about an interface: its name and description (v9/IPFIX options data) or its
/// speed (sFlow counter samples). Null where it said nothing.
/// </summary>
public sealed record ObservedInterface(IPAddress Exporter, long IfIndex, string? Name, string? Description, long? SpeedBps);
