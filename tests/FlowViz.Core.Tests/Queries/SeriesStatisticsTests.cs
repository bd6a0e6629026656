using FlowViz.Core.Queries;

namespace FlowViz.Core.Tests.Queries;

public sealed class SeriesStatisticsTests
{
    [Fact]
    public void Of_TwentyPoints_NearestRankPercentileAndTotalOverTheSteps()
    {
        // Rates 1..20 in shuffled order: the 95th percentile is the 19th smallest (⌈0.95 × 20⌉ = 19).
        var points = new[] { 7, 20, 3, 1, 15, 2, 19, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18 }
            .Select((rate, i) => new SeriesPoint(i * 300L, rate)).ToArray();

        var statistics = SeriesStatistics.Of(points, 300);

        Assert.Equal(new SeriesStatistics(Min: 1, Avg: 10.5, Max: 20, Percentile95: 19, Total: 210 * 300), statistics);
    }

    [Fact]
    public void Of_OnePoint_EveryFigureIsThatRate()
    {
        Assert.Equal(new SeriesStatistics(5, 5, 5, 5, 300), SeriesStatistics.Of([new SeriesPoint(0, 5)], 60));
    }

    [Fact]
    public void Of_NoPoints_Zeros()
    {
        Assert.Equal(new SeriesStatistics(0, 0, 0, 0, 0), SeriesStatistics.Of([], 60));
    }

    [Fact]
    public void Of_StepNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesStatistics.Of([new SeriesPoint(0, 1)], 0));
    }
}
