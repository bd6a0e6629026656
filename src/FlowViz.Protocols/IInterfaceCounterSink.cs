using FlowViz.Core.Counters;

namespace FlowViz.Protocols;

/// <summary>
/// Receives interface counters (sFlow counter samples). Optional: a decoder passes counters on only
/// when the <see cref="IFlowRecordSink"/> given to it also implements this interface, so callers that
/// want flows alone need not change. The record is passed by reference and only valid during the call.
/// </summary>
public interface IInterfaceCounterSink
{
    void Add(in InterfaceCounterRecord counters);
}
