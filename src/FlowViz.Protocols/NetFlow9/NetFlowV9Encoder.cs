using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// Writes NetFlow v9 export packets (RFC 3954), for the demo exporter simulator and the load generator.
/// Each packet may start with a Template FlowSet holding the IPv4 and IPv6 templates, then data
/// FlowSets; consecutive flows of the same address family share one data FlowSet. Not thread-safe:
/// one encoder per exporter stream (it keeps the packet sequence number).
/// </summary>
public sealed partial class NetFlowV9Encoder
{
    /// <summary>
    /// The packet size callers should allow: 1400 bytes keeps a packet, with its IP and UDP headers, under
    /// a 1500-byte MTU even inside a tunnel. <see cref="Encode"/> fills whatever destination it is given.
    /// </summary>
    public const int MaxDatagramSize = 1400;

    private const int HeaderLength = NetFlowV9Decoder.HeaderLength;
    private readonly uint _sourceId;
    private uint _sequence;

    public NetFlowV9Encoder(uint sourceId)
    {
        _sourceId = sourceId;
    }

    /// <summary>
    /// Writes one export packet into <paramref name="destination"/>: the IPv4 and IPv6 templates first when
    /// <paramref name="includeTemplates"/>, then data FlowSets holding as many leading flows as fit.
    /// The header's package sequence counts export packets (RFC 3954 §5.1) and is kept internally.
    /// Timestamps are written relative to <paramref name="sysUptimeMs"/> at the whole second of
    /// <paramref name="exportTimeUtc"/> (unix_secs has no fraction), so the decoder recovers them to the
    /// millisecond. Returns bytes written; <paramref name="flowsWritten"/> is how many of
    /// <paramref name="flows"/> were consumed: at least one whenever there are flows and the destination
    /// has room for one record (85 bytes IPv4, 121 IPv6, plus 4 for its FlowSet header), as
    /// <see cref="MaxDatagramSize"/> always has even with the templates (232 bytes).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination cannot hold the header and templates.</exception>
    public int Encode(Span<byte> destination, ReadOnlySpan<FlowRecord> flows, DateTime exportTimeUtc, uint sysUptimeMs,
        bool includeTemplates, out int flowsWritten)
    {
        var minimum = HeaderLength + (includeTemplates ? NetFlowV9EncoderTemplates.TemplateFlowSetLength : 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, minimum, nameof(destination));

        var unixSeconds = (uint)((exportTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond);
        var clock = new ExportClock(ExportClock.FromUnixSeconds(unixSeconds), sysUptimeMs);
        var position = HeaderLength;
        var records = 0;
        if (includeTemplates)
        {
            position += WriteTemplateFlowSet(destination[position..]);
            records += 2;
        }
        var dataRecords = WriteDataFlowSets(destination, ref position, flows, clock);
        flowsWritten = dataRecords;

        WriteHeader(destination, (ushort)(records + dataRecords), sysUptimeMs, unixSeconds);
        _sequence++;
        return position;
    }

    private void WriteHeader(Span<byte> destination, ushort count, uint sysUptimeMs, uint unixSeconds)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, NetFlowV9Decoder.Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], count); // all records, templates included (§5.1)
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], sysUptimeMs);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], unixSeconds);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], _sequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _sourceId);
    }

    private static int WriteTemplateFlowSet(Span<byte> destination)
    {
        var length = NetFlowV9EncoderTemplates.TemplateFlowSetLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination, 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
        var position = 4;
        position += FieldWriter.WriteTemplate(destination[position..], NetFlowV9EncoderTemplates.IPv4TemplateId, NetFlowV9EncoderTemplates.IPv4);
        FieldWriter.WriteTemplate(destination[position..], NetFlowV9EncoderTemplates.IPv6TemplateId, NetFlowV9EncoderTemplates.IPv6);
        return length;
    }
}
