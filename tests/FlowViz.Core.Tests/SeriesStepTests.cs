using FlowViz.Core.Queries;

namespace FlowViz.Core.Tests;

public sealed class SeriesStepTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(6, 60)]
    [InlineData(24, 300)]
    [InlineData(3 * 24, 900)]
    [InlineData(7 * 24, 3600)]
    [InlineData(30 * 24, 7200)]
    [InlineData(90 * 24, 21600)]
    [InlineData(365 * 24, 86400)]
    [InlineData(3 * 365 * 24, 3 * 86400)]
    public void For_Span_GivesTheCoarsestRollupStepWithAtLeast150Points(int hours, int expected) =>
        Assert.Equal(expected, SeriesStep.For(TimeSpan.FromHours(hours)));

    [Theory]
    [InlineData(1)]
    [InlineData(24)]
    [InlineData(7 * 24)]
    [InlineData(45 * 24)]
    [InlineData(400 * 24)]
    [InlineData(10 * 365 * 24)]
    public void For_AnySpanOfAtLeast150Minutes_GivesAtLeast150AndFewerThan750Points(int hours)
    {
        var span = TimeSpan.FromHours(hours);
        var points = span.TotalSeconds / SeriesStep.For(span);
        // Below the coarsest step with 150 points lies at most a 5× finer one (300 s → 60 s): fewer than 750 points.
        Assert.InRange(points, hours < 3 ? 1 : SeriesStep.MinPoints, 5 * SeriesStep.MinPoints);
    }

    [Fact]
    public void BucketCount_PartialLastBucket_IsCounted() =>
        Assert.Equal(3, SeriesStep.BucketCount(new TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(121)), 60));
}
