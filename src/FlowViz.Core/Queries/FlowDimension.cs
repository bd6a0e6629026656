namespace FlowViz.Core.Queries;

/// <summary>
/// What to group traffic by. Values are appended, never renumbered. The enrichment dimensions (application,
/// local host, direction, countries) come from flow columns filled at ingest; origin AS and local host are
/// derived from the traffic direction; connectivity, provider and boundary come from the interface classes at
/// query time, so re-classifying an interface re-classifies its past traffic.
/// </summary>
public enum FlowDimension
{
    Protocol,
    SrcAddr,
    DstAddr,
    SrcPort,
    DstPort,
    Exporter,

    /// <summary>The application named by the enrichment rules; none when no rule matched.</summary>
    Application,

    /// <summary>The local end: the destination of inbound traffic, the source of outbound and internal traffic.</summary>
    LocalHost,

    /// <summary>The traffic direction relative to the local networks (in, out, internal, transit, unknown).</summary>
    Direction,

    SrcAs,
    DstAs,

    /// <summary>The remote network: the source AS of inbound traffic, the destination AS of outbound; none otherwise.</summary>
    OriginAs,

    SrcCountry,
    DstCountry,

    /// <summary>An exporter's input interface; the key is "exporter/ifindex".</summary>
    InputInterface,

    /// <summary>An exporter's output interface; the key is "exporter/ifindex".</summary>
    OutputInterface,

    /// <summary>
    /// The interconnect class (transit, ix, pni, …) of the flow's external interface: the input interface when its
    /// boundary is external, else the output interface.
    /// </summary>
    Connectivity,

    /// <summary>The provider of the flow's external interface (same choice of interface as <see cref="Connectivity"/>).</summary>
    Provider,

    /// <summary>The boundary (external / internal) of the flow's classified interface.</summary>
    Boundary,

    /// <summary>
    /// The source prefix: the source address masked by the flow's source mask (src_mask), e.g. "192.0.2.0/24". Raw flows
    /// only (no rollup keeps addresses). A flow without a mask (0, as exporters send when they know none), with a mask
    /// longer than its address family allows, or without a source address has none: its key is "none".
    /// </summary>
    SrcPrefix,

    /// <summary>The destination prefix: the destination address masked by dst_mask; as <see cref="SrcPrefix"/>.</summary>
    DstPrefix,
}
