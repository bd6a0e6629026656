using System.Net;

namespace FlowViz.Generator.Cli;

/// <summary>The arguments of <c>flowviz replay</c>.</summary>
public sealed record ReplayArguments(string File, IPEndPoint Target, bool AsFastAsPossible, bool Json)
{
    public const string Usage = """
        usage: flowviz replay FILE.pcap --target HOST:PORT [--as-fast-as-possible] [--json]
          Sends the UDP payloads of a classic pcap (Ethernet, Linux cooked, loopback or raw IP; IPv4/IPv6)
          with the capture's pacing, or back to back with --as-fast-as-possible.
        """;

    private static readonly string[] Valued = ["target"];
    private static readonly string[] Flags = ["as-fast-as-possible", "json"];

    /// <exception cref="CommandLineException">The file or target is missing, or an argument is unknown.</exception>
    public static ReplayArguments Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, Valued, Flags);
        var file = reader.Positional.Count switch
        {
            0 => throw new CommandLineException("the pcap file to replay is required"),
            1 => reader.Positional[0],
            _ => throw new CommandLineException($"one pcap file at a time; unexpected argument '{reader.Positional[1]}'"),
        };
        if (!System.IO.File.Exists(file))
        {
            throw new CommandLineException($"'{file}' does not exist");
        }
        return new ReplayArguments(file, reader.Endpoint("target"), reader.Has("as-fast-as-possible"), reader.Has("json"));
    }
}
