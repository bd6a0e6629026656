using System.Net;
using FlowViz.Generator.Replay;

namespace FlowViz.Generator.Tests;

public sealed class PcapReplayerTests
{
    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    [Theory]
    [InlineData("softflowd-mixed-v5.pcap", "netflow5/softflowd-mixed", 1)]
    [InlineData("softflowd-bulk-v5.pcap", "netflow5/softflowd-bulk", 2)]
    [InlineData("softflowd-bulk-v9.pcap", "netflow9/softflowd-bulk", 4)]
    [InlineData("pmacct-sampled-bulk-v9.pcap", "netflow9/pmacct-sampled-bulk", 7)]
    [InlineData("softflowd-bulk-v10.pcap", "ipfix/softflowd-bulk", 4)]
    [InlineData("pmacct-mixed-v10.pcap", "ipfix/pmacct-mixed", 3)]
    [InlineData("softflowd-mixed-v9.pcap", "netflow9/softflowd-mixed", 1)]
    [InlineData("softflowd-milli-mixed-v10.pcap", "ipfix/softflowd-milli-mixed", 1)]
    // Not the sFlow captures: their committed .bin files are not the payloads of captures/pmacct-*.pcap
    // (same first bytes, different lengths; checked with tshark), so they cannot serve as the reference.
    public void Replay_Capture_SendsEachPayloadByteIdenticalInOrder(string capture, string cutFrom, int datagrams)
    {
        using var receiver = new UdpCounter();
        var replayer = new PcapReplayer(receiver.Target, asFastAsPossible: true);

        var report = replayer.Replay(Path.Combine(Fixtures, "captures", capture), TestContext.Current.CancellationToken);
        var received = receiver.WaitFor(report.Datagrams);

        var expected = Enumerable.Range(1, datagrams).Select(i => File.ReadAllBytes(Path.Combine(Fixtures, $"{cutFrom}-{i}.bin"))).ToList();
        Assert.Equal(datagrams, report.Datagrams);
        Assert.Equal(expected.Sum(e => (long)e.Length), report.Bytes);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(expected.Count, received.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], received[i].Payload);
        }
        // One source in the capture (127.0.0.1), replayed from its own loopback address.
        Assert.All(received, r => Assert.Equal(IPAddress.Parse("127.0.1.1"), r.Source.Address));
    }

    [Fact]
    public void Replay_WithOriginalPacing_TakesAboutAsLongAsTheCapture()
    {
        using var receiver = new UdpCounter();
        var file = Path.Combine(Fixtures, "captures", "pmacct-bulk.pcap");
        using (var stream = File.OpenRead(file))
        {
            var span = new PcapReader(stream).ReadDatagrams().Last().Offset;
            var report = new PcapReplayer(receiver.Target, asFastAsPossible: false).Replay(file, TestContext.Current.CancellationToken);

            Assert.Equal(12, receiver.WaitFor(report.Datagrams).Count);
            // Never early (it waits for each datagram's time); late only by scheduling, allowed generously.
            Assert.True(report.Elapsed >= span, $"{report.Elapsed} < capture span {span}");
            Assert.True(report.Elapsed < span + TimeSpan.FromSeconds(5), $"{report.Elapsed} for a capture span of {span}");
        }
    }

    [Fact]
    public void ReadDatagrams_NotAPcap_ThrowsWithAClearMessage()
    {
        using var stream = new MemoryStream(new byte[64]);

        var error = Assert.Throws<InvalidDataException>(() => new PcapReader(stream).ReadDatagrams().ToList());

        Assert.Contains("not a pcap file", error.Message, StringComparison.Ordinal);
    }
}
