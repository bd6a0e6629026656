namespace FlowViz.Storage.Queries;

/// <summary>An interface's class as <c>interface_classes</c> holds it now (any part may be unset).</summary>
public sealed record InterfaceClass(string? Connectivity, string? Provider, string? Boundary);
