namespace FlowViz.Enrichment;

/// <summary>
/// One application rule, e.g. <c>{ "Name": "minecraft", "Protocol": "tcp", "Ports": "25565" }</c> or
/// <c>{ "Name": "gre", "Protocol": "gre" }</c>.
/// </summary>
public sealed class ApplicationOptions
{
    /// <summary>Lower-case letters, digits, '-', '_', '.'; at most 31 bytes.</summary>
    public string Name { get; set; } = "";

    /// <summary>Protocol names or numbers, comma-separated: <c>tcp</c>, <c>udp</c>, <c>tcp,udp</c>, <c>esp</c>, <c>47</c>.</summary>
    public string Protocol { get; set; } = "";

    /// <summary>Ports and ranges, comma-separated (<c>80,8080</c>, <c>6000-6063</c>); empty matches the whole protocol.</summary>
    public string? Ports { get; set; }
}
