namespace FlowViz.Core.Flows;

/// <summary>
/// Where a flow goes relative to the local networks (CUFlow's in/out): decided at ingest from the configured
/// networks, unlike <see cref="FlowDirection"/>, which is what the exporter says about its own interface.
/// The values are stored (column <c>traffic_direction</c>): never renumber them.
/// </summary>
public enum TrafficDirection : byte
{
    /// <summary>Not decided (flows stored before enrichment, or enrichment off).</summary>
    Unknown = 0,

    /// <summary>From outside to a local network; the local host is the destination.</summary>
    In = 1,

    /// <summary>From a local network to outside; the local host is the source.</summary>
    Out = 2,

    /// <summary>Between two local networks; the local host is the source.</summary>
    Internal = 3,

    /// <summary>Neither end is local: traffic passing through (an IX or ISP core).</summary>
    Transit = 4,
}
