using FlowViz.Core.Flows;
using Microsoft.Extensions.Time.Testing;
using static FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder;
using F = FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder.Field;

namespace FlowViz.Protocols.Tests.Ipfix;

/// <summary>Hand-built IPFIX Messages for what the captured exporters never send (RFC 7011, 7012, 5103).</summary>
public class IpfixDecoderTests
{
    private const uint ExportTime = 1_700_000_000; // 2023-11-14T22:13:20Z
    private static readonly DateTime Export = DateTime.UnixEpoch.AddSeconds(ExportTime);

    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    private static readonly F[] FiveTuple =
    [
        new(8, 4), new(12, 4), new(7, 2), new(11, 2), new(4, 1), // sourceIPv4Address … protocolIdentifier
    ];

    private static byte[] FiveTupleValues(string src, ushort srcPort, string dst, ushort dstPort, byte protocol) =>
        [.. Ip(src), .. Ip(dst), .. Be(srcPort, 2), .. Be(dstPort, 2), protocol];

    private DecodeResult Decode(byte[] message) => _decoder.Decode(message, Fixture.Context, _sink);

    [Fact]
    public void Decode_Biflow_SplitsIntoForwardAndSwappedReverseRecords()
    {
        // RFC 5103 §6.1: reverse IEs are the forward IE numbers with enterprise bit set and PEN 29305.
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(300, [.. FiveTuple, new(1, 8), new(2, 8), new(1, 8, 29305), new(2, 8, 29305),
                new(6, 1), new(6, 1, 29305), new(10, 4), new(14, 4), new(16, 4), new(17, 4),
                new(152, 8), new(153, 8)])
            .Data(300, [.. FiveTupleValues("192.0.2.1", 51000, "198.51.100.2", 443, 6), .. Be(1000, 8), .. Be(10, 8),
                .. Be(50_000, 8), .. Be(40, 8), 0x1b, 0x12, .. Be(3, 4), .. Be(7, 4), .. Be(64500, 4), .. Be(15169, 4),
                .. Be(1_700_000_000_000, 8), .. Be(1_700_000_001_500, 8)])
            .Build();

        var result = Decode(message);

        var forward = new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc, TimeStart = Export, TimeEnd = Export.AddMilliseconds(1500),
            Exporter = Fixture.Exporter, ObservationDomainId = 5, FlowProtocol = FlowProtocol.Ipfix,
            SrcAddr = FlowAddress.Parse("192.0.2.1"), DstAddr = FlowAddress.Parse("198.51.100.2"),
            SrcPort = 51000, DstPort = 443, Protocol = 6, TcpFlags = 0x1b, InputInterface = 3, OutputInterface = 7,
            Bytes = 1000, Packets = 10, SamplingRate = 1, SrcAs = 64500, DstAs = 15169, Direction = FlowDirection.Unknown,
        };
        var reverse = forward with
        {
            SrcAddr = forward.DstAddr, DstAddr = forward.SrcAddr, SrcPort = 443, DstPort = 51000, TcpFlags = 0x12,
            InputInterface = 7, OutputInterface = 3, SrcAs = 15169, DstAs = 64500, Bytes = 50_000, Packets = 40,
        };
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 2, 0), (result).WithoutSequence());
        Assert.Equal([forward, reverse], _sink.Flows);
    }

    [Theory]
    [InlineData(0, 0, 5000, 40, "reverse")] // RFC 5103 §6.3: a biflow may have one direction empty
    [InlineData(1000, 10, 0, 0, "forward")]
    public void Decode_BiflowWithOneDirectionEmpty_EmitsOnlyTheOther(ulong bytes, ulong packets, ulong rBytes, ulong rPackets, string kept)
    {
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(301, [.. FiveTuple, new(1, 4), new(2, 4), new(1, 4, 29305), new(2, 4, 29305)])
            .Data(301, [.. FiveTupleValues("192.0.2.1", 1, "192.0.2.2", 2, 17), .. Be(bytes, 4), .. Be(packets, 4),
                .. Be(rBytes, 4), .. Be(rPackets, 4)])
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (Decode(message)).WithoutSequence());
        Assert.Equal(kept == "forward" ? "192.0.2.1" : "192.0.2.2", _sink.Flows[0].SrcAddr.ToString());
        Assert.Equal(bytes + rBytes, _sink.Flows[0].Bytes);
    }

    [Fact]
    public void Decode_TemplateWithdrawnThenData_ReturnsMissingTemplate()
    {
        var template = new IpfixMessageBuilder(ExportTime).Template(400, [.. FiveTuple, new(1, 4)]).Build();
        var data = new IpfixMessageBuilder(ExportTime).Data(400, [.. FiveTupleValues("192.0.2.1", 1, "192.0.2.2", 2, 17), .. Be(99, 4)]).Build();
        // RFC 7011 §8.1: a Template Withdrawal is the Template ID with Field Count 0.
        var withdrawal = new IpfixMessageBuilder(ExportTime).Withdrawal(2, 400).Build();

        Decode(template);
        var before = Decode(data);
        var withdrawn = Decode(withdrawal);
        var after = Decode(data);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (before).WithoutSequence());
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (withdrawn).WithoutSequence());
        Assert.Equal(new DecodeResult(DecodeStatus.MissingTemplate, 0, 1), (after).WithoutSequence());
    }

    [Fact]
    public void Decode_AllDataTemplatesWithdrawn_ForgetsOnlyThatDomainsDataTemplates()
    {
        Decode(new IpfixMessageBuilder(ExportTime).Template(400, new F(1, 4)).Template(401, new F(2, 4))
            .OptionsTemplate(402, 1, new F(10, 4), new F(82, 65535)).Build());
        Decode(new IpfixMessageBuilder(ExportTime, observationDomainId: 6).Template(400, new F(1, 4)).Build());

        // §8.1: "All Data Templates Withdrawal": Template ID 2 (the Template Set's ID), Field Count 0.
        Decode(new IpfixMessageBuilder(ExportTime).Withdrawal(2, 2).Build());

        Assert.Null(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.Ipfix, 5, 400)));
        Assert.Null(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.Ipfix, 5, 401)));
        Assert.NotNull(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.Ipfix, 5, 402)));
        Assert.NotNull(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.Ipfix, 6, 400)));
    }

    public static TheoryData<string, ushort, ushort, ulong, ushort, ushort, ulong, string, string> TimeForms => new()
    {
        // flowStart/EndSeconds (150/151): dateTimeSeconds, RFC 7011 §6.1.7.
        { "seconds", 150, 4, 1_699_999_990, 151, 4, 1_699_999_995, "2023-11-14T22:13:10Z", "2023-11-14T22:13:15Z" },
        // flowStart/EndMilliseconds (152/153): dateTimeMilliseconds, §6.1.8.
        { "milliseconds", 152, 8, 1_699_999_990_250, 153, 8, 1_699_999_995_750, "2023-11-14T22:13:10.250Z", "2023-11-14T22:13:15.750Z" },
        // Reduced-size encoding (§6.2) of a millisecond time in 6 bytes.
        { "milliseconds in 6 bytes", 152, 6, 1_699_999_990_250, 153, 6, 1_699_999_995_750, "2023-11-14T22:13:10.250Z", "2023-11-14T22:13:15.750Z" },
        // flowStart/EndMicroseconds (154/155): NTP format, §6.1.9: seconds since 1900, then a 2^-32 fraction (0.5 = 2^31).
        { "microseconds", 154, 8, ((1_699_999_990UL + 2_208_988_800) << 32) | 0x8000_0000, 155, 8, (1_699_999_995UL + 2_208_988_800) << 32, "2023-11-14T22:13:10.500Z", "2023-11-14T22:13:15Z" },
        // flowStart/EndNanoseconds (156/157): the same NTP format, §6.1.10 (0.25 = 2^30).
        { "nanoseconds", 156, 8, ((1_699_999_990UL + 2_208_988_800) << 32) | 0x4000_0000, 157, 8, (1_699_999_995UL + 2_208_988_800) << 32, "2023-11-14T22:13:10.250Z", "2023-11-14T22:13:15Z" },
        // flowStart/EndDeltaMicroseconds (158/159): microseconds before the message's Export Time.
        { "delta microseconds", 158, 4, 10_000_000, 159, 4, 5_000_000, "2023-11-14T22:13:10Z", "2023-11-14T22:13:15Z" },
        // flowStart/EndSysUpTime (22/21) without systemInitTimeMilliseconds: ends at export, keeps its 5 s.
        { "uptime without init time", 22, 4, 60_000, 21, 4, 65_000, "2023-11-14T22:13:15Z", "2023-11-14T22:13:20Z" },
    };

    [Theory]
    [MemberData(nameof(TimeForms))]
    public void Decode_TimeForm_GivesFlowTimesInUtc(string form, ushort startIe, ushort startLength, ulong start,
        ushort endIe, ushort endLength, ulong end, string expectedStart, string expectedEnd)
    {
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(500, new F(1, 4), new F(startIe, startLength), new F(endIe, endLength))
            .Data(500, [.. Be(100, 4), .. Be(start, startLength), .. Be(end, endLength)])
            .Build();

        Assert.Equal(DecodeStatus.Ok, Decode(message).Status);
        Assert.Equal((Fixture.Utc(expectedStart), Fixture.Utc(expectedEnd)), (_sink.Flows[0].TimeStart, _sink.Flows[0].TimeEnd));
        Assert.NotEmpty(form);
    }

    [Fact]
    public void Decode_SysUpTimeWithSystemInitTimeInRecord_IsRelativeToInitTime()
    {
        // systemInitTimeMilliseconds (160): "the absolute timestamp of the last (re-)initialization".
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(501, new F(1, 4), new F(160, 8), new F(22, 4), new F(21, 4))
            .Data(501, [.. Be(100, 4), .. Be(1_699_990_000_000, 8), .. Be(9_000_000, 4), .. Be(9_500_250, 4)])
            .Build();

        Decode(message);

        var init = DateTime.UnixEpoch.AddMilliseconds(1_699_990_000_000);
        Assert.Equal((init.AddMilliseconds(9_000_000), init.AddMilliseconds(9_500_250)),
            (_sink.Flows[0].TimeStart, _sink.Flows[0].TimeEnd));
    }

    [Fact]
    public void Decode_RecordWithoutTimes_GetsExportTime()
    {
        var message = new IpfixMessageBuilder(ExportTime).Template(502, [.. FiveTuple, new(1, 4)])
            .Data(502, [.. FiveTupleValues("192.0.2.1", 1, "192.0.2.2", 2, 17), .. Be(100, 4)]).Build();

        Decode(message);

        Assert.Equal((Export, Export), (_sink.Flows[0].TimeStart, _sink.Flows[0].TimeEnd));
    }

    [Fact]
    public void Decode_ImplausibleTimes_FallBackToExportTime()
    {
        // 1980 and 2150: an unset clock and garbage; neither may reach storage.
        var message = new IpfixMessageBuilder(ExportTime).Template(503, new F(1, 4), new F(150, 4), new F(153, 8))
            .Data(503, [.. Be(100, 4), .. Be(315_532_800, 4), .. Be(5_680_281_600_000, 8)]).Build();

        Decode(message);

        Assert.Equal((Export, Export), (_sink.Flows[0].TimeStart, _sink.Flows[0].TimeEnd));
    }

    [Theory]
    [InlineData(true, 1000UL)] // octetDeltaCount wins over octetTotalCount
    [InlineData(false, 5_000_000UL)] // octetTotalCount (85) when there is no delta
    public void Decode_DeltaAndTotalCounters_TakesDeltaElseTotal(bool withDelta, ulong expectedBytes)
    {
        F[] fields = withDelta ? [new(1, 4), new(85, 8), new(2, 4), new(86, 8)] : [new(85, 8), new(86, 8)];
        byte[] values = withDelta
            ? [.. Be(1000, 4), .. Be(5_000_000, 8), .. Be(10, 4), .. Be(4000, 8)]
            : [.. Be(5_000_000, 8), .. Be(4000, 8)];
        Decode(new IpfixMessageBuilder(ExportTime).Template(504, fields).Data(504, values).Build());

        Assert.Equal((expectedBytes, withDelta ? 10UL : 4000UL), (_sink.Flows[0].Bytes, _sink.Flows[0].Packets));
    }

    [Fact]
    public void Decode_VariableLengthAndEnterpriseFields_AreSkippedAndLaterFieldsRead()
    {
        // §7: variable-length fields (length 65535) carry a 1-byte length, or 255 and a 2-byte length.
        // §3.2: an enterprise-specific IE has bit 15 set and a 4-byte PEN; unknown ones are skipped by length.
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(505, new F(82, 65535), new F(1, 4), new F(100, 65535, 9), new F(200, 3, 9), new F(2, 2),
                new F(96, 65535), new F(8, 4))
            .Data(505,
                [.. Variable("eth0"u8.ToArray()), .. Be(1234, 4), .. Variable(new byte[300]), 1, 2, 3, .. Be(7, 2),
                    .. Variable([]), .. Ip("192.0.2.9")],
                [.. Variable([]), .. Be(99, 4), .. Variable(new byte[2]), 4, 5, 6, .. Be(1, 2), .. Variable("x"u8.ToArray()),
                    .. Ip("192.0.2.10")])
            .Build();

        var result = Decode(message);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 2, 0), (result).WithoutSequence());
        Assert.Equal((1234UL, 7UL, "192.0.2.9"), (_sink.Flows[0].Bytes, _sink.Flows[0].Packets, _sink.Flows[0].SrcAddr.ToString()));
        Assert.Equal((99UL, 1UL, "192.0.2.10"), (_sink.Flows[1].Bytes, _sink.Flows[1].Packets, _sink.Flows[1].SrcAddr.ToString()));
    }

    [Fact]
    public void Decode_VariableLengthRunningPastSet_ReturnsMalformed()
    {
        var message = new IpfixMessageBuilder(ExportTime).Template(506, new F(1, 4), new F(82, 65535))
            .Data(506, [.. Be(1, 4), 200, 1, 2, 3]).Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Malformed, 0, 0), (Decode(message)).WithoutSequence());
    }

    [Fact]
    public void Decode_ReducedSizeAndOtherFields_FillTheFlowRecord()
    {
        var message = new IpfixMessageBuilder(ExportTime)
            .Template(507, new F(27, 16), new F(28, 16), new F(62, 16), new F(1, 3), new F(2, 1), new F(6, 2),
                new F(5, 1), new F(29, 1), new F(30, 1), new F(243, 2), new F(59, 2), new F(56, 6), new F(80, 6),
                new F(70, 3), new F(61, 1), new F(139, 2), new F(4, 1), new F(16, 2), new F(17, 2))
            .Data(507, [.. Ip("2001:db8::1"), .. Ip("2001:db8::2"), .. Ip("2001:db8::fe"), .. Be(70_000, 3), 9,
                .. Be(0x0012, 2), 0x28, 48, 64, .. Be(100, 2), .. Be(200, 2), .. Be(0x0000_5e00_5301, 6),
                .. Be(0x0000_5e00_5302, 6), .. Be((1234 << 4) | 1, 3), 1, .. Be(129 * 256, 2), 58, .. Be(64500, 2), .. Be(64501, 2)])
            .Build();

        Decode(message);

        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc, TimeStart = Export, TimeEnd = Export, Exporter = Fixture.Exporter,
            ObservationDomainId = 5, FlowProtocol = FlowProtocol.Ipfix, SrcAddr = FlowAddress.Parse("2001:db8::1"),
            DstAddr = FlowAddress.Parse("2001:db8::2"), NextHop = FlowAddress.Parse("2001:db8::fe"),
            DstPort = 129 * 256, Protocol = 58, TcpFlags = 0x12, Tos = 0x28, Bytes = 70_000, Packets = 9, SamplingRate = 1,
            SrcAs = 64500, DstAs = 64501, SrcMask = 48, DstMask = 64, SrcVlan = 100, DstVlan = 200,
            Direction = FlowDirection.Egress, SrcMac = 0x5e00_5301, DstMac = 0x5e00_5302, MplsLabel = 1234,
        }, _sink.Flows[0]);
    }

    [Theory]
    [InlineData(new byte[] { 0, 10, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, DecodeStatus.Malformed)] // length < header
    [InlineData(new byte[] { 0, 10, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, DecodeStatus.Truncated)] // length > datagram
    [InlineData(new byte[] { 0, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3 }, DecodeStatus.Malformed)] // Set length < 4
    [InlineData(new byte[] { 0, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 8 }, DecodeStatus.Truncated)] // Set past message
    [InlineData(new byte[] { 0, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 4 }, DecodeStatus.Malformed)] // Set ID 1
    [InlineData(new byte[] { 0, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 4 }, DecodeStatus.Ok)] // reserved Set ID: skipped
    public void Decode_BrokenHeaderOrSet_ReturnsStatus(byte[] message, DecodeStatus expected)
    {
        Assert.Equal(expected, Decode(message).Status);
    }

    [Fact]
    public void Decode_OptionsTemplateWithoutScope_ReturnsMalformed()
    {
        // §3.4.2.2: "The Scope Field Count MUST NOT be zero."
        var message = new IpfixMessageBuilder(ExportTime).OptionsTemplate(600, 0, new F(34, 4)).Build();

        Assert.Equal(DecodeStatus.Malformed, Decode(message).Status);
    }

    [Fact]
    public void Decode_TemplateNotRefreshedWithinExpiry_IsForgottenAndRefreshedOneSurvives()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var decoder = new FlowDatagramDecoder(new FlowViz.Protocols.NetFlow9.TemplateCache(time, TimeSpan.FromMinutes(10)));
        var template = new IpfixMessageBuilder(ExportTime).Template(700, new F(1, 4)).Template(701, new F(2, 4)).Build();
        var refresh = new IpfixMessageBuilder(ExportTime).Template(701, new F(2, 4)).Build();
        var data = new IpfixMessageBuilder(ExportTime).Data(700, Be(1, 4)).Data(701, Be(2, 4)).Build();
        decoder.Decode(template, Fixture.Context, _sink);

        time.Advance(TimeSpan.FromMinutes(6));
        decoder.Decode(refresh, Fixture.Context, _sink);
        time.Advance(TimeSpan.FromMinutes(6));
        var result = decoder.Decode(data, Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.MissingTemplate, 1, 1), (result).WithoutSequence());
        Assert.Equal(2UL, _sink.Flows[0].Packets);
    }
}
