namespace FlowViz.Generator.Cli;

/// <summary>A bad command line; the message is meant for the user as it stands (the command prints it and its usage).</summary>
public sealed class CommandLineException(string message) : Exception(message);
