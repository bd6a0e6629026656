namespace FlowViz.Core.Interfaces;

/// <summary>
/// One interface classification rule, in the spirit of Akvorado's interface classifiers: what it matches (all
/// given criteria must hold; none given matches every interface) and the class it gives. Rules are tried in
/// order and the first that matches wins. This is the form the configuration and the HTTP API use.
/// </summary>
/// <remarks>
/// <see cref="Connectivity"/> and <see cref="Provider"/> may refer to capture groups (<c>$1</c>, <c>${name}</c>) of
/// the <see cref="Description"/> expression when the rule has one, else of the <see cref="Name"/> expression:
/// description <c>^Transit: (\w+)</c> with provider <c>$1</c> gives "ntt" for "Transit: NTT". Captured text is
/// lowered and every run of characters a label cannot hold becomes '-'.
/// </remarks>
public sealed class InterfaceRule
{
    /// <summary>The exporter's address or network (<c>192.0.2.1</c>, <c>192.0.2.0/24</c>); empty: any exporter.</summary>
    public string? Exporter { get; set; }

    /// <summary>The interface index (SNMP ifIndex); empty: any index.</summary>
    public long? IfIndex { get; set; }

    /// <summary>A .NET regular expression the interface name must contain a match of; empty: any name.</summary>
    public string? Name { get; set; }

    /// <summary>A .NET regular expression the interface description must contain a match of; empty: any description.</summary>
    public string? Description { get; set; }

    /// <summary>The connectivity class given (transit, ix, pni, customer, core, …), or a template over captures.</summary>
    public string? Connectivity { get; set; }

    /// <summary>The provider name given, or a template over captures such as <c>$1</c>.</summary>
    public string? Provider { get; set; }

    /// <summary><c>external</c> (the network's edge) or <c>internal</c>.</summary>
    public string? Boundary { get; set; }
}
