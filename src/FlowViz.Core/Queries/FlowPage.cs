using FlowViz.Core.Flows;

namespace FlowViz.Core.Queries;

/// <summary>One page of flows and where the next one starts (null: this was the last page).</summary>
public sealed record FlowPage(IReadOnlyList<FlowRecord> Flows, FlowCursor? Next);
