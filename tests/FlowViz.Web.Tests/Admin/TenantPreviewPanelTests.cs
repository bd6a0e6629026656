using FlowViz.Identity.Tenants;
using FlowViz.Web.Components.Admin;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Admin;

public class TenantPreviewPanelTests : BunitContext
{
    private static readonly TimeRange LastHour = TimeRange.Last(TimeSpan.FromHours(1), Sample.Now);

    [Fact]
    public void Render_Result_TotalsAndTheTopTablesOfAsesAndInterfaces()
    {
        var origin = new TopResult([new TopRow("64501", "AS64501", 20, 40, 6_000)], TrafficTotals.Zero);
        var source = new TopResult([new TopRow("64501", "AS64501", 20, 40, 6_000)], TrafficTotals.Zero);
        var interfaces = new TopResult([new TopRow("127.0.0.1/11", "127.0.0.1 #11", 15, 30, 5_000), new TopRow("127.0.0.1/12", "127.0.0.1 #12", 5, 10, 1_000)], TrafficTotals.Zero);

        var panel = Render<TenantPreviewPanel>(p => p.Add(x => x.Result,
            new TenantPreviewResult(LastHour, new TrafficTotals(20, 40, 6_000), origin, source, interfaces)));

        Assert.Equal("20", panel.Find("[data-testid=total-flows]").GetAttribute("data-value"));
        Assert.Equal("6000", panel.Find("[data-testid=total-bytes]").GetAttribute("data-value"));
        var tables = panel.FindAll("[data-testid=top-table]");
        Assert.Equal(["Top origin ASes", "Top source ASes", "Top input interfaces"], tables.Select(t => t.QuerySelector("caption")!.TextContent));
        Assert.Equal(["127.0.0.1/11", "127.0.0.1/12"], tables[2].QuerySelectorAll("[data-testid=top-row]").Select(r => r.GetAttribute("data-key")));
        Assert.Contains("2026-11-23 11:00 – 2026-11-23 12:00 UTC", System.Text.RegularExpressions.Regex.Replace(panel.Find(".hint").TextContent, @"\s+", " "));
        Assert.Empty(panel.FindAll("[data-testid=preview-empty]"));
    }

    [Fact]
    public void Render_NothingInScope_SaysSoWithoutTables()
    {
        var none = new TopResult([], TrafficTotals.Zero);

        var panel = Render<TenantPreviewPanel>(p => p.Add(x => x.Result, new TenantPreviewResult(LastHour, TrafficTotals.Zero, none, none, none)));

        Assert.NotNull(panel.Find("[data-testid=preview-empty]"));
        Assert.Empty(panel.FindAll("[data-testid=top-table]"));
    }
}
