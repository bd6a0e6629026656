namespace FlowViz.Core.Interfaces;

/// <summary>A known interface and the class the current rules give it (null: unclassified).</summary>
public sealed record ClassifiedInterface(KnownInterface Interface, InterfaceClass? Class);
