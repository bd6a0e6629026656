using System.Net;
using FlowViz.Core.Queries;

namespace FlowViz.Core.Counters;

/// <summary>
/// One interface's rates from its counters over a range. Averages are time-weighted (octets counted ÷ seconds covered
/// by usable pairs of polls); peaks are the fastest single pair. Rates in bit/s.
/// </summary>
/// <param name="Exporter">The agent the counters came from.</param>
/// <param name="IfIndex">The interface's ifIndex.</param>
/// <param name="InAverageBps">Average received rate.</param>
/// <param name="OutAverageBps">Average sent rate.</param>
/// <param name="InPeakBps">Fastest received rate between two polls.</param>
/// <param name="OutPeakBps">Fastest sent rate between two polls.</param>
/// <param name="SpeedBps">ifSpeed of the latest poll in the range; 0 when the agent does not know it.</param>
/// <param name="Intervals">How many pairs of polls the rates come from.</param>
/// <param name="Resets">Pairs skipped because a counter went down (reset or restart).</param>
public sealed record InterfaceCounterRates(
    IPAddress Exporter,
    long IfIndex,
    double InAverageBps,
    double OutAverageBps,
    double InPeakBps,
    double OutPeakBps,
    long SpeedBps,
    int Intervals,
    int Resets)
{
    /// <summary>The key the traffic queries and the interface catalogue use, "exporter/ifIndex".</summary>
    public string Key => DimensionLabels.InterfaceKey(Exporter.ToString(), IfIndex);
}
