namespace FlowViz.Web.Components.Settings;

/// <summary>A local network row as edited.</summary>
public sealed class NetworkEdit
{
    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";
}
