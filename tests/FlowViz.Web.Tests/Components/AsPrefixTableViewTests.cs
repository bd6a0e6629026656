using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Tests.Components;

public class AsPrefixTableViewTests : BunitContext
{
    private static TopRow Row(string key, long bytes) => new(key, key == "none" ? "(none)" : key, 1, 10, bytes);

    private IRenderedComponent<AsPrefixTableView> RenderTable(AsPrefixTable table) =>
        Render<AsPrefixTableView>(p => p.Add(t => t.Asn, 64500u).Add(t => t.Table, table));

    private static IEnumerable<string[]> Cells(IRenderedComponent<AsPrefixTableView> view) =>
        view.FindAll("[data-testid=as-prefix-row]").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray());

    [Fact]
    public void Render_BothSidesListedWhole_PrefixesMergedWithInOutAndShareOfBoth()
    {
        var inbound = new TopResult([Row("192.0.2.0/24", 6_000), Row("none", 1_000)], TrafficTotals.Zero);
        var outbound = new TopResult([Row("198.51.100.0/24", 2_000), Row("192.0.2.0/24", 1_000)], TrafficTotals.Zero);

        var view = RenderTable(AsPrefixes.Merge(inbound, outbound, TrafficMetric.Bytes, 10));

        // Total 10,000 bytes in and out; a prefix one side does not list is exactly 0 there (that side listed all of its).
        Assert.Equal(
            [
                ["192.0.2.0/24", "6.00 kB", "1.00 kB", "70.0%"],
                ["198.51.100.0/24", "0 B", "2.00 kB", "20.0%"],
                ["no prefix length", "1.00 kB", "0 B", "10.0%"],
            ],
            Cells(view));
        Assert.Empty(view.FindAll("[data-testid=as-prefix-other]"));
        Assert.Contains("(bytes)", view.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.Equal("In (from AS 64500)", view.FindAll("th")[1].TextContent);
    }

    [Fact]
    public void Render_MoreRowsThanTheLimit_OtherHoldsTheRestOfEachSide()
    {
        var inbound = new TopResult([Row("192.0.2.0/24", 5_000), Row("192.0.3.0/24", 3_000), Row("192.0.4.0/24", 1_000)], TrafficTotals.Zero);
        var outbound = new TopResult([Row("192.0.4.0/24", 500)], TrafficTotals.Zero);

        var view = RenderTable(AsPrefixes.Merge(inbound, outbound, TrafficMetric.Bytes, 2));

        Assert.Equal(["192.0.2.0/24", "192.0.3.0/24"], view.FindAll("[data-testid=as-prefix-row]").Select(r => r.GetAttribute("data-key")));
        var other = view.Find("[data-testid=as-prefix-other]").QuerySelectorAll("td").Select(c => c.TextContent);
        Assert.Equal(["Other", "1.00 kB", "500 B", "15.8%"], other);
    }

    [Fact]
    public void Render_SideWithMorePrefixesThanListed_UnknownSideShownAsDashAndShareAsLowerBound()
    {
        // The outbound side has traffic in "other" and does not list 192.0.2.0/24: its out is unknown, not zero.
        var inbound = new TopResult([Row("192.0.2.0/24", 4_000)], TrafficTotals.Zero);
        var outbound = new TopResult([Row("198.51.100.0/24", 3_000)], new TrafficTotals(1, 1, 3_000));

        var view = RenderTable(AsPrefixes.Merge(inbound, outbound, TrafficMetric.Bytes, 10));

        Assert.Equal(
            [
                ["192.0.2.0/24", "4.00 kB", "–", "40.0% or more"],
                ["198.51.100.0/24", "0 B", "3.00 kB", "30.0%"],
            ],
            Cells(view));
        Assert.Equal(["Other", "0 B", "3.00 kB", "30.0%"], view.Find("[data-testid=as-prefix-other]").QuerySelectorAll("td").Select(c => c.TextContent));
    }

    [Fact]
    public void Render_NoTraffic_SaysSo()
    {
        var view = RenderTable(AsPrefixes.Merge(new TopResult([], TrafficTotals.Zero), new TopResult([], TrafficTotals.Zero), TrafficMetric.Packets, 10));

        Assert.Contains("No prefixes in this range.", view.Markup, StringComparison.Ordinal);
        Assert.Contains("(packets)", view.Find("caption").TextContent, StringComparison.Ordinal);
    }
}
