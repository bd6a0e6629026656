using System.Buffers;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Writing;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// Batches the database could not take, on disk in append-only segment files, oldest first. Writers append
/// (<see cref="Append"/>); one replay loop reads the oldest batch (<see cref="TryReadOldest"/>), writes it to the
/// database and then acknowledges it (<see cref="Acknowledge"/>), which persists the replay position and deletes a
/// segment once every batch in it is committed. Bounded by <c>maxBytes</c>: beyond it, batches are dropped and counted.
/// </summary>
internal sealed partial class FlowSpool : IDisposable
{
    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly CollectorStatistics _statistics;
    private readonly LogThrottle _dropLog;
    private readonly ILogger _logger;
    private readonly SpoolReplayState _state;
    private readonly List<SpoolSegment> _closed = [];
    private readonly SemaphoreSlim _appended = new(0);
    private SpoolSegmentWriter? _active;
    private long _nextSequence = 1;
    private long _bytes;
    private SpoolPosition _replay;

    // Only the replay loop uses these (TryReadOldest, Acknowledge), so they need no lock.
    private SafeFileHandle? _reader;
    private long _readerSequence;

    private FlowSpool(string directory, long maxBytes, long segmentBytes, CollectorStatistics statistics, TimeProvider time, ILogger logger)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _segmentBytes = segmentBytes;
        _statistics = statistics;
        _logger = logger;
        _dropLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _state = new SpoolReplayState(directory);
    }

    public string Directory => _directory;

    /// <summary>Segment bytes on disk (headers included); what <c>maxBytes</c> bounds.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>True while a batch is spooled and not yet committed: new batches must queue behind it.</summary>
    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _closed.Count > 0 || _active is not null;
            }
        }
    }

    /// <summary>Writes the batch as one frame and fsyncs it; a batch that does not fit is dropped and counted.</summary>
    public SpoolAppendResult Append(ReadOnlySpan<FlowRecord> flows)
    {
        var frameSize = SpoolFormat.FrameSize(flows.Length);
        if (frameSize > SpoolFormat.FrameHeaderSize + SpoolFormat.MaxPayloadBytes)
        {
            // Never happens with the collector's batch sizes; a reader would take such a frame for damage.
            return Dropped(flows.Length, SpoolAppendResult.Full);
        }
        var frame = ArrayPool<byte>.Shared.Rent((int)frameSize);
        try
        {
            SpoolFrame.Encode(flows, frame);
            lock (_lock)
            {
                var roll = _active is null || (_active.Length + frameSize > _segmentBytes && _active.Length > SpoolFormat.HeaderSize);
                if (_bytes + frameSize + (roll ? SpoolFormat.HeaderSize : 0) > _maxBytes)
                {
                    return Dropped(flows.Length, SpoolAppendResult.Full);
                }
                if (roll)
                {
                    Roll();
                }
                _active!.Append(frame.AsSpan(0, (int)frameSize));
                _bytes += frameSize;
                _statistics.Spooled(flows.Length, _bytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Dropped(flows.Length, SpoolAppendResult.Failed, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
        if (_appended.CurrentCount == 0)
        {
            _appended.Release();
        }
        return SpoolAppendResult.Spooled;
    }

    /// <summary>Waits until a batch was appended since the last call (or the token is cancelled).</summary>
    public Task WaitForAppendAsync(CancellationToken cancellationToken) => _appended.WaitAsync(cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            _active?.Dispose();
            _active = null;
        }
        _reader?.Dispose();
        _state.Dispose();
        _appended.Dispose();
    }

    /// <summary>Closes the active segment (it becomes the newest closed one) and starts the next.</summary>
    private void Roll()
    {
        if (_active is not null)
        {
            _closed.Add(new SpoolSegment(_active.Sequence, _active.Path, _active.Length));
            _active.Dispose();
            _active = null;
        }
        _active = SpoolSegmentWriter.Create(_directory, _nextSequence++);
        _bytes += SpoolFormat.HeaderSize;
    }

    private SpoolAppendResult Dropped(int flows, SpoolAppendResult reason, Exception? error = null)
    {
        if (reason == SpoolAppendResult.Full)
        {
            _statistics.DroppedSpoolFull(flows);
        }
        else
        {
            _statistics.DroppedSpoolError(flows);
        }
        // A database that stays away drops every batch from here on: one message per interval says how many.
        if (_dropLog.TryEnter(out var suppressed))
        {
            if (error is null)
            {
                LogSpoolFull(flows, suppressed, _maxBytes, _directory);
            }
            else
            {
                LogAppendFailed(error, flows, suppressed, _directory);
            }
        }
        return reason;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Spool full: dropped {Flows} flows ({Suppressed} more drops since the last message); the database is away and {MaxBytes} bytes are spooled in {Directory}")]
    private partial void LogSpoolFull(int flows, long suppressed, long maxBytes, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spooling {Flows} flows failed, they are dropped ({Suppressed} more drops since the last message); spool directory {Directory}")]
    private partial void LogAppendFailed(Exception exception, int flows, long suppressed, string directory);
}
