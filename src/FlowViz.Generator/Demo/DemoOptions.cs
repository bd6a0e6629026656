using System.ComponentModel.DataAnnotations;

namespace FlowViz.Generator.Demo;

/// <summary>The built-in demo exporters (configuration section <c>Demo</c>; <c>--demo</c> turns them on).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Simulated routers; each sends from its own loopback address (127.0.0.10, .11, …).</summary>
    [Range(1, 200)]
    public int Exporters { get; set; } = 2;

    /// <summary>Flows per second per exporter at the busiest hour (the model varies it over the day).</summary>
    [Range(2, 1_000_000)]
    public int FlowsPerSecond { get; set; } = 400;
}
