namespace FlowViz.Core.Queries;

/// <summary>What to group traffic by. Later dimensions (application, AS, interface…) join this list.</summary>
public enum FlowDimension
{
    Protocol,
    SrcAddr,
    DstAddr,
    SrcPort,
    DstPort,
    Exporter,
}
