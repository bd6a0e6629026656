using FlowViz.Collector.Statistics;

namespace FlowViz.Collector.Tests.Statistics;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void Observe_ConsecutiveDatagrams_NoLoss()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(100, 30);
        tracker.Observe(130, 30);
        tracker.Observe(160, 5);

        Assert.Equal((65L, 0L, 65L), (tracker.Received, tracker.Lost, tracker.Expected));
    }

    [Fact]
    public void Observe_Gap_CountsTheMissingUnits()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(0, 1);
        tracker.Observe(4, 1); // 1, 2, 3 never arrived

        Assert.Equal(3, tracker.Lost);
        Assert.Equal(0.6, tracker.LossRatio, precision: 9);
    }

    [Fact]
    public void Observe_CounterWrapsAround_IsNotLoss()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(uint.MaxValue - 9, 10);
        tracker.Observe(0, 10);

        Assert.Equal((20L, 0L, 0L), (tracker.Received, tracker.Lost, tracker.Resets));
    }

    [Fact]
    public void Observe_LateDatagram_TakesBackItsLoss()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(1, 1);
        tracker.Observe(3, 1);
        tracker.Observe(2, 1);

        Assert.Equal((3L, 0L, 1L), (tracker.Received, tracker.Lost, tracker.Reordered));
    }

    [Fact]
    public void Observe_RestartAtZeroSoonAfterStart_IsARestartNotALateDatagram()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(0, 6);
        tracker.Observe(0, 29);
        tracker.Observe(29, 11);

        Assert.Equal((46L, 0L, 1L, 0L), (tracker.Received, tracker.Lost, tracker.Resets, tracker.Reordered));
    }

    [Fact]
    public void Observe_ExporterRestarts_StartsAfreshWithoutLoss()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(5_000_000, 1);
        tracker.Observe(0, 1);
        tracker.Observe(1, 1);

        Assert.Equal((3L, 0L, 1L), (tracker.Received, tracker.Lost, tracker.Resets));
    }
}
