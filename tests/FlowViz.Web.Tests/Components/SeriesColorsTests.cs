using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

public class SeriesColorsTests
{
    [Fact]
    public void For_SameKey_SameColour() => Assert.Equal(SeriesColors.For("6"), SeriesColors.For("6"));

    [Fact]
    public void For_Other_IsGrey() => Assert.Equal(SeriesColors.Other, SeriesColors.For(TrafficSeries.OtherKey));

    [Fact]
    public void For_CommonProtocols_NeverGrey() =>
        Assert.All(new[] { "1", "6", "17", "47", "50", "58" }, key => Assert.NotEqual(SeriesColors.Other, SeriesColors.For(key)));

    [Fact]
    public void For_TcpAndUdp_DifferentColours() => Assert.NotEqual(SeriesColors.For("6"), SeriesColors.For("17"));
}
