using FlowViz.Core.Flows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>The smaller sample the TimescaleDB tests insert row by row (PGlite cannot COPY).</summary>
public sealed class RollupFlowsSample
{
    public IReadOnlyList<FlowRecord> Flows { get; } = RollupFlows.Generate(400, seed: 3_2026);
}
