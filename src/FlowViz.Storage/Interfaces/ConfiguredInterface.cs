namespace FlowViz.Storage.Interfaces;

/// <summary>An interface described in configuration (Interfaces:Configured); it wins over what exporters say.</summary>
public sealed class ConfiguredInterface
{
    /// <summary>The exporter's address (as the flows carry it).</summary>
    public string Exporter { get; set; } = "";

    public long IfIndex { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Bits per second.</summary>
    public long? SpeedBps { get; set; }
}
