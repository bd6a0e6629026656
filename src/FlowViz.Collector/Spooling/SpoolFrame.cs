using System.Buffers;
using System.Buffers.Binary;
using FlowViz.Core.Flows;
using Microsoft.Win32.SafeHandles;

namespace FlowViz.Collector.Spooling;

/// <summary>Encodes a batch as one frame, and reads the frame at an offset of a segment (see <see cref="SpoolFormat"/>).</summary>
internal static class SpoolFrame
{
    /// <summary>Writes the frame of <paramref name="flows"/> into <paramref name="destination"/> (<see cref="SpoolFormat.FrameSize"/> bytes).</summary>
    public static void Encode(ReadOnlySpan<FlowRecord> flows, Span<byte> destination)
    {
        var payload = destination.Slice(SpoolFormat.FrameHeaderSize, (int)SpoolFormat.FrameSize(flows.Length) - SpoolFormat.FrameHeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)flows.Length);
        var records = payload[SpoolFormat.CountSize..];
        for (var i = 0; i < flows.Length; i++)
        {
            FlowRecordLayout.Write(flows[i], records.Slice(i * FlowRecordLayout.RecordSize));
        }
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32C.Compute(payload));
    }

    /// <summary>
    /// Reads the frame at <paramref name="offset"/>, looking no further than <paramref name="end"/>.
    /// <see cref="SpoolFrameStatus.End"/> covers both a clean end and a torn last frame (a crash mid-write): its
    /// length runs past the end, or is not a whole number of records, so nothing after it can be trusted either.
    /// A frame whose length is plausible but whose CRC does not match is <see cref="SpoolFrameStatus.Corrupt"/>
    /// and can be stepped over; <paramref name="count"/> is then the number of flows its length holds (the count
    /// inside the damaged payload cannot be trusted, the length passed the checks above). On
    /// <see cref="SpoolFrameStatus.Batch"/> the flows are in an array rented from <see cref="ArrayPool{T}.Shared"/>
    /// that the caller returns.
    /// </summary>
    public static SpoolFrameStatus Read(SafeFileHandle file, long offset, long end, out FlowRecord[] flows, out int count, out long next)
    {
        flows = [];
        count = 0;
        next = offset;
        Span<byte> header = stackalloc byte[SpoolFormat.FrameHeaderSize];
        if (end - offset < SpoolFormat.FrameHeaderSize || RandomAccess.Read(file, header, offset) < header.Length)
        {
            return SpoolFrameStatus.End;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length < SpoolFormat.CountSize || length > SpoolFormat.MaxPayloadBytes
            || (length - SpoolFormat.CountSize) % FlowRecordLayout.RecordSize != 0
            || length > end - offset - SpoolFormat.FrameHeaderSize)
        {
            return SpoolFrameStatus.End;
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var payload = buffer.AsSpan(0, (int)length);
            if (RandomAccess.Read(file, payload, offset + SpoolFormat.FrameHeaderSize) < payload.Length)
            {
                return SpoolFrameStatus.End;
            }
            next = offset + SpoolFormat.FrameHeaderSize + length;
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(payload);
            if (Crc32C.Compute(payload) != expectedCrc
                || declared != (length - SpoolFormat.CountSize) / FlowRecordLayout.RecordSize)
            {
                count = (int)((length - SpoolFormat.CountSize) / FlowRecordLayout.RecordSize);
                return SpoolFrameStatus.Corrupt;
            }
            count = (int)declared;
            flows = ArrayPool<FlowRecord>.Shared.Rent(Math.Max(count, 1));
            var records = payload[SpoolFormat.CountSize..];
            for (var i = 0; i < count; i++)
            {
                flows[i] = FlowRecordLayout.Read(records.Slice(i * FlowRecordLayout.RecordSize));
            }
            return SpoolFrameStatus.Batch;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
