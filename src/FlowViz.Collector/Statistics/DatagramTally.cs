namespace FlowViz.Collector.Statistics;

/// <summary>
/// What the flows of one datagram added up to, summed by the decode worker as they pass (sampling applied),
/// and the sampling rate they carried (0 when the datagram had no flows).
/// </summary>
internal record struct DatagramTally(ulong Bytes, ulong Packets, uint SamplingRate);
