using System.Net;

namespace FlowViz.Core.Filtering;

/// <summary><c>exporter &lt;ip&gt;</c> or <c>exporter net &lt;cidr&gt;</c>: the flow was exported by a router in <paramref name="Network"/>.</summary>
public sealed record ExporterFilter(IPNetwork Network) : FilterExpression
{
    /// <summary>True when the network is a single address (printed without <c>net</c>).</summary>
    public bool IsHost => FilterValues.IsHost(Network);
}
