using System.Buffers.Binary;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// The on-disk layout of a spool segment (see README.md next to this file):
/// <code>
/// header  "FVSPOOL\0" (8) | format version u16 | record layout version u16 | record size u32   = 16 bytes
/// frame   payload length u32 | CRC-32C of the payload u32 | payload                            (repeated)
/// payload flow count u32 | count × record (<see cref="FlowRecordLayout"/>)
/// </code>
/// Every integer is little-endian. A reader refuses a segment whose header it does not know rather than guess.
/// </summary>
internal static class SpoolFormat
{
    public const ushort FormatVersion = 1;
    public const int HeaderSize = 16;
    public const int FrameHeaderSize = 8;
    public const int CountSize = 4;
    public const string SegmentExtension = ".spool";

    /// <summary>No batch is this large (the collector caps batches at a million flows); a larger length is damage.</summary>
    public const int MaxPayloadBytes = CountSize + 4_000_000 * FlowRecordLayout.RecordSize;

    private static ReadOnlySpan<byte> Magic => "FVSPOOL\0"u8;

    public static long FrameSize(int flows) => FrameHeaderSize + CountSize + (long)flows * FlowRecordLayout.RecordSize;

    public static void WriteHeader(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], FlowRecordLayout.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], FlowRecordLayout.RecordSize);
    }

    /// <summary>Null when the header is ours; otherwise why the segment cannot be read.</summary>
    public static string? CheckHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            return "not a FlowViz spool segment (bad magic)";
        }
        var format = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var layout = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        return format == FormatVersion && layout == FlowRecordLayout.Version && size == FlowRecordLayout.RecordSize
            ? null
            : $"format {format}, record layout {layout} of {size} bytes; this version reads format {FormatVersion}, layout {FlowRecordLayout.Version} of {FlowRecordLayout.RecordSize} bytes";
    }

    /// <summary>The segment file name: the sequence number, zero-padded so names sort in replay order.</summary>
    public static string SegmentFileName(long sequence) => $"{sequence:D16}{SegmentExtension}";

    public static bool TryParseSequence(string path, out long sequence) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out sequence);
}
