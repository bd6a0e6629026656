using FlowViz.Core.Interfaces;
using FlowViz.Web.Components.Interfaces;

namespace FlowViz.Web.Tests.Components;

public class InterfaceTableTests : BunitContext
{
    private static InterfaceRow Row(long ifIndex, string? name, InterfaceClass? classes, long inBytes, long outBytes, long? speed = null) =>
        new($"192.0.2.1/{ifIndex}", "192.0.2.1", ifIndex, name, null, classes, true, speed, speed is null ? null : "sFlow ifSpeed",
            inBytes, outBytes, inBytes * 8 / 3600.0, outBytes * 8 / 3600.0);

    private static readonly InterfaceRow[] Rows =
    [
        Row(1, "et-0/0/1", new("transit", "ntt", "external"), 90_000, 10_000, 1_000),
        Row(2, "ae2", null, 1_000, 0),           // unclassified with traffic: first
        Row(3, "ae3", null, 0, 0),               // unclassified, idle: not first
        Row(4, "xe-4", new("ix", null, null), 50_000, 70_000),
        Row(5, "xe-5", null, 5_000, 0),          // unclassified and busier than 2: first of all
    ];

    private IRenderedComponent<InterfaceTable> RenderTable() => Render<InterfaceTable>(p => p
        .Add(t => t.Rows, Rows).Add(t => t.InterfaceHref, r => $"interfaces/{r.Exporter}/{r.IfIndex}"));

    private static IEnumerable<string?> Keys(IRenderedComponent<InterfaceTable> table) =>
        table.FindAll("[data-testid=interface-row]").Select(r => r.GetAttribute("data-key"));

    [Fact]
    public void Render_Default_UnclassifiedWithTrafficFirstThenByTraffic()
    {
        var table = RenderTable();

        Assert.Equal(["192.0.2.1/5", "192.0.2.1/2", "192.0.2.1/4", "192.0.2.1/1", "192.0.2.1/3"], Keys(table));
        Assert.Equal(2, table.FindAll("tr.needs-class").Count);
        Assert.Equal("none", table.Find("th[aria-sort=none]").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Render_Row_LinksClassProviderTrafficAndUtilization()
    {
        var table = RenderTable();

        var row = table.Find("[data-key='192.0.2.1/1']");
        Assert.Equal("interfaces/192.0.2.1/1", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("192.0.2.1 if 1", row.QuerySelector("a")!.TextContent);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["et-0/0/1", "transit", "ntt"], cells.Take(3));
        Assert.Equal("90000", row.QuerySelector("[data-testid=in-bytes]")!.GetAttribute("data-bytes"));
        Assert.Contains("90.0 kB", row.QuerySelector("[data-testid=in-bytes]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("20.0%", row.QuerySelector("[data-testid=in-utilization]")!.TextContent.Trim()); // 200 bit/s of 1000
        Assert.Contains("sFlow ifSpeed", row.TextContent, StringComparison.Ordinal);
        var idle = table.Find("[data-key='192.0.2.1/3']");
        Assert.Equal("unclassified", idle.QuerySelector("[data-testid=unclassified]")!.TextContent);
        Assert.Equal("n/a: no speed known: configure it or send sFlow counters", idle.QuerySelector("[data-testid=in-utilization]")!.TextContent.Trim());
    }

    [Fact]
    public void Sort_ByOut_DescendingThenAscending()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-Out]").Click();
        Assert.Equal("192.0.2.1/4", Keys(table).First());
        Assert.Equal("descending", table.Find("[data-testid=sort-Out]").ParentElement!.GetAttribute("aria-sort"));

        table.Find("[data-testid=sort-Out]").Click();
        Assert.Equal("ascending", table.Find("[data-testid=sort-Out]").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("192.0.2.1/4", Keys(table).Last());
    }

    [Fact]
    public void Sort_ByClass_NamedAlphabeticallyUnclassifiedLast()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-Connectivity]").Click();

        Assert.Equal(["192.0.2.1/4", "192.0.2.1/1"], Keys(table).Take(2)); // ix, transit
        Assert.All(Keys(table).Skip(2), key => Assert.Contains(key, new[] { "192.0.2.1/2", "192.0.2.1/3", "192.0.2.1/5" }));
    }

    [Fact]
    public void Render_NoRows_SaysSo()
    {
        var table = Render<InterfaceTable>(p => p.Add(t => t.Rows, []).Add(t => t.InterfaceHref, _ => ""));

        Assert.Single(table.FindAll("[data-testid=no-interfaces]"));
    }

    [Fact]
    public void Render_RateSource_MarkerPerRowAndExactUtilization()
    {
        var counted = Rows[0] with { Source = RateSource.Counters, InBitsPerSecond = 250 };
        var table = Render<InterfaceTable>(p => p.Add(t => t.Rows, [counted, Rows[1]]).Add(t => t.InterfaceHref, _ => ""));

        var markers = table.FindAll("[data-testid=rate-source]").ToDictionary(m => m.Closest("tr")!.GetAttribute("data-key")!, m => m.TextContent);
        Assert.Equal("counters", markers["192.0.2.1/1"]);
        Assert.Equal("flows", markers["192.0.2.1/2"]);
        Assert.Contains("counters", table.Find("[data-key='192.0.2.1/1'] [data-testid=rate-source]").ClassList);
        var utilization = table.Find("[data-key='192.0.2.1/1'] [data-testid=in-utilization]");
        Assert.Equal("25.0%", utilization.TextContent.Trim());
        Assert.Equal("0.25", utilization.GetAttribute("data-utilization"));
        Assert.Null(table.Find("[data-key='192.0.2.1/2'] [data-testid=in-utilization]").GetAttribute("data-utilization"));
    }
}
