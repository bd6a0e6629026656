using FlowViz.Core.Interfaces;

namespace FlowViz.Storage.Interfaces;

/// <summary>Settings of interface names and classification (configuration section "Interfaces").</summary>
public sealed class InterfacesOptions
{
    public const string SectionName = "Interfaces";

    /// <summary>Interfaces described by hand: names, descriptions and speeds exporters do not send.</summary>
    public List<ConfiguredInterface> Configured { get; set; } = [];

    /// <summary>
    /// Classification rules that seed the rule set: saved as a new version at start when no set exists or the
    /// set in force also came from configuration and differs. Once rules are saved through the API, those win.
    /// </summary>
    public List<InterfaceRule> Rules { get; set; } = [];

    /// <summary>How often names learned by the collector and interfaces seen in flows are copied into the database.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Flows younger than this are left for the next scan for new interfaces, so flows still being written
    /// (a batch waits up to Collector:BatchMaxAge) are not passed over.
    /// </summary>
    public TimeSpan FlowScanLag { get; set; } = TimeSpan.FromMinutes(1);
}
