namespace FlowViz.Enrichment;

/// <summary>Settings of ingest enrichment (configuration section <c>Enrichment</c>), checked at start-up.</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    public GeoIPOptions GeoIP { get; set; } = new();

    /// <summary>
    /// The local networks (CUFlow's <c>Network</c>) that decide a flow's traffic direction. Empty: the private,
    /// CGNAT, link-local, unique-local and documentation ranges (<see cref="Networks.LocalNetworkTable.DefaultNetworks"/>).
    /// Configuring any replaces them all. (Empty rather than pre-filled: binding appends to a pre-filled list.)
    /// </summary>
    public List<NetworkOptions> Networks { get; set; } = [];

    /// <summary>
    /// Application rules (CUFlow's <c>Service</c>) added to the built-in ones
    /// (<see cref="Applications.DefaultApplicationRules"/>); a user rule replaces a built-in one on the same
    /// protocol and port.
    /// </summary>
    public List<ApplicationOptions> Applications { get; set; } = [];
}
