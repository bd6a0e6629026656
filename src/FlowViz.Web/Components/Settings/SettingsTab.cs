namespace FlowViz.Web.Components.Settings;

/// <summary>The sections of the Settings page, by their URL key.</summary>
public sealed record SettingsTab(string Key, string Title)
{
    public static readonly SettingsTab Networks = new("networks", "Local networks");
    public static readonly SettingsTab Applications = new("applications", "Application rules");
    public static readonly SettingsTab Interfaces = new("interfaces", "Interface rules");

    public static IReadOnlyList<SettingsTab> All { get; } = [Networks, Applications, Interfaces];

    /// <summary>The tab of <paramref name="key"/>; the first for none or an unknown key.</summary>
    public static SettingsTab Parse(string? key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Networks;
}
