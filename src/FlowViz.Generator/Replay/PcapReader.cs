using System.Buffers.Binary;

namespace FlowViz.Generator.Replay;

/// <summary>
/// Reads a classic libpcap file (not pcapng) record by record and yields the UDP datagrams in it; every other
/// record (not IP, not UDP, an IP fragment, cut short by the snap length) is counted in <see cref="Skipped"/>.
/// </summary>
public sealed class PcapReader(Stream stream)
{
    private const uint Magic = 0xA1B2C3D4;     // microsecond timestamps
    private const uint MagicNano = 0xA1B23C4D; // nanosecond timestamps

    public long Records { get; private set; }

    public long Skipped { get; private set; }

    /// <exception cref="InvalidDataException">The file is not a classic pcap, or its link type is not supported.</exception>
    public IEnumerable<PcapDatagram> ReadDatagrams()
    {
        Span<byte> header = stackalloc byte[24];
        ReadHeader(header, out var bigEndian, out var nano, out var linkType);
        var recordHeader = new byte[16];
        long? first = null;
        while (stream.ReadAtLeast(recordHeader, 16, throwOnEndOfStream: false) == 16)
        {
            var seconds = Read32(recordHeader, 0, bigEndian);
            var fraction = Read32(recordHeader, 4, bigEndian);
            var captured = (int)Read32(recordHeader, 8, bigEndian);
            if (captured is < 0 or > 1 << 24)
            {
                throw new InvalidDataException($"record {Records + 1} claims {captured} captured bytes");
            }
            var frame = new byte[captured];
            if (stream.ReadAtLeast(frame, captured, throwOnEndOfStream: false) < captured)
            {
                yield break; // a capture cut off mid-record (tcpdump killed): keep what came before
            }
            Records++;
            var ticks = seconds * TimeSpan.TicksPerSecond + (nano ? fraction / 100 : fraction * 10L);
            first ??= ticks;
            var datagram = LinkLayer.UdpDatagram(frame, linkType);
            if (datagram is null)
            {
                Skipped++;
                continue;
            }
            yield return new PcapDatagram(TimeSpan.FromTicks(ticks - first.Value), datagram.Value.Source, datagram.Value.Payload);
        }
    }

    private void ReadHeader(Span<byte> header, out bool bigEndian, out bool nano, out uint linkType)
    {
        if (stream.ReadAtLeast(header, 24, throwOnEndOfStream: false) < 24)
        {
            throw new InvalidDataException("too short for a pcap file header");
        }
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var swapped = BinaryPrimitives.ReverseEndianness(magic);
        bigEndian = magic is not (Magic or MagicNano);
        var effective = bigEndian ? swapped : magic;
        if (effective is not (Magic or MagicNano))
        {
            throw new InvalidDataException(magic == 0x0A0D0D0A
                ? "this is a pcapng file; convert it with `editcap -F pcap in.pcapng out.pcap`"
                : "not a pcap file (bad magic number)");
        }
        nano = effective == MagicNano;
        linkType = Read32(header, 20, bigEndian) & 0x0FFF_FFFF; // upper bits carry FCS information
        if (!LinkLayer.IsSupported(linkType))
        {
            throw new InvalidDataException($"link type {linkType} is not supported (Ethernet, Linux cooked v1/v2, BSD loopback, raw IP)");
        }
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..])
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
}
