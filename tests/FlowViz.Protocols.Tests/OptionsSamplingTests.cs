using FlowViz.Core.Flows;
using FlowViz.Protocols.Tests.Ipfix;
using FlowViz.Protocols.Tests.NetFlow9;
using static FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder;
using F = FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder.Field;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// Sampler rates announced in options data (v9 RFC 3954 §6, IPFIX RFC 7011 §3.4.2 with the PSAMP IEs of
/// RFC 5477) applied to later data records, and interface names handed to an <see cref="IExporterOptionsSink"/>.
/// </summary>
public class OptionsSamplingTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly OptionsRecordingSink _sink = new();

    private sealed class OptionsRecordingSink : IFlowRecordSink, IExporterOptionsSink
    {
        public List<FlowRecord> Flows { get; } = [];

        public List<(FlowAddress Exporter, uint Domain, uint IfIndex, string Name, string? Description)> Interfaces { get; } = [];

        public void Add(in FlowRecord flow) => Flows.Add(flow);

        public void InterfaceName(FlowAddress exporter, uint observationDomainId, uint ifIndex, string name, string? description) =>
            Interfaces.Add((exporter, observationDomainId, ifIndex, name, description));
    }

    [Fact]
    public void Decode_PmacctV9RandomSampler_AppliesRateTwoFromOptionsData()
    {
        // pmacct nfprobe v9 with sampling_rate 2: an options record (scope System; FLOW_SAMPLER_ID 1,
        // FLOW_SAMPLER_MODE 2 random, FLOW_SAMPLER_RANDOM_INTERVAL 2) and data records with FLOW_SAMPLER_ID 1.
        foreach (var file in Fixture.All("netflow9").Where(f => f.Contains("pmacct-sampled-bulk-", StringComparison.Ordinal)))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        Assert.Equal((37, 3151L, 37L), (_sink.Flows.Count, _sink.Flows.Sum(f => (long)f.Bytes), _sink.Flows.Sum(f => (long)f.Packets)));
        Assert.All(_sink.Flows, f => Assert.Equal(2u, f.SamplingRate));
        // pmacct puts IPFIX's flowStart/EndMilliseconds (152/153) in its v9 template: the packets' own times.
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc, TimeStart = Fixture.Utc("2023-11-14T22:13:20Z"), TimeEnd = Fixture.Utc("2023-11-14T22:13:20Z"),
            Exporter = Fixture.Exporter, FlowProtocol = FlowProtocol.NetFlowV9, SrcAddr = FlowAddress.Parse("10.0.0.1"),
            DstAddr = FlowAddress.Parse("192.0.2.200"), SrcPort = 10000, DstPort = 5000, Protocol = 17, Bytes = 38, Packets = 1,
            SamplingRate = 2, Direction = FlowDirection.Ingress,
        }, _sink.Flows[0]);
    }

    // A Cisco Flexible NetFlow "random 1-out-of-2" sampler: options template 256, scope System (4 bytes),
    // FLOW_SAMPLER_ID (48, 1 byte), FLOW_SAMPLER_MODE (49, 1 byte, 2 = random), FLOW_SAMPLER_RANDOM_INTERVAL
    // (50, 4 bytes), then a custom record without timestamps: addresses, ports, bytes, packets and FLOW_SAMPLER_ID.
    internal static byte[] CiscoFnfOptions() => new V9PacketBuilder(sysUptimeMs: 3_600_000, unixSecs: 1_700_000_000, sourceId: 256)
        .FlowSet(1, [0x01, 0x00, 0, 4, 0, 12, 0, 1, 0, 4, 0, 48, 0, 1, 0, 49, 0, 1, 0, 50, 0, 4, 0, 0])
        .Data(0x0100, [0, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0])
        .Build();

    internal static byte[] CiscoFnfData(params (ushort Type, ushort Length)[] extra) =>
        new V9PacketBuilder(sysUptimeMs: 3_600_000, unixSecs: 1_700_000_000, sourceId: 256)
            .Template(260, [(8, 4), (12, 4), (7, 2), (11, 2), (1, 4), (2, 4), (48, 1), .. extra])
            .Data(260, [.. V9PacketBuilder.Be(0xC000_0201, 4), .. V9PacketBuilder.Be(0xC633_6402, 4), .. V9PacketBuilder.Be(51000, 2),
                .. V9PacketBuilder.Be(443, 2), .. V9PacketBuilder.Be(1500, 4), .. V9PacketBuilder.Be(3, 4), 1,
                .. extra.SelectMany(e => V9PacketBuilder.Be(100, e.Length))])
            .Build();

    [Fact]
    public void Decode_CiscoFnfSamplerOptionsThenData_SamplingRateTwoAndExportTime()
    {
        _decoder.Decode(CiscoFnfOptions(), Fixture.Context, _sink);
        var result = _decoder.Decode(CiscoFnfData(), Fixture.Context, _sink);

        var export = DateTime.UnixEpoch.AddSeconds(1_700_000_000);
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (result).WithoutSequence());
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc, TimeStart = export, TimeEnd = export, Exporter = Fixture.Exporter,
            ObservationDomainId = 256, FlowProtocol = FlowProtocol.NetFlowV9, SrcAddr = FlowAddress.Parse("192.0.2.1"),
            DstAddr = FlowAddress.Parse("198.51.100.2"), SrcPort = 51000, DstPort = 443, Bytes = 1500, Packets = 3,
            SamplingRate = 2, Direction = FlowDirection.Unknown,
        }, _sink.Flows[0]);
    }

    [Fact]
    public void Decode_V9RecordWithItsOwnSamplingInterval_OwnRateWins()
    {
        _decoder.Decode(CiscoFnfOptions(), Fixture.Context, _sink);

        _decoder.Decode(CiscoFnfData((34, 4)), Fixture.Context, _sink); // SAMPLING_INTERVAL 100 in the record

        Assert.Equal(100u, _sink.Flows[0].SamplingRate);
    }

    [Fact]
    public void Decode_V9SamplingIntervalOptionWithInterfaceScope_AppliesToRecordsWithoutSamplerId()
    {
        // Older IOS (RFC 3954 §6.1 example): scope Interface (2, 4 bytes), SAMPLING_INTERVAL (34, 4 bytes)
        // 100, SAMPLING_ALGORITHM (35, 1 byte) 2 = random.
        var options = new V9PacketBuilder(sysUptimeMs: 3_600_000, unixSecs: 1_700_000_000, sourceId: 256)
            .FlowSet(1, [0x01, 0x01, 0, 4, 0, 8, 0, 2, 0, 4, 0, 34, 0, 4, 0, 35, 0, 1, 0, 0])
            .Data(0x0101, [0, 0, 0, 3, 0, 0, 0, 100, 2, 0, 0, 0])
            .Build();
        var data = new V9PacketBuilder(sysUptimeMs: 3_600_000, unixSecs: 1_700_000_000, sourceId: 256)
            .Template(261, (8, 4), (1, 4)).Data(261, [192, 0, 2, 1, 0, 0, 5, 220]).Build();

        _decoder.Decode(options, Fixture.Context, _sink);
        _decoder.Decode(data, Fixture.Context, _sink);

        Assert.Equal((1500UL, 100u), (_sink.Flows.Single().Bytes, _sink.Flows.Single().SamplingRate));
    }

    [Fact]
    public void Decode_V9DataBeforeSamplerOptions_RateOne()
    {
        _decoder.Decode(CiscoFnfData(), Fixture.Context, _sink);

        Assert.Equal(1u, _sink.Flows[0].SamplingRate);
    }

    [Fact]
    public void Decode_V9SamplerOptionsFromAnotherSourceId_NotApplied()
    {
        _decoder.Decode(CiscoFnfOptions(), Fixture.Context, _sink);

        var data = CiscoFnfData();
        data[19] = 9; // source ID 256 → 265
        _decoder.Decode(data, Fixture.Context, _sink);

        Assert.Equal(1u, _sink.Flows[0].SamplingRate);
    }

    private static IpfixMessageBuilder IpfixSamplers() => new IpfixMessageBuilder()
        // Options Template: scope selectorId (302), then samplingPacketInterval (305) / samplingPacketSpace (306):
        // RFC 5477 systematic count-based sampling, 1 selected then 1 skipped = 1 out of 2.
        .OptionsTemplate(256, 1, new F(302, 2), new F(305, 4), new F(306, 4))
        .Data(256, [.. Be(1, 2), .. Be(1, 4), .. Be(1, 4)])
        // and a random n-out-of-N sampler: samplingSize (309) 1 of samplingPopulation (310) 100.
        .OptionsTemplate(257, 1, new F(302, 2), new F(309, 4), new F(310, 4))
        .Data(257, [.. Be(2, 2), .. Be(1, 4), .. Be(100, 4)]);

    [Theory]
    [InlineData(1, 2u)]
    [InlineData(2, 100u)]
    public void Decode_IpfixSelectorOptionsThenData_AppliesTheNamedSelectorsRate(ushort selectorId, uint expected)
    {
        var message = IpfixSamplers()
            .Template(300, new F(8, 4), new F(1, 4), new F(302, 2))
            .Data(300, [.. Ip("192.0.2.1"), .. Be(1000, 4), .. Be(selectorId, 2)])
            .Build();

        _decoder.Decode(message, Fixture.Context, _sink);

        Assert.Equal(expected, _sink.Flows.Single().SamplingRate);
    }

    [Fact]
    public void Decode_IpfixDataWithoutSamplerId_TakesMostRecentSamplersRate()
    {
        _decoder.Decode(IpfixSamplers().Template(300, new F(1, 4)).Data(300, Be(1000, 4)).Build(), Fixture.Context, _sink);

        Assert.Equal(100u, _sink.Flows.Single().SamplingRate);
    }

    [Fact]
    public void Decode_IpfixRecordWithOwnSamplingInterval_OwnRateWins()
    {
        // samplingInterval (34) in the data record itself.
        var message = IpfixSamplers().Template(300, new F(1, 4), new F(302, 2), new F(34, 4))
            .Data(300, [.. Be(1000, 4), .. Be(1, 2), .. Be(10, 4)]).Build();

        _decoder.Decode(message, Fixture.Context, _sink);

        Assert.Equal(10u, _sink.Flows.Single().SamplingRate);
    }

    [Fact]
    public void Decode_IpfixInterfaceOptions_HandsNamesToOptionsSink()
    {
        // Scope ingressInterface (10); interfaceName (82) and interfaceDescription (83), variable length.
        var message = new IpfixMessageBuilder(observationDomainId: 3)
            .OptionsTemplate(258, 1, new F(10, 4), new F(82, 65535), new F(83, 65535))
            .Data(258, [.. Be(7, 4), .. Variable("Gi0/0/1"u8.ToArray()), .. Variable("uplink to ISP"u8.ToArray())],
                [.. Be(8, 4), .. Variable("Gi0/0/2"u8.ToArray()), .. Variable([])])
            .Build();

        var result = _decoder.Decode(message, Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (result).WithoutSequence());
        Assert.Equal([(Fixture.Exporter, 3u, 7u, "Gi0/0/1", "uplink to ISP"), (Fixture.Exporter, 3u, 8u, "Gi0/0/2", null)],
            _sink.Interfaces);
    }

    [Fact]
    public void Decode_SoftflowdV9InterfaceOptions_HandsNameToOptionsSink()
    {
        // softflowd's v9 options record: scope Interface (ifIndex 0), IF_NAME "mixed.pcap" NUL-padded to 16 bytes.
        _decoder.Decode(Fixture.Payload("netflow9/softflowd-mixed-1.bin"), Fixture.Context, _sink);

        Assert.Equal([(Fixture.Exporter, 0u, 0u, "mixed.pcap", null)], _sink.Interfaces);
        Assert.All(_sink.Flows, f => Assert.Equal(1u, f.SamplingRate));
    }
}
