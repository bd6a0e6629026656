using System.Text;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// A stable colour per series key, so "TCP" keeps its colour across refreshes, ranges and pages.
/// The commonest keys get fixed, well-separated hues (hashing put TCP and UDP on two similar warm
/// colours); any other key gets a palette colour by FNV-1a, not string.GetHashCode, which is
/// randomised per process.
/// </summary>
public static class SeriesColors
{
    public const string Other = "#9aa0a6";

    // Protocol numbers (IANA) as the protocol dimension keys them. Hues about 60°+ apart:
    // TCP blue and UDP orange are the two series nearly every chart shows, so they sit opposite.
    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.Ordinal)
    {
        ["6"] = "#3b7dd8",  // TCP: blue
        ["17"] = "#f28e2b", // UDP: orange
        ["1"] = "#59a14f",  // ICMP: green
        ["58"] = "#2ca6a4", // ICMPv6: teal
        ["47"] = "#a66fc2", // GRE: purple
        ["50"] = "#d9467a", // ESP: magenta
    };

    // Mid-tone hues readable on both light and dark backgrounds; no greys (grey means "other").
    private static readonly string[] Palette =
    [
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#3f8fd2", "#8cd17d", "#d37295",
    ];

    public static string For(string key)
    {
        if (key == TrafficSeries.OtherKey)
        {
            return Other;
        }
        if (WellKnown.TryGetValue(key, out var fixedColour))
        {
            return fixedColour;
        }
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return Palette[hash % (uint)Palette.Length];
    }
}
