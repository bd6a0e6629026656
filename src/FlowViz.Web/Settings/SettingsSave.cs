namespace FlowViz.Web.Settings;

/// <summary>Who saves (user name for the history and the audit log), from where, and why.</summary>
public sealed record SettingsSave(string? User, string? RemoteAddress, string? Comment);
