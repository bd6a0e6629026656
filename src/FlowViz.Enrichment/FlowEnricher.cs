using FlowViz.Core.Flows;
using FlowViz.Enrichment.Applications;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Enrichment.Networks;

namespace FlowViz.Enrichment;

/// <summary>
/// Enriches each flow at ingest: application from protocol and ports, traffic direction from the local networks,
/// countries and AS numbers from GeoIP. Fields already set (by a decoder that knows better) are left as they are.
/// Thread-safe and allocation-free once the GeoIP caches are warm. The networks and rules come from
/// <see cref="LiveEnrichmentRules"/>, which a settings save replaces while flows keep arriving.
/// </summary>
public sealed class FlowEnricher(LiveEnrichmentRules rules, GeoIPDatabases? geoIP) : IFlowEnricher
{
    /// <summary>An enricher whose networks and rules never change.</summary>
    public FlowEnricher(LocalNetworkTable networks, ApplicationRules applications, GeoIPDatabases? geoIP)
        : this(new LiveEnrichmentRules(new EnrichmentConfiguration(networks, applications)), geoIP)
    {
    }

    public void Enrich(ref FlowRecord flow)
    {
        var current = rules.Current; // one read: both lookups below come from the same version
        flow.Application ??= current.Applications.Match(flow.Protocol, flow.SrcPort, flow.DstPort);
        if (flow.TrafficDirection == TrafficDirection.Unknown)
        {
            flow.TrafficDirection = DirectionOf(current.Networks.IsLocal(flow.SrcAddr), current.Networks.IsLocal(flow.DstAddr));
        }
        geoIP?.Enrich(ref flow);
    }

    /// <summary>CUFlow's in/out: seen from the local networks.</summary>
    public static TrafficDirection DirectionOf(bool sourceIsLocal, bool destinationIsLocal) => (sourceIsLocal, destinationIsLocal) switch
    {
        (true, true) => TrafficDirection.Internal,
        (true, false) => TrafficDirection.Out,
        (false, true) => TrafficDirection.In,
        (false, false) => TrafficDirection.Transit,
    };
}
