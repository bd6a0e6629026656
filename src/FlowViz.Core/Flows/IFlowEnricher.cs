namespace FlowViz.Core.Flows;

/// <summary>
/// Adds what the exporter does not say to a flow at ingest (countries, AS numbers, application, traffic
/// direction), after decoding and before the flow is batched, written or spooled. Called concurrently from
/// every decode worker for every record: implementations must be thread-safe, must not throw, and must not
/// allocate per record once warm.
/// </summary>
public interface IFlowEnricher
{
    /// <summary>Fills the enrichment fields of <paramref name="flow"/> in place.</summary>
    void Enrich(ref FlowRecord flow);
}
