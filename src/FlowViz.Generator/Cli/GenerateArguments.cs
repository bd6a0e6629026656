using FlowViz.Generator.Load;

namespace FlowViz.Generator.Cli;

/// <summary>The arguments of <c>flowviz generate</c>.</summary>
public sealed record GenerateArguments(LoadGeneratorOptions Options, bool Json)
{
    public const string Usage = """
        usage: flowviz generate --target HOST:PORT [--protocol netflow9|netflow5|ipfix] [--rate FLOWS_PER_S]
                                [--duration SECONDS] [--exporters N] [--flows N] [--datagram-size BYTES] [--json]
          --rate 0 sends as fast as one thread can; k and M suffixes work (--rate 200k).
          Defaults: netflow9, 10000 flows/s, 10 s, 4 exporters, 1400-byte datagrams.
        """;

    // v9 needs its header (20) and both templates (212) plus one IPv6 record (125) in the first datagram; IPFIX a little less.
    private const int MinDatagramSize = 360;
    private const int MaxUdpPayload = 65_507;

    private static readonly string[] Valued = ["target", "protocol", "rate", "duration", "exporters", "flows", "datagram-size"];
    private static readonly string[] Flags = ["json"];

    /// <exception cref="CommandLineException">Any argument is missing, unknown or out of range.</exception>
    public static GenerateArguments Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, Valued, Flags);
        if (reader.Positional.Count > 0)
        {
            throw new CommandLineException($"unexpected argument '{reader.Positional[0]}'");
        }
        var options = new LoadGeneratorOptions(
            reader.Endpoint("target"),
            ParseProtocol(reader.Text("protocol")),
            reader.Number("rate", 10_000, 0, 100_000_000),
            reader.Seconds("duration", TimeSpan.FromSeconds(10), maxSeconds: 86_400),
            (int)reader.Number("exporters", 4, 1, 240),
            reader.Has("flows") ? reader.Number("flows", 0, 1, long.MaxValue / 2) : null,
            (int)reader.Number("datagram-size", LoadGeneratorOptions.DefaultDatagramSize, MinDatagramSize, MaxUdpPayload));
        return new GenerateArguments(options, reader.Has("json"));
    }

    private static LoadProtocol ParseProtocol(string? text) => text?.ToLowerInvariant() switch
    {
        null or "netflow9" or "v9" or "nf9" => LoadProtocol.NetFlowV9,
        "netflow5" or "v5" or "nf5" => LoadProtocol.NetFlowV5,
        "ipfix" or "netflow10" or "v10" => LoadProtocol.Ipfix,
        "sflow" => throw new CommandLineException("--protocol sflow is not supported yet (no sFlow encoder): use netflow9, netflow5 or ipfix"),
        _ => throw new CommandLineException($"--protocol '{text}' is not one of netflow9, netflow5, ipfix"),
    };
}
