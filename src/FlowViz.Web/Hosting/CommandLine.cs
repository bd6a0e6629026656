namespace FlowViz.Web.Hosting;

/// <summary>
/// Turns FlowViz's own switches into configuration keys, so <c>flowviz --demo</c> reads naturally while
/// every setting stays reachable as <c>--Section:Key=value</c> too.
/// </summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--demo"] = "--Demo:Enabled=true",
    };

    public static string[] Normalize(string[] args) =>
        [.. args.Select(arg => Switches.TryGetValue(arg, out var setting) ? setting : arg)];
}
