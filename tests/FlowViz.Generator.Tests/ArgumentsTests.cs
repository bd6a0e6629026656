using System.Net;
using FlowViz.Generator.Cli;
using FlowViz.Generator.Load;

namespace FlowViz.Generator.Tests;

public sealed class ArgumentsTests
{
    [Fact]
    public void GenerateParse_AllOptions_BuildsTheOptions()
    {
        var parsed = GenerateArguments.Parse(["--target", "127.0.0.1:2055", "--protocol", "netflow5", "--rate=200k",
            "--duration", "20", "--exporters", "8", "--flows", "1M", "--json"]);

        Assert.Equal(new LoadGeneratorOptions(IPEndPoint.Parse("127.0.0.1:2055"), LoadProtocol.NetFlowV5, 200_000,
            TimeSpan.FromSeconds(20), 8, 1_000_000), parsed.Options);
        Assert.True(parsed.Json);
    }

    [Fact]
    public void GenerateParse_OnlyTarget_UsesDefaults()
    {
        var parsed = GenerateArguments.Parse(["--target", "[::1]:9995"]);

        Assert.Equal(LoadProtocol.NetFlowV9, parsed.Options.Protocol);
        Assert.Equal(10_000, parsed.Options.FlowsPerSecond);
        Assert.Equal(100_000, parsed.Options.FlowBudget);
        Assert.Equal(IPAddress.IPv6Loopback, parsed.Options.Target.Address);
        Assert.False(parsed.Json);
    }

    [Theory]
    [InlineData("--rate 100", "--target is required")]
    [InlineData("--target 127.0.0.1", "is not an address and port")]
    [InlineData("--target localhost:2055", "is not an address and port")]
    [InlineData("--target 127.0.0.1:2055 --rate fast", "--rate 'fast' is not a whole number")]
    [InlineData("--target 127.0.0.1:2055 --rate -5", "--rate must be between 0 and")]
    [InlineData("--target 127.0.0.1:2055 --duration 0", "--duration '0' must be a number of seconds above 0")]
    [InlineData("--target 127.0.0.1:2055 --exporters 0", "--exporters must be between 1 and 240")]
    [InlineData("--target 127.0.0.1:2055 --protocol netflow7", "--protocol 'netflow7' is not one of netflow9, netflow5, ipfix")]
    [InlineData("--target 127.0.0.1:2055 --protocol sflow", "not supported yet")]
    [InlineData("--target 127.0.0.1:2055 --datagram-size 100", "--datagram-size must be between 360 and 65507")]
    [InlineData("--target 127.0.0.1:2055 --speed 3", "unknown option --speed")]
    [InlineData("--target 127.0.0.1:2055 --rate 1 --rate 2", "--rate is given twice")]
    [InlineData("--target 127.0.0.1:2055 --json=yes", "--json takes no value")]
    [InlineData("--target 127.0.0.1:2055 --rate", "--rate needs a value")]
    [InlineData("--target 127.0.0.1:2055 extra", "unexpected argument 'extra'")]
    public void GenerateParse_BadArguments_FailsWithAClearMessage(string args, string message)
    {
        var error = Assert.Throws<CommandLineException>(() => GenerateArguments.Parse(args.Split(' ')));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayParse_FileAndTarget_BuildsTheArguments()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "captures", "softflowd-bulk-v9.pcap");

        var parsed = ReplayArguments.Parse([file, "--target", "127.0.0.1:2055", "--as-fast-as-possible"]);

        Assert.Equal(new ReplayArguments(file, IPEndPoint.Parse("127.0.0.1:2055"), AsFastAsPossible: true, Json: false), parsed);
    }

    [Theory]
    [InlineData("--target 127.0.0.1:2055", "the pcap file to replay is required")]
    [InlineData("/nonexistent.pcap --target 127.0.0.1:2055", "'/nonexistent.pcap' does not exist")]
    [InlineData("a.pcap b.pcap --target 127.0.0.1:2055", "one pcap file at a time")]
    [InlineData("--target 127.0.0.1:2055 --fast", "unknown option --fast")]
    public void ReplayParse_BadArguments_FailsWithAClearMessage(string args, string message)
    {
        var error = Assert.Throws<CommandLineException>(() => ReplayArguments.Parse(args.Split(' ')));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
