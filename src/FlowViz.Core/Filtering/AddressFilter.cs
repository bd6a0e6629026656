using System.Net;

namespace FlowViz.Core.Filtering;

/// <summary>
/// <c>[src|dst] host &lt;ip&gt;</c> or <c>[src|dst] net &lt;cidr&gt;</c>: the address lies in <paramref name="Network"/>.
/// A host is a network of full length (/32 or /128), so <c>net 192.0.2.1/32</c> and <c>host 192.0.2.1</c> are the same filter.
/// IPv4 addresses match IPv4 networks only, and IPv6 addresses IPv6 networks only.
/// </summary>
public sealed record AddressFilter(FilterSide Side, IPNetwork Network) : FilterExpression
{
    /// <summary>True when the network is a single address (printed as <c>host</c>).</summary>
    public bool IsHost => FilterValues.IsHost(Network);
}
