using FlowViz.Core.Interfaces;

namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>
/// What an AS page shows of a catalogued interface next to its traffic: its name, connectivity and provider. Plain
/// strings, so a page's data carries them from prerender to circuit (the catalogue's entries hold addresses, which
/// System.Text.Json does not write).
/// </summary>
public sealed record AsInterfaceLabel(string? Name, string? Connectivity, string? Provider)
{
    /// <summary>The labels of the interfaces among <paramref name="keys"/> that the catalogue knows; only those, so the data stays small.</summary>
    public static IReadOnlyDictionary<string, AsInterfaceLabel> Of(IReadOnlyDictionary<string, ClassifiedInterface> known, IEnumerable<string> keys)
    {
        var labels = new Dictionary<string, AsInterfaceLabel>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!labels.ContainsKey(key) && known.TryGetValue(key, out var entry))
            {
                labels[key] = new AsInterfaceLabel(entry.Interface.Name, entry.Class?.Connectivity, entry.Class?.Provider);
            }
        }
        return labels;
    }
}
