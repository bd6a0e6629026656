using FlowViz.Web.Components.Applications;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public class DirectionShareTableTests : BunitContext
{
    private IRenderedComponent<DirectionShareTable> RenderTable(string unit, Func<string, string?>? href = null) =>
        Render<DirectionShareTable>(p => p
            .Add(t => t.Rows, DirectionRow.Of(SampleDirections.Series())).Add(t => t.Unit, unit).Add(t => t.KeyHeader, "Application")
            .Add(t => t.KeyHref, href));

    [Fact]
    public void Of_SplitSeries_OneRowPerKeyWithDirectionTotals()
    {
        var rows = DirectionRow.Of(SampleDirections.Series());

        Assert.Equal(
            [new DirectionRow("dns", "dns", 24_000, 6_000, 0), new DirectionRow("ssh", "ssh", 0, 12_000, 1_200), new DirectionRow("other", "Other", 3_000, 0, 0)],
            rows);
    }

    [Fact]
    public void Render_Packets_AmountsSharesOfOutAndInAndTotalLine()
    {
        var table = RenderTable("packets/s");

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["dns", "ssh", "other"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Equal(["dns", "24.0k", "88.9%", "6.00k", "33.3%", "0", "30.0k"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["ssh", "0", "0.0%", "12.0k", "66.7%", "1.20k", "13.2k"], rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("direction-other", rows[2].GetAttribute("data-testid"));
        var total = table.Find("[data-testid=direction-total]");
        Assert.Equal(["TOTAL", "27.0k", "100.0%", "18.0k", "100.0%", "1.20k", "46.2k"], total.Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("46200", total.Children[6].GetAttribute("data-value"));
        Assert.Contains("(totals in packets)", table.Find("caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Bits_AmountsInBytes()
    {
        var table = RenderTable("bit/s");

        // dns out: 24 000 bits = 3 000 bytes.
        var dnsOut = table.Find("[data-key=dns]").Children[1];
        Assert.Equal("3000", dnsOut.GetAttribute("data-value"));
        Assert.Equal("3.00 kB", dnsOut.TextContent.Trim());
        Assert.Contains("(totals in bytes)", table.Find("caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeyHref_LinksKeysItAnswersForButNeverOther()
    {
        var table = RenderTable("flows/s", key => key == "dns" ? $"applications?filter=app%20{key}" : null);

        Assert.Equal("applications?filter=app%20dns", table.Find("[data-key=dns] a").GetAttribute("href"));
        Assert.Empty(table.FindAll("[data-key=ssh] a"));
        Assert.Empty(table.FindAll("[data-key=other] a"));
    }
}
