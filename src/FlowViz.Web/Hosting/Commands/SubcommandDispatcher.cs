namespace FlowViz.Web.Hosting.Commands;

/// <summary>
/// Runs <c>flowviz generate</c> and <c>flowviz replay</c> before anything of the web host exists: they only
/// send UDP, so they must not start the database, the collector or Kestrel. <c>users</c>, <c>tenants</c> and
/// <c>tokens</c> open only the database.
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
            "users" or "tenants" or "tokens" => AccountsCommand.Run(args[0], args[1..]),
            _ => null,
        };
    }
}
