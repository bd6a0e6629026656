using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace FlowViz.Collector.Spooling;

internal sealed partial class FlowSpool
{
    /// <summary>
    /// Reads the oldest batch not yet acknowledged; false when the spool is empty. Reading again before
    /// <see cref="Acknowledge"/> returns the same batch, so a failed replay is retried from the disk. Fully replayed
    /// segments are deleted here; corrupted frames are stepped over and counted. Only the replay loop calls this.
    /// </summary>
    public bool TryReadOldest(out SpooledBatch batch)
    {
        while (true)
        {
            SpoolPosition position;
            long end;
            bool active;
            lock (_lock)
            {
                if (_closed.Count == 0 && _active is null)
                {
                    batch = default;
                    return false;
                }
                active = _closed.Count == 0;
                var (sequence, length) = active ? (_active!.Sequence, _active.Length) : (_closed[0].Sequence, _closed[0].Length);
                position = _replay.Sequence == sequence ? _replay : new SpoolPosition(sequence, SpoolFormat.HeaderSize);
                end = length;
                if (active && position.Offset >= end)
                {
                    DrainedLocked();
                    batch = default;
                    return false;
                }
            }
            var status = SpoolFrame.Read(ReaderFor(position.Sequence), position.Offset, end, out var flows, out var count, out var next);
            switch (status)
            {
                case SpoolFrameStatus.Batch:
                    batch = new SpooledBatch(flows, count, new SpoolPosition(position.Sequence, next));
                    return true;
                case SpoolFrameStatus.Corrupt:
                    _statistics.SpoolFrameCorrupt(count);
                    LogCorruptFrame(position.Sequence, position.Offset, count);
                    Acknowledge(new SpoolPosition(position.Sequence, next));
                    break;
                default:
                    if (position.Offset < end)
                    {
                        LogTornTail(end - position.Offset, position.Sequence);
                    }
                    FinishOldestSegment(active);
                    break;
            }
        }
    }

    /// <summary>The batch read up to <paramref name="next"/> is committed to the database: never replay it again.</summary>
    public void Acknowledge(SpoolPosition next)
    {
        lock (_lock)
        {
            _replay = next;
            _state.Save(next);
        }
    }

    private void FinishOldestSegment(bool active)
    {
        lock (_lock)
        {
            if (active)
            {
                // Damage in the segment being written (the disk, not a crash): stop appending to it.
                _closed.Add(new SpoolSegment(_active!.Sequence, _active.Path, _active.Length));
                _active.Dispose();
                _active = null;
            }
            var oldest = _closed[0];
            _closed.RemoveAt(0);
            CloseReader();
            var next = _closed.Count > 0 ? _closed[0].Sequence : _active?.Sequence;
            if (next is { } sequence)
            {
                // Position first, then delete: a crash in between leaves a segment older than the position, which
                // the next start deletes, instead of a position pointing past a segment that would be replayed again.
                _replay = new SpoolPosition(sequence, SpoolFormat.HeaderSize);
                _state.Save(_replay);
                File.Delete(oldest.Path);
            }
            else
            {
                // Delete first, then the position: a crash in between leaves a position naming no segment (ignored).
                File.Delete(oldest.Path);
                _state.Delete();
            }
            _bytes -= oldest.Length;
            _statistics.SpoolBytesNow(_bytes);
        }
    }

    /// <summary>Every batch of the active (only) segment is committed: the spool is empty, so remove its files.</summary>
    private void DrainedLocked()
    {
        var drained = _active!;
        _active = null;
        drained.Dispose();
        CloseReader();
        File.Delete(drained.Path);
        _state.Delete();
        _bytes = 0;
        _statistics.SpoolBytesNow(0);
    }

    private SafeFileHandle ReaderFor(long sequence)
    {
        if (_reader is null || _readerSequence != sequence)
        {
            CloseReader();
            _reader = File.OpenHandle(Path.Combine(_directory, SpoolFormat.SegmentFileName(sequence)),
                FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _readerSequence = sequence;
        }
        return _reader;
    }

    private void CloseReader()
    {
        _reader?.Dispose();
        _reader = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool segment {Sequence}: the frame at offset {Offset} fails its CRC; skipped, its {Flows} flows are lost")]
    private partial void LogCorruptFrame(long sequence, long offset, int flows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored the last {Bytes} bytes of spool segment {Sequence}: a frame torn by a crash while it was written")]
    private partial void LogTornTail(long bytes, long sequence);
}
