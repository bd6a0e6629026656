using System.Net;

namespace FlowViz.Enrichment.Networks;

/// <summary>A named local network, parsed.</summary>
public sealed record LocalNetwork(string Name, IPNetwork Prefix);
