using System.Net;

namespace FlowViz.Collector;

/// <summary>The UDP endpoints the collector actually bound (port 0 in configuration becomes a real port here).</summary>
public sealed class CollectorEndpoints
{
    private volatile IReadOnlyList<IPEndPoint> _bound = [];

    public IReadOnlyList<IPEndPoint> Bound => _bound;

    internal void Set(IReadOnlyList<IPEndPoint> endpoints) => _bound = endpoints;
}
