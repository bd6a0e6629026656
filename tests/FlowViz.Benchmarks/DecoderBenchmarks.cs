using BenchmarkDotNet.Attributes;
using FlowViz.Protocols;

namespace FlowViz.Benchmarks;

/// <summary>
/// One decoded datagram per operation, templates already known (the steady state of a collector).
/// Records/s per core = <see cref="RecordsPerDatagram"/> ÷ the mean time; printed at setup.
/// </summary>
[MemoryDiagnoser]
public class DecoderBenchmarks
{
    private readonly CountingSink _sink = new();
    private FlowDatagramDecoder _decoder = null!;
    private byte[] _datagram = [];

    // A property: BenchmarkDotNet 0.15 reads [ParamsSource] only from properties and methods, and refuses to run any benchmark otherwise.
    public static string[] Datagrams { get; } =
        ["v5-full30", "v9-softflowd-bulk2", "v9-softflowd-ipv4-2", "ipfix-softflowd-bulk2", "ipfix-softflowd-ipv4-2", "sflow-pmacct-bulk1"];

    /// <summary>Which datagram: see <see cref="Load"/> for what each one is.</summary>
    [ParamsSource(nameof(Datagrams))]
    public string Datagram { get; set; } = "";

    public int RecordsPerDatagram { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _decoder = new FlowDatagramDecoder(TimeProvider.System);
        _datagram = Load(Datagram);
        RecordsPerDatagram = Decode().FlowCount;
        if (RecordsPerDatagram == 0)
        {
            throw new InvalidOperationException($"{Datagram} decoded no records: templates missing?");
        }
        Console.WriteLine($"// {Datagram}: {_datagram.Length} bytes, {RecordsPerDatagram} records per datagram");
    }

    [Benchmark]
    public DecodeResult Decode() => _decoder.Decode(_datagram, FlowViz.Benchmarks.Datagrams.Context, _sink);

    private byte[] Load(string name)
    {
        switch (name)
        {
            case "v5-full30":
                return FlowViz.Benchmarks.Datagrams.FullNetFlowV5();
            case "v9-softflowd-bulk2":
                // softflowd sends its templates in the first datagram only (bulk-1).
                Warm(FlowViz.Benchmarks.Datagrams.Fixture("netflow9/softflowd-bulk-1.bin"));
                return FlowViz.Benchmarks.Datagrams.Fixture("netflow9/softflowd-bulk-2.bin");
            case "v9-softflowd-ipv4-2":
                // IPv4 only: softflowd packs 28 records into one Data FlowSet, as routers do.
                Warm(FlowViz.Benchmarks.Datagrams.Own("softflowd-ipv4-v9-1.bin"));
                return FlowViz.Benchmarks.Datagrams.Own("softflowd-ipv4-v9-2.bin");
            case "ipfix-softflowd-bulk2":
                Warm(FlowViz.Benchmarks.Datagrams.Fixture("ipfix/softflowd-bulk-1.bin"));
                return FlowViz.Benchmarks.Datagrams.Fixture("ipfix/softflowd-bulk-2.bin");
            case "ipfix-softflowd-ipv4-2":
                Warm(FlowViz.Benchmarks.Datagrams.Own("softflowd-ipv4-v10-1.bin"));
                return FlowViz.Benchmarks.Datagrams.Own("softflowd-ipv4-v10-2.bin");
            case "sflow-pmacct-bulk1":
                return FlowViz.Benchmarks.Datagrams.Fixture("sflow/pmacct-bulk-1.bin");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private void Warm(byte[] templates) => _decoder.Decode(templates, FlowViz.Benchmarks.Datagrams.Context, _sink);
}
