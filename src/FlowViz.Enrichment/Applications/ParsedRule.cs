namespace FlowViz.Enrichment.Applications;

/// <summary>A rule that passed the checks; <see cref="Ports"/> empty means the whole protocol.</summary>
internal sealed record ParsedRule(string Name, IReadOnlyList<byte> Protocols, IReadOnlyList<(ushort First, ushort Last)> Ports);
