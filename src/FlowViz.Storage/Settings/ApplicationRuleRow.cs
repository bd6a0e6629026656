namespace FlowViz.Storage.Settings;

/// <summary>
/// One application rule of a saved version (table application_rules): protocol names or numbers
/// (<c>tcp,udp</c>) and ports or ranges (<c>80,8080,6000-6063</c>; empty = the whole protocol), as written.
/// </summary>
public sealed record ApplicationRuleRow(string Name, string Protocol, string Ports);
