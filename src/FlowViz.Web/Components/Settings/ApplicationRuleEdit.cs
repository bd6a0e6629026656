namespace FlowViz.Web.Components.Settings;

/// <summary>An application rule row as edited.</summary>
public sealed class ApplicationRuleEdit
{
    public string Name { get; set; } = "";

    public string Protocol { get; set; } = "";

    public string Ports { get; set; } = "";
}
