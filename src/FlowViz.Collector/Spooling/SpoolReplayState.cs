using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// Where the replay is: the first frame not yet committed to the database, in a 20-byte file
/// (sequence u64 | offset u64 | CRC-32C of both u32, little-endian) rewritten in place and fsync'ed after every
/// committed batch. Without it a crash during replay would copy the whole oldest segment again; with it, at most
/// the one batch whose COPY committed just before the crash is copied twice.
/// </summary>
internal sealed class SpoolReplayState : IDisposable
{
    public const string FileName = "replay.state";
    private const int Size = 20;

    private readonly string _path;
    private SafeFileHandle? _file;

    public SpoolReplayState(string directory) => _path = Path.Combine(directory, FileName);

    /// <summary>The saved position; null when there is none or it is damaged (then replay starts at the oldest segment).</summary>
    public SpoolPosition? Load()
    {
        if (!File.Exists(_path))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(_path);
        if (bytes.Length < Size || Crc32C.Compute(bytes.AsSpan(0, 16)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)))
        {
            return null;
        }
        return new SpoolPosition(BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
    }

    public void Save(SpoolPosition position)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, position.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], position.Offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[16..], Crc32C.Compute(bytes[..16]));
        // 20 bytes at offset 0 lie in one disk sector, so the write lands whole or not at all; the CRC catches the rest.
        _file ??= File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        RandomAccess.Write(_file, bytes, 0);
        RandomAccess.FlushToDisk(_file);
    }

    /// <summary>The spool is empty: nothing to resume.</summary>
    public void Delete()
    {
        _file?.Dispose();
        _file = null;
        File.Delete(_path);
    }

    public void Dispose() => _file?.Dispose();
}
