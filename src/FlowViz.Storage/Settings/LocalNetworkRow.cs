namespace FlowViz.Storage.Settings;

/// <summary>One named local network of a saved version (table local_networks), the prefix in CIDR form.</summary>
public sealed record LocalNetworkRow(string Name, string Prefix);
