using FlowViz.Generator.Cli;
using FlowViz.Generator.Replay;

namespace FlowViz.Web.Hosting.Commands;

/// <summary><c>flowviz replay</c>: sends the export datagrams of a pcap to a collector and prints what it sent.</summary>
internal static class ReplayCommand
{
    public static int Run(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(ReplayArguments.Usage);
            return 0;
        }
        ReplayArguments parsed;
        try
        {
            parsed = ReplayArguments.Parse(args);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"flowviz replay: {e.Message}");
            Console.Error.WriteLine(ReplayArguments.Usage);
            return 2;
        }
        using var cancellation = new InterruptToken();
        try
        {
            var report = new PcapReplayer(parsed.Target, parsed.AsFastAsPossible).Replay(parsed.File, cancellation.Token);
            Console.Out.Write(parsed.Json ? report.ToJson() + Environment.NewLine : report.ToText());
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"flowviz replay: {parsed.File}: {e.Message}");
            return 1;
        }
    }
}
