using FlowViz.Core.Flows;

namespace FlowViz.Collector.Statistics;

/// <summary>Expected against received for one export stream; <paramref name="Unit"/> says what is counted.</summary>
public sealed record SequenceSnapshot(
    FlowProtocol Protocol,
    uint ObservationDomainId,
    string Unit,
    long Expected,
    long Received,
    long Lost,
    double LossRatio,
    long Reordered,
    long Resets);
