using FlowViz.Collector.Statistics;
using FlowViz.Core.Interfaces;

namespace FlowViz.Web.Interfaces;

/// <summary>
/// The interface names (options data) and speeds (sFlow counters) the collector has learned, for storage to copy.
/// The collector keys them by observation domain too; interface_classes keys by exporter and ifIndex (SNMP
/// indexes are per device), so the same index under two domains is one interface here.
/// </summary>
internal sealed class CollectorInterfaceSource(CollectorStatistics statistics) : IObservedInterfaceSource
{
    public IReadOnlyList<ObservedInterface> Observe() =>
    [
        .. statistics.SnapshotExporters().SelectMany(exporter => exporter.Interfaces
            .Where(i => i.Name is not null || i.Description is not null || i.SpeedBitsPerSecond is not null)
            .Select(i => new ObservedInterface(
                exporter.Exporter.ToIPAddress(),
                i.IfIndex,
                i.Name,
                i.Description,
                i.SpeedBitsPerSecond is { } speed ? (long)Math.Min(speed, long.MaxValue) : null))),
    ];
}
