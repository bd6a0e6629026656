using System.Net;

namespace FlowViz.Collector;

/// <summary>The UDP endpoints the collector actually bound (port 0 in configuration becomes a real port here).</summary>
public sealed class CollectorEndpoints
{
    private volatile IReadOnlyList<IPEndPoint> _bound = [];

    public IReadOnlyList<IPEndPoint> Bound => _bound;

    /// <summary>
    /// The first listener as reachable on this machine (an any-address becomes loopback): where a local
    /// sender such as the demo exporters should send.
    /// </summary>
    public IPEndPoint LoopbackTarget()
    {
        var first = _bound.Count > 0 ? _bound[0] : throw new InvalidOperationException("The collector has not bound any UDP port yet.");
        var address = first.Address.Equals(IPAddress.IPv6Any) || first.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : first.Address;
        return new IPEndPoint(address, first.Port);
    }

    internal void Set(IReadOnlyList<IPEndPoint> endpoints) => _bound = endpoints;
}
