using FlowViz.Core.Interfaces;

namespace FlowViz.Storage.Queries;

/// <summary>What an answer listing interfaces shows next to each: its current class and its name and description.</summary>
/// <param name="Class">The class from the current rules; null when no rule matches it.</param>
/// <param name="Name">ifName (options data) or the configured name; null when unknown.</param>
/// <param name="Description">ifDescr/ifAlias or the configured description; null when unknown.</param>
public sealed record InterfaceDetails(InterfaceClass? Class, string? Name, string? Description);
