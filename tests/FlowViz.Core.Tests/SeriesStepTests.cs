using FlowViz.Core.Queries;

namespace FlowViz.Core.Tests;

public sealed class SeriesStepTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(6, 60)]
    [InlineData(24, 300)]
    [InlineData(7 * 24, 1800)]
    [InlineData(30 * 24, 7200)]
    [InlineData(365 * 24, 86400)]
    public void For_Span_GivesRollupStepWithAtMost400Points(int hours, int expected) =>
        Assert.Equal(expected, SeriesStep.For(TimeSpan.FromHours(hours)));

    [Fact]
    public void BucketCount_PartialLastBucket_IsCounted() =>
        Assert.Equal(3, SeriesStep.BucketCount(new TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(121)), 60));
}
