using FlowViz.Core.Flows;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class FlowsTests : WebTestContext
{
    private static readonly FlowCursor SecondPage = new(1, Sample.Now.UtcDateTime, 7, 1);

    public FlowsTests()
    {
        FlowRecords.Answer = q => q.After is null
            ? new FlowPage([Flow(1_500, 443), Flow(40, 53)], SecondPage)
            : new FlowPage([Flow(99, 22)], null);
    }

    private static FlowRecord Flow(ulong bytes, ushort dstPort) => new()
    {
        TimeReceived = Sample.Now.UtcDateTime.AddMinutes(-1),
        SrcAddr = FlowAddress.Parse("192.0.2.7"),
        DstAddr = FlowAddress.Parse("2001:db8::1"),
        SrcPort = 50_000,
        DstPort = dstPort,
        Protocol = 6,
        Bytes = bytes,
        Packets = 3,
        SamplingRate = 1,
        TrafficDirection = TrafficDirection.Out,
        Application = "https",
    };

    [Fact]
    public void Render_Flows_ShowsOneRowPerFlowWithNfdumpColumns()
    {
        var page = Render<Flows>();

        var rows = page.FindAll("[data-testid=flow-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("192.0.2.7:50000", rows[0].QuerySelector("[data-testid=flow-src]")!.TextContent);
        Assert.Equal("[2001:db8::1]:443", rows[0].QuerySelector("[data-testid=flow-dst]")!.TextContent);
        Assert.Equal("1500", rows[0].QuerySelector("[data-testid=flow-bytes]")!.GetAttribute("data-value"));
        Assert.Contains("out", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(FlowSortColumns.Default, FlowRecords.Calls.Single().SortBy);
        Assert.Equal(Flows.PageSize, FlowRecords.Calls.Single().Limit);
    }

    [Fact]
    public void Next_ThenPrevious_PagesWithTheCursorAndBack()
    {
        var page = Render<Flows>();
        Assert.True(page.Find("[data-testid=page-previous]").HasAttribute("disabled"));

        page.Find("[data-testid=page-next]").Click();

        Assert.Equal(SecondPage, FlowRecords.Calls[^1].After);
        Assert.Single(page.FindAll("[data-testid=flow-row]"));
        Assert.True(page.Find("[data-testid=page-next]").HasAttribute("disabled"));
        page.Find("[data-testid=page-previous]").Click();
        Assert.Null(FlowRecords.Calls[^1].After);
        Assert.Equal(2, page.FindAll("[data-testid=flow-row]").Count);
    }

    [Fact]
    public void SortHeader_Click_PutsSortInUrlAndQueriesIt()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<Flows>();

        page.Find("[data-testid=sort-bytes]").Click();

        Assert.Contains("sort=bytes", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("bytes", FlowRecords.Calls[^1].SortBy);
        Assert.True(FlowRecords.Calls[^1].Descending);
        Assert.Equal("descending", page.Find("[data-testid=sort-bytes]").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void Render_FilterInUrl_LinksCsvAndGraphsWithTheSameFilter()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("flows?filter=proto%20tcp&range=1h");

        var page = Render<Flows>();

        var csv = page.Find("[data-testid=csv-link]").GetAttribute("href")!;
        Assert.StartsWith("api/v1/flows?format=csv&from=", csv, StringComparison.Ordinal);
        Assert.EndsWith("&filter=proto%20tcp", csv, StringComparison.Ordinal);
        Assert.Equal("?range=1h&filter=proto%20tcp", page.Find("[data-testid=graph-overview]").GetAttribute("href"));
        Assert.Equal("as?range=1h&filter=proto%20tcp", page.Find("[data-testid=graph-as]").GetAttribute("href"));
        Assert.NotNull(FlowRecords.Calls.Single().Filter);
    }

    [Fact]
    public void Render_BadFilterInUrl_ShowsErrorAndQueriesNothing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("flows?filter=proto%20(");

        var page = Render<Flows>();

        Assert.StartsWith("The filter in the address does not parse", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(FlowRecords.Calls);
        Assert.Empty(page.FindAll("[data-testid=csv-link]"));
    }
}
