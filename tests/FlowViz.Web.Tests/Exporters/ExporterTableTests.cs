using FlowViz.Web.Components.Exporters;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Exporters;

public class ExporterTableTests : BunitContext
{
    private ExporterSort? _sorted;

    [Fact]
    public void Render_Exporters_OneRowEachWithTheirCounters()
    {
        var table = RenderTable(ExporterSort.Default);

        var row = table.Find("[data-address='10.0.0.9']");
        Assert.Equal(["10.0.0.9", "Sending", "120", "4.50k", "90.0k", "81.0 MB", "5", "2", "unsampled", "0 (0.00%)", "0", "3 s ago"],
            row.Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("81000000", row.Children[5].GetAttribute("data-value"));
    }

    [Fact]
    public void Render_SilentExporter_RedRowThatSaysSilent()
    {
        var table = RenderTable(ExporterSort.Default);

        var silent = table.Find("[data-address='10.0.0.10']");
        Assert.Contains("silent", silent.ClassList);
        Assert.Equal("Silent", silent.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Equal("1:512", silent.QuerySelector("[data-testid=sampling]")!.TextContent.Split(", ")[1]);
        Assert.Equal("malformed 1, truncated 3", silent.QuerySelector("[data-testid=malformed]")!.TextContent);
        Assert.Equal("10 (20.00%)", silent.QuerySelector("[data-testid=loss]")!.TextContent);
        Assert.Equal("1 h ago", silent.QuerySelector("[data-testid=last-seen]")!.TextContent);
        Assert.DoesNotContain("silent", table.Find("[data-address='10.0.0.9']").ClassList);
    }

    [Fact]
    public void Render_DefaultSort_AddressesInNumericOrder()
    {
        var table = RenderTable(ExporterSort.Default);

        Assert.Equal(["10.0.0.9", "10.0.0.10"], Addresses(table));
        Assert.Equal("ascending", table.Find("th:first-child").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Render_SortedByFlowsDescending_LargestFirst()
    {
        var table = RenderTable(ExporterSort.Parse("-malformed"));

        Assert.Equal(["10.0.0.10", "10.0.0.9"], Addresses(table));
        Assert.Equal("descending", table.Find("[data-testid=sort-malformed]").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void ClickHeader_OtherColumn_AsksForItsLargestFirst()
    {
        var table = RenderTable(ExporterSort.Default);

        table.Find("[data-testid=sort-flows]").Click();

        Assert.Equal("-flows", _sorted!.ToString());
    }

    [Fact]
    public void ClickHeader_SortedColumn_FlipsDirection()
    {
        var table = RenderTable(ExporterSort.Parse("-flows"));

        table.Find("[data-testid=sort-flows]").Click();

        Assert.Equal("flows", _sorted!.ToString());
    }

    [Fact]
    public void Render_TimeZone_LastSeenExactInIt()
    {
        var table = Render<ExporterTable>(p => p
            .Add(t => t.Rows, [SampleExporters.Sending])
            .Add(t => t.Now, Sample.Now)
            .Add(t => t.TimeZone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

        Assert.Equal("2026-11-23 20:59:57 +09:00 (Asia/Tokyo)", table.Find("[data-testid=last-seen]").GetAttribute("title"));
    }

    private IRenderedComponent<ExporterTable> RenderTable(ExporterSort sort) =>
        Render<ExporterTable>(p => p
            .Add(t => t.Rows, SampleExporters.Both)
            .Add(t => t.Sort, sort)
            .Add(t => t.Now, Sample.Now)
            .Add(t => t.SortChanged, (ExporterSort s) => _sorted = s));

    private static string[] Addresses(IRenderedComponent<ExporterTable> table) =>
        [.. table.FindAll("[data-testid=exporter-row]").Select(r => r.GetAttribute("data-address")!)];
}
