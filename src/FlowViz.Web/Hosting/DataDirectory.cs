namespace FlowViz.Web.Hosting;

/// <summary>
/// Where FlowViz keeps its state (the embedded PostgreSQL cluster, the spool): <c>FlowViz:DataDirectory</c>,
/// else /var/lib/flowviz for root (a private cluster must be reachable by the postgres user, and root's home
/// is not), else $XDG_DATA_HOME/flowviz or ~/.local/share/flowviz.
/// </summary>
internal static class DataDirectory
{
    public const string SettingName = "FlowViz:DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (OperatingSystem.IsLinux() && Environment.UserName == "root")
        {
            return "/var/lib/flowviz";
        }
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(dataHome, "flowviz");
    }
}
