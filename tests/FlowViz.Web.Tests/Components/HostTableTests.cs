using FlowViz.Web.Components.Hosts;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public class HostTableTests : BunitContext
{
    // Ranked by bytes: 10.0.0.1 6 000 B, 10.0.0.2 3 000 B, (none) 500 B; other hosts 500 B → total 10 000 B.
    private static readonly TopResult Top = new(
        [
            new TopRow("10.0.0.1", "10.0.0.1", 10, 40, 6_000),
            new TopRow("10.0.0.2", "10.0.0.2", 30, 30, 3_000),
            new TopRow("none", "(none)", 5, 5, 500),
        ],
        new TrafficTotals(1, 2, 500));

    // Byte rates with a 60 s step: 10.0.0.1 out 50 + 50 → 6 000; 10.0.0.2 in 25 + 25 → 3 000 (the "none" host not in it).
    private static readonly SeriesResult Split = new(60,
    [
        SampleDirections.Split("10.0.0.1", "10.0.0.1", "out", 50, 50),
        SampleDirections.Split("10.0.0.1", "10.0.0.1", "in", 0, 0),
        SampleDirections.Split("10.0.0.2", "10.0.0.2", "out", 0, 0),
        SampleDirections.Split("10.0.0.2", "10.0.0.2", "in", 25, 25),
    ]);

    private IRenderedComponent<HostTable> RenderTable() => Render<HostTable>(p => p
        .Add(t => t.Rows, HostRow.Of(Top, Split)).Add(t => t.Other, Top.Other).Add(t => t.RankMetric, TrafficMetric.Bytes)
        .Add(t => t.HostHref, address => $"hosts/{address}"));

    private static string[] Keys(IRenderedComponent<HostTable> table) =>
        [.. table.FindAll("[data-testid=host-row]").Select(r => r.GetAttribute("data-key")!)];

    private static string? AriaSort(IRenderedComponent<HostTable> table, string column) =>
        table.Find($"[data-testid=sort-{column}]").ParentElement!.GetAttribute("aria-sort");

    [Fact]
    public void Render_Rows_CountsDirectionsShareAndOtherLast()
    {
        var table = RenderTable();

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["10.0.0.1", "6.00 kB", "0 B", "0 B", "10", "40", "6.00 kB", "60.0%"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["10.0.0.2", "0 B", "3.00 kB", "0 B", "30", "30", "3.00 kB", "30.0%"], rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["(none)", "–", "–", "–", "5", "5", "500 B", "5.0%"], rows[2].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("host-other", rows[3].GetAttribute("data-testid"));
        Assert.Equal("5.0%", rows[3].Children[^1].TextContent.Trim());
        Assert.Equal("6000", rows[0].Children[1].GetAttribute("data-value"));
    }

    [Fact]
    public void Render_Addresses_LinkToTheirPageButNotNone()
    {
        var table = RenderTable();

        Assert.Equal(["hosts/10.0.0.1", "hosts/10.0.0.2"], table.FindAll("[data-testid=host-link]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Render_Initially_InRankOrderWithRankColumnMarkedDescending()
    {
        var table = RenderTable();

        Assert.Equal(["10.0.0.1", "10.0.0.2", "none"], Keys(table));
        Assert.Equal("descending", AriaSort(table, "Bytes"));
        Assert.Equal("none", AriaSort(table, "Flows"));
    }

    [Fact]
    public void ClickFlows_SortsDescendingThenAscending_OtherStaysLast()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-Flows]").Click();
        Assert.Equal(["10.0.0.2", "10.0.0.1", "none"], Keys(table));
        Assert.Equal("descending", AriaSort(table, "Flows"));
        Assert.Equal("none", AriaSort(table, "Bytes"));

        table.Find("[data-testid=sort-Flows]").Click();
        Assert.Equal(["none", "10.0.0.1", "10.0.0.2"], Keys(table));
        Assert.Equal("ascending", AriaSort(table, "Flows"));
        Assert.Equal("host-other", table.Find("tbody tr:last-child").GetAttribute("data-testid"));
    }

    [Fact]
    public void ClickIn_HostsWithoutSplitSortAsLeast()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-In]").Click();

        Assert.Equal(["10.0.0.2", "10.0.0.1", "none"], Keys(table));
    }

    [Fact]
    public void ClickHost_SortsByNameAscendingFirst()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-Host]").Click();

        Assert.Equal(["none", "10.0.0.1", "10.0.0.2"], Keys(table)); // "(none)" sorts before digits
        Assert.Equal("ascending", AriaSort(table, "Host"));
    }

    [Fact]
    public void Render_RankedByPackets_SharesAndDirectionsArePackets()
    {
        var table = Render<HostTable>(p => p
            .Add(t => t.Rows, HostRow.Of(Top, Split)).Add(t => t.Other, Top.Other).Add(t => t.RankMetric, TrafficMetric.Packets));

        var first = table.Find("[data-key='10.0.0.1']");
        Assert.Equal("6.00k", first.Children[1].TextContent.Trim());
        Assert.Equal("51.9%", first.Children[^1].TextContent.Trim()); // 40 of 40 + 30 + 5 + 2 packets
    }
}
