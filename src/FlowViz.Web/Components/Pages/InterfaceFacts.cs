using FlowViz.Core.Counters;
using FlowViz.Core.Interfaces;
using FlowViz.Web.Components.Interfaces;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// What an interface page says about the interface: the catalogue's name, description and class (null when it does
/// not know them), and its speed with who gave it. The speed is chosen as the Interfaces page chooses it: the sFlow
/// counters' ifSpeed when the interface sends counters that know it, else the catalogue's.
/// </summary>
public sealed record InterfaceFacts(
    bool InCatalogue,
    string? Name,
    string? Description,
    string? Connectivity,
    string? Provider,
    string? Boundary,
    long? SpeedBps,
    string? SpeedSource)
{
    /// <param name="known">The catalogue's entry; null when the catalogue does not know the interface.</param>
    /// <param name="counters">The interface's counter rates over the range; null when it sent none.</param>
    public static InterfaceFacts Of(ClassifiedInterface? known, InterfaceCounterRates? counters)
    {
        (long? Bps, string? Source) speed = (null, null);
        if (counters is { SpeedBps: > 0 })
        {
            speed = (counters.SpeedBps, "sFlow ifSpeed");
        }
        else if (known?.Interface.SpeedBps is { } catalogued)
        {
            speed = (catalogued, InterfaceRows.SpeedSourceOf(known.Interface.Sources));
        }
        return new InterfaceFacts(known is not null, known?.Interface.Name, known?.Interface.Description,
            known?.Class?.Connectivity, known?.Class?.Provider, known?.Class?.Boundary, speed.Bps, speed.Source);
    }
}
