using FlowViz.Collector.Counters;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Counters;

namespace FlowViz.Collector.Tests.Counters;

public sealed class InterfaceCounterBufferTests
{
    [Fact]
    public async Task FlushAsync_WriterFailsOnce_KeepsTheSamplesForTheNextFlush()
    {
        var statistics = new CollectorStatistics();
        var buffer = new InterfaceCounterBuffer(statistics);
        var writer = new FlakyWriter { FailuresLeft = 1 };
        buffer.Add(new InterfaceCounterRecord { IfIndex = 1 });
        buffer.Add(new InterfaceCounterRecord { IfIndex = 2 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => buffer.FlushAsync(writer, CancellationToken.None));
        buffer.Add(new InterfaceCounterRecord { IfIndex = 3 });
        await buffer.FlushAsync(writer, CancellationToken.None);

        Assert.Equal([1u, 2u, 3u], writer.Written.Select(c => c.IfIndex));
        Assert.Equal(3, statistics.CounterSamplesStored);
    }

    [Fact]
    public void Add_BeyondCapacity_DropsAndCounts()
    {
        var statistics = new CollectorStatistics();
        var buffer = new InterfaceCounterBuffer(statistics);

        for (var i = 0; i < InterfaceCounterBuffer.Capacity + 5; i++)
        {
            buffer.Add(new InterfaceCounterRecord { IfIndex = (uint)i });
        }

        Assert.Equal(5, buffer.Dropped);
        Assert.Equal(5, statistics.CounterSamplesLost);
    }

    private sealed class FlakyWriter : IInterfaceCounterWriter
    {
        public int FailuresLeft { get; set; }

        public List<InterfaceCounterRecord> Written { get; } = [];

        public Task WriteAsync(IReadOnlyList<InterfaceCounterRecord> counters, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("database away (test)");
            }
            Written.AddRange(counters);
            return Task.CompletedTask;
        }
    }
}
