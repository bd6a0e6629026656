using Microsoft.Win32.SafeHandles;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// The segment being appended to. Each frame is written at the end and fsync'ed before <see cref="Append"/>
/// returns, so a spooled batch survives a crash or power loss once the call returned.
/// </summary>
internal sealed class SpoolSegmentWriter : IDisposable
{
    private readonly SafeFileHandle _file;

    private SpoolSegmentWriter(string path, long sequence, SafeFileHandle file)
    {
        Path = path;
        Sequence = sequence;
        _file = file;
        Length = SpoolFormat.HeaderSize;
    }

    public string Path { get; }

    public long Sequence { get; }

    /// <summary>Bytes written and flushed; the replay reads no further than this while the segment is active.</summary>
    public long Length { get; private set; }

    public static SpoolSegmentWriter Create(string directory, long sequence)
    {
        var path = System.IO.Path.Combine(directory, SpoolFormat.SegmentFileName(sequence));
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        try
        {
            Span<byte> header = stackalloc byte[SpoolFormat.HeaderSize];
            SpoolFormat.WriteHeader(header);
            RandomAccess.Write(file, header, 0);
            RandomAccess.FlushToDisk(file);
            DirectorySync.Flush(directory);
            return new SpoolSegmentWriter(path, sequence, file);
        }
        catch
        {
            file.Dispose();
            File.Delete(path);
            throw;
        }
    }

    public void Append(ReadOnlySpan<byte> frame)
    {
        try
        {
            RandomAccess.Write(_file, frame, Length);
            RandomAccess.FlushToDisk(_file);
        }
        catch
        {
            // Cut off whatever part of the frame reached the file, so the caller can report the batch as not spooled
            // and a replay after a crash does not meet a half frame in the middle of the segment.
            TryTruncate();
            throw;
        }
        Length += frame.Length;
    }

    public void Dispose() => _file.Dispose();

    private void TryTruncate()
    {
        try
        {
            RandomAccess.SetLength(_file, Length);
        }
        catch (IOException)
        {
            // The replay treats what follows Length as a torn tail anyway.
        }
    }
}
