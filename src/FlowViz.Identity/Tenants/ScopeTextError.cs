namespace FlowViz.Identity.Tenants;

/// <summary>
/// A scope entry that does not parse: where it is in the text (<see cref="Start"/> and <see cref="Length"/> in
/// characters; <see cref="Line"/> and <see cref="Column"/> from 1, for people) and why.
/// </summary>
public sealed record ScopeTextError(int Start, int Length, int Line, int Column, string Message);
