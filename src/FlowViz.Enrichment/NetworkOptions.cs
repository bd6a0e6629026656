namespace FlowViz.Enrichment;

/// <summary>One named local network, e.g. <c>{ "Name": "office", "Prefix": "192.0.2.0/24" }</c>.</summary>
public sealed class NetworkOptions
{
    public string Name { get; set; } = "";

    /// <summary>An IPv4 or IPv6 network in CIDR form, without host bits.</summary>
    public string Prefix { get; set; } = "";
}
