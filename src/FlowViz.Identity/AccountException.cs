namespace FlowViz.Identity;

/// <summary>An account or tenant operation that cannot be done as asked; the message says why, for the user.</summary>
public sealed class AccountException(string message) : Exception(message);
