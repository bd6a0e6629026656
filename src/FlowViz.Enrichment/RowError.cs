namespace FlowViz.Enrichment;

/// <summary>One mistake in an edited list: the row (from 0), the field and what is wrong.</summary>
public sealed record RowError(int Row, string Field, string Message);
