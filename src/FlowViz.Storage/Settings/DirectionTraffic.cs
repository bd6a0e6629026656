using FlowViz.Core.Flows;

namespace FlowViz.Storage.Settings;

/// <summary>Bytes per traffic direction: as stored at ingest, and as candidate local networks would decide it.</summary>
public sealed record DirectionTraffic(IReadOnlyDictionary<TrafficDirection, long> Stored, IReadOnlyDictionary<TrafficDirection, long> Candidate);
