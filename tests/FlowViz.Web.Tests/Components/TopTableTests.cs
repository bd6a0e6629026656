using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public class TopTableTests : BunitContext
{
    [Fact]
    public void Render_Rows_RankLabelCountsAndShare()
    {
        var table = Render<TopTable>(p => p.Add(t => t.Top, Sample.Top).Add(t => t.KeyHeader, "Protocol"));

        var rows = table.FindAll("[data-testid=top-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("6", rows[0].GetAttribute("data-key"));
        Assert.Equal(["1", "TCP", "100", "400", "6.00 kB", "60.0%"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["2", "UDP", "50", "200", "3.00 kB", "30.0%"], rows[1].Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Render_OtherTraffic_AddsOtherRowLast()
    {
        var table = Render<TopTable>(p => p.Add(t => t.Top, Sample.Top));

        var other = table.Find("tbody tr:last-child");
        Assert.Equal("top-other", other.GetAttribute("data-testid"));
        Assert.Equal(["", "Other", "10", "40", "1.00 kB", "10.0%"], other.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Render_NoOtherTraffic_NoOtherRow()
    {
        var table = Render<TopTable>(p => p.Add(t => t.Top, Sample.Top with { Other = TrafficTotals.Zero }));

        Assert.Empty(table.FindAll("[data-testid=top-other]"));
    }

    [Fact]
    public void Render_ShareOfPackets_UsesPacketTotal()
    {
        var table = Render<TopTable>(p => p.Add(t => t.Top, Sample.Top).Add(t => t.ShareOf, TrafficMetric.Packets));

        Assert.Equal(["62.5%", "31.3%", "6.3%"], table.FindAll("td.share").Select(c => c.TextContent));
    }

    [Fact]
    public void Render_Cells_CarryExactValues()
    {
        var top = new TopResult([new TopRow("6", "TCP", 1_234_567, 2, 9_876_543_210)], TrafficTotals.Zero);

        var table = Render<TopTable>(p => p.Add(t => t.Top, top));

        var bytes = table.FindAll("[data-testid=top-row] td")[4];
        Assert.Equal("9876543210", bytes.GetAttribute("data-value"));
        Assert.Equal("9,876,543,210", bytes.GetAttribute("title"));
        Assert.Equal("9.88 GB", bytes.TextContent);
    }
}
