using FlowViz.Web.Components.Time;

namespace FlowViz.Web.Tests.Time;

public class SeriesResolutionTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(6, 60)]
    [InlineData(24, 300)]
    [InlineData(7 * 24, 1800)]
    [InlineData(30 * 24, 7200)]
    [InlineData(365 * 24, 86400)]
    public void StepSecondsFor_Span_AtMost400Points(int hours, int expected) =>
        Assert.Equal(expected, SeriesResolution.StepSecondsFor(TimeSpan.FromHours(hours)));
}
