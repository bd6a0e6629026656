namespace FlowViz.Web.Hosting.Commands;

/// <summary>
/// Runs <c>flowviz generate</c> and <c>flowviz replay</c> before anything of the web host exists: they only
/// send UDP, so they must not start the database, the collector or Kestrel.
/// </summary>
internal static class SubcommandDispatcher
{
    /// <summary>The subcommand's exit code, or null when <paramref name="args"/> names none (run the server).</summary>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }
        return args[0] switch
        {
            "generate" => GenerateCommand.Run(args[1..]),
            "replay" => ReplayCommand.Run(args[1..]),
            _ => null,
        };
    }
}
