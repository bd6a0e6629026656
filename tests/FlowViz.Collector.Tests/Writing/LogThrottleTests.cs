using FlowViz.Collector.Writing;
using Microsoft.Extensions.Time.Testing;

namespace FlowViz.Collector.Tests.Writing;

public sealed class LogThrottleTests
{
    [Fact]
    public void TryEnter_WithinInterval_HoldsBackAndCountsThenReportsTheCount()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(10));

        Assert.True(throttle.TryEnter(out var first));
        Assert.False(throttle.TryEnter(out _));
        Assert.False(throttle.TryEnter(out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(throttle.TryEnter(out var later));

        Assert.Equal(0, first);
        Assert.Equal(2, later);
    }
}
