using FlowViz.Collector.Statistics;
using FlowViz.Collector.Writing;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Spooling;

internal sealed partial class FlowSpool
{
    /// <summary>
    /// Opens (creating it if needed) the spool in <paramref name="directory"/>. Segments left by a previous run are
    /// kept for replay, resuming at the saved position; new batches always go to a new segment, never after a
    /// previous run's last frame, which may be torn.
    /// </summary>
    public static FlowSpool Open(
        string directory, long maxBytes, long segmentBytes, CollectorStatistics statistics, TimeProvider time, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(directory);
        var spool = new FlowSpool(Path.GetFullPath(directory), maxBytes, segmentBytes, statistics, time, logger);
        spool.LoadExistingSegments();
        return spool;
    }

    private void LoadExistingSegments()
    {
        var saved = _state.Load();
        var found = System.IO.Directory.EnumerateFiles(_directory, "*" + SpoolFormat.SegmentExtension)
            .Select(path => (Path: path, Ok: SpoolFormat.TryParseSequence(path, out var sequence), Sequence: sequence))
            .Where(segment => segment.Ok)
            .OrderBy(segment => segment.Sequence);
        var highest = saved?.Sequence ?? 0;
        foreach (var (path, _, sequence) in found)
        {
            highest = Math.Max(highest, sequence);
            if (sequence < saved?.Sequence)
            {
                // Fully replayed: the crash came between saving the position past it and deleting it.
                File.Delete(path);
            }
            else if (new FileInfo(path).Length < SpoolFormat.HeaderSize)
            {
                File.Delete(path); // created, then the crash came before its header was written: it holds nothing
            }
            else if (ReadHeaderProblem(path) is { } problem)
            {
                _statistics.SpoolSegmentUnreadable();
                File.Move(path, path + ".unreadable");
                LogUnreadableSegment(path, problem);
            }
            else
            {
                _closed.Add(new SpoolSegment(sequence, path, new FileInfo(path).Length));
            }
        }
        _nextSequence = highest + 1;
        _bytes = _closed.Sum(segment => segment.Length);
        _statistics.SpoolBytesNow(_bytes);
        if (_closed.Count == 0)
        {
            _state.Delete();
            return;
        }
        var first = _closed[0];
        _replay = saved is { } position && position.Sequence == first.Sequence && position.Offset >= SpoolFormat.HeaderSize
            ? position
            : new SpoolPosition(first.Sequence, SpoolFormat.HeaderSize);
        LogFound(_closed.Count, _bytes, _directory);
    }

    private static string? ReadHeaderProblem(string path)
    {
        Span<byte> header = stackalloc byte[SpoolFormat.HeaderSize];
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = RandomAccess.Read(file, header, 0);
        return SpoolFormat.CheckHeader(header[..read]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool holds {Segments} segment(s), {Bytes} bytes, from a previous run in {Directory}; replaying them to the database")]
    private partial void LogFound(int segments, long bytes, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool segment {Path} cannot be read ({Problem}); renamed to .unreadable and left for you")]
    private partial void LogUnreadableSegment(string path, string problem);
}
