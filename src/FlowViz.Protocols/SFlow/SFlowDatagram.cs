using FlowViz.Core.Flows;

namespace FlowViz.Protocols.SFlow;

/// <summary>What every sample of one sFlow datagram shares: who sent it, when, and where counters go.</summary>
/// <param name="Exporter">The agent address, or the datagram's source when the agent address is unknown.</param>
/// <param name="SubAgentId">The header's sub_agent_id, stored as the observation domain.</param>
/// <param name="ReceivedUtc">The collector's receive time; sFlow samples carry no time of their own.</param>
/// <param name="Counters">The sink for counter samples, or null when the caller does not want them.</param>
/// <param name="Samples">The sink for flow samples' sequence numbers, or null.</param>
internal readonly record struct SFlowDatagram(
    FlowAddress Exporter, uint SubAgentId, DateTime ReceivedUtc, IInterfaceCounterSink? Counters,
    ISampleSequenceSink? Samples = null);
