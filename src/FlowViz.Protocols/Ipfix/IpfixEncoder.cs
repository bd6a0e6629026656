using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// Writes IPFIX messages (RFC 7011), for the load generator: optionally a Template Set with the IPv4 and IPv6
/// templates, then Data Sets; consecutive flows of the same address family share one Data Set. Not
/// thread-safe: one encoder per Transport Session and Observation Domain (it keeps the sequence number).
/// </summary>
public sealed partial class IpfixEncoder
{
    /// <summary>Keeps a message with its IP and UDP headers under a 1500-byte MTU, as RFC 7011 §10.3.3 asks of UDP exporters.</summary>
    public const int MaxDatagramSize = 1400;

    private const ushort TemplateSetId = 2;
    private readonly uint _observationDomainId;
    private uint _sequence;

    public IpfixEncoder(uint observationDomainId)
    {
        _observationDomainId = observationDomainId;
    }

    /// <summary>
    /// Writes one message into <paramref name="destination"/>: the templates first when
    /// <paramref name="includeTemplates"/>, then as many leading flows as fit. The header's Sequence Number
    /// counts the Data Records sent before this message (RFC 7011 §3.1). Returns bytes written;
    /// <paramref name="flowsWritten"/> is how many of <paramref name="flows"/> were consumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination cannot hold the header and templates.</exception>
    public int Encode(Span<byte> destination, ReadOnlySpan<FlowRecord> flows, DateTime exportTimeUtc, bool includeTemplates,
        out int flowsWritten)
    {
        var minimum = IpfixDecoder.HeaderLength + (includeTemplates ? IpfixEncoderTemplates.TemplateSetLength : 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, minimum, nameof(destination));
        var position = IpfixDecoder.HeaderLength;
        if (includeTemplates)
        {
            position += WriteTemplateSet(destination[position..]);
        }
        flowsWritten = WriteDataSets(destination, ref position, flows);

        BinaryPrimitives.WriteUInt16BigEndian(destination, IpfixDecoder.Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)position);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)((exportTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], _sequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], _observationDomainId);
        _sequence += (uint)flowsWritten;
        return position;
    }

    private static int WriteTemplateSet(Span<byte> destination)
    {
        var length = IpfixEncoderTemplates.TemplateSetLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination, TemplateSetId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
        var position = 4;
        position += FieldWriter.WriteTemplate(destination[position..], IpfixEncoderTemplates.IPv4TemplateId, IpfixEncoderTemplates.IPv4);
        FieldWriter.WriteTemplate(destination[position..], IpfixEncoderTemplates.IPv6TemplateId, IpfixEncoderTemplates.IPv6);
        return length;
    }
}
