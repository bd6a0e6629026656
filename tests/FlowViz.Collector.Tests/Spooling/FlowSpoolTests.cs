using System.Buffers;
using FlowViz.Collector.Spooling;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Collector.Tests.Spooling;

public sealed class FlowSpoolTests : IDisposable
{
    private const int FlowsPerBatch = 10;
    private static readonly long FrameBytes = SpoolFormat.FrameSize(FlowsPerBatch);

    private readonly TempDirectory _directory = new();
    private readonly CollectorStatistics _statistics = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ReadOldest_ThreeBatchesAppended_ReturnsThemInOrderThenEmptiesTheDirectory()
    {
        using var spool = Open();
        for (var b = 0; b < 3; b++)
        {
            Assert.Equal(SpoolAppendResult.Spooled, spool.Append(SpoolFlows.Batch(b, FlowsPerBatch)));
        }

        var replayed = Drain(spool);

        Assert.Equal([.. Enumerable.Range(0, 3).SelectMany(b => SpoolFlows.Batch(b, FlowsPerBatch))], replayed);
        Assert.False(spool.HasPending);
        Assert.Empty(_directory.Files());
        Assert.Equal(0, spool.Bytes);
        Assert.Equal(3, _statistics.BatchesSpooled);
    }

    [Fact]
    public void ReadOldest_NotAcknowledged_ReturnsTheSameBatchAgain()
    {
        using var spool = Open();
        spool.Append(SpoolFlows.Batch(1, FlowsPerBatch));
        spool.Append(SpoolFlows.Batch(2, FlowsPerBatch));

        Assert.True(spool.TryReadOldest(out var first));
        Assert.True(spool.TryReadOldest(out var again));

        Assert.Equal(first.Memory.ToArray(), again.Memory.ToArray());
        Assert.Equal(1, first.Flows[0].SrcPort);
    }

    [Fact]
    public void Open_TornLastFrame_IgnoresItAndKeepsEverythingBefore()
    {
        using (var spool = Open())
        {
            for (var b = 0; b < 3; b++)
            {
                spool.Append(SpoolFlows.Batch(b, FlowsPerBatch));
            }
        }
        var segment = Path.Combine(_directory.Path, _directory.Files("*.spool").Single());
        using (var file = File.OpenWrite(segment))
        {
            file.SetLength(file.Length - (FrameBytes / 2)); // the crash came halfway through writing the third frame
        }

        using var reopened = Open();
        var replayed = Drain(reopened);

        Assert.Equal([.. SpoolFlows.Batch(0, FlowsPerBatch), .. SpoolFlows.Batch(1, FlowsPerBatch)], replayed);
        Assert.Empty(_directory.Files());
        Assert.Equal(0, _statistics.SpoolFramesCorrupt);
    }

    [Fact]
    public void ReadOldest_FrameWithBadCrc_IsSkippedAndCounted()
    {
        using (var spool = Open())
        {
            for (var b = 0; b < 3; b++)
            {
                spool.Append(SpoolFlows.Batch(b, FlowsPerBatch));
            }
        }
        var segment = Path.Combine(_directory.Path, _directory.Files("*.spool").Single());
        var bytes = File.ReadAllBytes(segment);
        bytes[SpoolFormat.HeaderSize + FrameBytes + 100] ^= 0x40; // one bit flipped inside the second frame's records
        File.WriteAllBytes(segment, bytes);

        using var reopened = Open();
        var replayed = Drain(reopened);

        Assert.Equal([.. SpoolFlows.Batch(0, FlowsPerBatch), .. SpoolFlows.Batch(2, FlowsPerBatch)], replayed);
        Assert.Equal(1, _statistics.SpoolFramesCorrupt);
        Assert.Equal(FlowsPerBatch, _statistics.SpoolFlowsCorrupt);
    }

    [Fact]
    public void Append_BeyondMaxBytes_DropsAndCountsAsSpoolFull()
    {
        var maxBytes = SpoolFormat.HeaderSize + (2 * FrameBytes);
        using var spool = Open(maxBytes);

        var results = Enumerable.Range(0, 4).Select(b => spool.Append(SpoolFlows.Batch(b, FlowsPerBatch))).ToArray();

        Assert.Equal([SpoolAppendResult.Spooled, SpoolAppendResult.Spooled, SpoolAppendResult.Full, SpoolAppendResult.Full], results);
        Assert.Equal(2, _statistics.BatchesDroppedSpoolFull);
        Assert.Equal(2 * FlowsPerBatch, _statistics.FlowsDroppedSpoolFull);
        Assert.Equal(maxBytes, spool.Bytes);
        Assert.Equal(maxBytes, new FileInfo(Path.Combine(_directory.Path, _directory.Files("*.spool").Single())).Length);
        Assert.Equal(2 * FlowsPerBatch, Drain(spool).Count);
    }

