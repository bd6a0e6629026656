using System.Net;
using FlowViz.Core.Queries;

namespace FlowViz.Core.Counters;

/// <summary>
/// Reads the sFlow interface counters (<see cref="InterfaceCounterRecord"/>) back as rates: the octet difference
/// between consecutive polls of one interface over the time between them. A counter that went down was reset (device
/// or agent restart; 64-bit octet counters do not wrap in practice), so that pair is skipped rather than read as a
/// wrap. Implemented by storage; pages get it through the viewer's scope.
/// </summary>
public interface IInterfaceCounterQueries
{
    /// <summary>Per interface with at least one usable pair of polls ending in <paramref name="range"/>: average and peak rates.</summary>
    Task<IReadOnlyList<InterfaceCounterRates>> RatesAsync(TimeRange range, CancellationToken cancellationToken);

    /// <summary>
    /// One interface's rates over <paramref name="range"/> in buckets of <paramref name="stepSeconds"/>; only buckets in
    /// which a usable pair of polls ended (no counters, no point: a gap is unknown, not zero). Empty when none.
    /// </summary>
    Task<IReadOnlyList<InterfaceCounterPoint>> SeriesAsync(
        IPAddress exporter, long ifIndex, TimeRange range, int stepSeconds, CancellationToken cancellationToken);
}
