using FlowViz.Generator.Cli;
using FlowViz.Generator.Load;

namespace FlowViz.Web.Hosting.Commands;

/// <summary><c>flowviz generate</c>: offers a NetFlow load to a collector and prints exactly what it sent.</summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(GenerateArguments.Usage);
            return 0;
        }
        GenerateArguments parsed;
        try
        {
            parsed = GenerateArguments.Parse(args);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"flowviz generate: {e.Message}");
            Console.Error.WriteLine(GenerateArguments.Usage);
            return 2;
        }
        using var cancellation = new InterruptToken();
        var report = new LoadGenerator(parsed.Options).Run(cancellation.Token);
        Console.Out.Write(parsed.Json ? report.ToJson() + Environment.NewLine : report.ToText());
        return 0;
    }
}