    [Fact]
    public void Append_PastSegmentSize_RollsToNewSegmentsAndDeletesEachOnceReplayed()
    {
        using var spool = Open(segmentBytes: SpoolFormat.HeaderSize + (2 * FrameBytes));
        for (var b = 0; b < 5; b++)
        {
            spool.Append(SpoolFlows.Batch(b, FlowsPerBatch));
        }
        Assert.Equal(3, _directory.Files("*.spool").Length);

        Assert.True(spool.TryReadOldest(out var b0));
        spool.Acknowledge(b0.Next);
        Assert.True(spool.TryReadOldest(out var b1));
        spool.Acknowledge(b1.Next);
        Assert.True(spool.TryReadOldest(out var b2));

        Assert.Equal(2, _directory.Files("*.spool").Length); // the first segment went once both its batches were committed
        Assert.Equal(2, b2.Flows[0].SrcPort);
        Assert.Equal(3 * FlowsPerBatch, Drain(spool).Count);
    }

    [Fact]
    public void Open_AfterCrashMidReplay_ResumesAfterTheLastAcknowledgedBatch()
    {
        using (var spool = Open(segmentBytes: SpoolFormat.HeaderSize + (2 * FrameBytes)))
        {
            for (var b = 0; b < 5; b++)
            {
                spool.Append(SpoolFlows.Batch(b, FlowsPerBatch));
            }
            for (var b = 0; b < 3; b++)
            {
                Assert.True(spool.TryReadOldest(out var batch));
                spool.Acknowledge(batch.Next);
            }
        }

        using var reopened = Open();
        var replayed = Drain(reopened);

        Assert.Equal([.. SpoolFlows.Batch(3, FlowsPerBatch), .. SpoolFlows.Batch(4, FlowsPerBatch)], replayed);
    }

    [Fact]
    public void Open_CrashBetweenSavingThePositionAndDeletingTheSegment_DeletesItWithoutReplaying()
    {
        string firstSegment, kept;
        using (var spool = Open(segmentBytes: SpoolFormat.HeaderSize + (2 * FrameBytes)))
        {
            for (var b = 0; b < 4; b++)
            {
                spool.Append(SpoolFlows.Batch(b, FlowsPerBatch));
            }
            firstSegment = Path.Combine(_directory.Path, _directory.Files("*.spool")[0]);
            kept = firstSegment + ".copy";
            File.Copy(firstSegment, kept);
            for (var b = 0; b < 3; b++)
            {
                Assert.True(spool.TryReadOldest(out var batch)); // the third read saves the position past segment 1, then deletes it
                spool.Acknowledge(batch.Next);
            }
        }
        File.Move(kept, firstSegment); // as if the crash came before the delete

        using var reopened = Open();

        Assert.Equal(SpoolFlows.Batch(3, FlowsPerBatch), Drain(reopened));
        Assert.Empty(_directory.Files());
    }

    [Fact]
    public void Open_SegmentOfAnotherFormat_SetAsideAndCounted()
    {
        var header = new byte[SpoolFormat.HeaderSize + 8];
        SpoolFormat.WriteHeader(header);
        header[10] = 99; // record layout version 99
        File.WriteAllBytes(Path.Combine(_directory.Path, SpoolFormat.SegmentFileName(7)), header);

        using var spool = Open();

        Assert.False(spool.HasPending);
        Assert.Equal(1, _statistics.SpoolSegmentsUnreadable);
        Assert.Equal(["0000000000000007.spool.unreadable"], _directory.Files());
        spool.Append(SpoolFlows.Batch(1, 1));
        Assert.Contains("0000000000000008.spool", _directory.Files()); // numbering continues past it
    }

    private FlowSpool Open(long maxBytes = 1 << 30, long segmentBytes = 64 << 20) =>
        FlowSpool.Open(_directory.Path, maxBytes, segmentBytes, _statistics, TimeProvider.System, NullLogger.Instance);

    private static List<FlowRecord> Drain(FlowSpool spool)
    {
        var flows = new List<FlowRecord>();
        while (spool.TryReadOldest(out var batch))
        {
            flows.AddRange(batch.Memory.Span);
            spool.Acknowledge(batch.Next);
            ArrayPool<FlowRecord>.Shared.Return(batch.Flows);
        }
        return flows;
    }
}
