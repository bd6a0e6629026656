using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Tests.Components;

public class SeriesStatsTableTests : BunitContext
{
    // Step 60 s; AS 64500: rates 1000 and 3000 bit/s → avg 2000, max 3000, p95 3000, total 240 000 bit = 30.0 kB.
    private static readonly SeriesResult Series = new(60,
    [
        new TrafficSeries("64500", "AS64500", [Point(0, 1000), Point(60, 3000)]),
        new TrafficSeries("64501", "AS64501", [Point(0, 8000), Point(60, 0)]),
        new TrafficSeries(TrafficSeries.OtherKey, "Other", [Point(0, 100_000), Point(60, 100_000)]),
    ]);

    private static SeriesPoint Point(int seconds, double rate) => new(seconds, rate);

    private IRenderedComponent<SeriesStatsTable> RenderTable() => Render<SeriesStatsTable>(p => p
        .Add(t => t.Rows, SeriesStatsRow.Of(Series)).Add(t => t.Unit, "bit/s").Add(t => t.KeyHeader, "Origin AS")
        .Add(t => t.KeyHref, key => $"as/{key}"));

    [Fact]
    public void Render_Rows_StatisticsByTotalAndLinksOtherLast()
    {
        var table = RenderTable();

        var rows = table.FindAll("tbody tr");
        // Default sort: total, largest first (AS64501: 8000 bit/s × 60 s = 60.0 kB).
        Assert.Equal(["64501", "64500", "other"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Equal(["AS64500", "2.00 kbit/s", "3.00 kbit/s", "3.00 kbit/s", "30.0 kB"], rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("as/64500", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(rows[2].QuerySelector("a"));
        Assert.Equal("stats-other", rows[2].GetAttribute("data-testid"));
    }

    [Fact]
    public void ClickMax_SortsByMaxDescendingThenAscending_OtherStaysLast()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-Max]").Click();
        Assert.Equal(["64501", "64500", "other"], table.FindAll("tbody tr").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("descending", table.Find("[data-testid=sort-Max]").ParentElement!.GetAttribute("aria-sort"));

        table.Find("[data-testid=sort-Max]").Click();
        Assert.Equal(["64500", "64501", "other"], table.FindAll("tbody tr").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("ascending", table.Find("[data-testid=sort-Max]").ParentElement!.GetAttribute("aria-sort"));
    }
}
