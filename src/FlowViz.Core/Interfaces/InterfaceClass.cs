namespace FlowViz.Core.Interfaces;

/// <summary>
/// What the rules say an interface is. Each value is a normalised label (lower case, see
/// <see cref="Filtering.FilterValues.TryNormaliseLabel"/>), so the filters <c>connectivity transit</c>,
/// <c>provider ntt</c> and <c>boundary external</c> match it; null when the matching rule does not set it.
/// </summary>
public sealed record InterfaceClass(string? Connectivity, string? Provider, string? Boundary);
