using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Fuzzing;

/// <summary>
/// Throws on a record no exporter can have sent, whatever the bytes: a flow time outside 1990..2100 (the
/// window IpfixTime already enforces for IPFIX; a decoder must fall back rather than store garbage) or a
/// receive time other than the collector's.
/// </summary>
internal sealed class InvariantSink(DatagramContext context) : IFlowRecordSink, IInterfaceCounterSink, IExporterOptionsSink
{
    private static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public int Count { get; private set; }

    public void Reset() => Count = 0;

    public void Add(in FlowRecord flow)
    {
        Count++;
        Require(flow.TimeReceived == context.ReceivedUtc, "TimeReceived is not the receive time", flow);
        Require(flow.TimeStart >= Earliest && flow.TimeStart < Latest, "TimeStart outside 1990..2100", flow);
        Require(flow.TimeEnd >= Earliest && flow.TimeEnd < Latest, "TimeEnd outside 1990..2100", flow);
    }

    // Counters and interface names are accepted as they come: implemented so those decode paths run too.
    public void Add(in InterfaceCounterRecord counters)
    {
    }

    public void InterfaceName(FlowAddress exporter, uint observationDomainId, uint ifIndex, string name, string? description)
    {
    }

    private static void Require(bool condition, string what, in FlowRecord flow)
    {
        if (!condition)
        {
            throw new InvalidOperationException(
                $"{what}: start {flow.TimeStart:O}, end {flow.TimeEnd:O}, received {flow.TimeReceived:O}, {flow.FlowProtocol}");
        }
    }
}
