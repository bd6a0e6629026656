using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public sealed class CompletenessNoteTests : WebTestContext
{
    [Fact]
    public void CompleteAnswer_ShowsNothing()
    {
        var note = Render<CompletenessNote>(p => p.Add(c => c.Selection, RangeSelection.Default));

        Assert.Empty(note.FindAll("[data-testid=complete-from]"));
        Assert.Single(Completeness.Calls);
    }

    [Fact]
    public void ShortAnswer_SaysFromWhenInThePagesZone_AskedWithTheRangeFilterAndDimension()
    {
        Completeness.CompleteFrom = new DateTimeOffset(2026, 11, 8, 12, 0, 0, TimeSpan.Zero);
        var filter = FilterParser.Parse("src net 192.0.2.0/24");
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var note = Render<CompletenessNote>(p => p
            .Add(c => c.Selection, RangeSelection.Relative(RangePreset.All.Single(r => r.Span == TimeSpan.FromDays(30))))
            .Add(c => c.Filter, filter)
            .Add(c => c.By, FlowDimension.Application)
            .Add(c => c.TimeZone, tokyo));

        var text = note.Find("[data-testid=complete-from]").TextContent;
        Assert.Contains("2026-11-08 21:00 (Asia/Tokyo, UTC+09:00)", text);
        var (range, by, asked) = Assert.Single(Completeness.Calls);
        Assert.Equal(Sample.Now.AddDays(-30), range.From);
        Assert.Equal(FlowDimension.Application, by);
        Assert.Same(filter, asked);
    }

    [Fact]
    public void SameQueryAgain_IsNotAskedTwice_ANewFilterIs()
    {
        var note = Render<CompletenessNote>(p => p.Add(c => c.Selection, RangeSelection.Default));
        note.Render(p => p.Add(c => c.Selection, RangeSelection.Default));
        Assert.Single(Completeness.Calls);

        note.Render(p => p.Add(c => c.Filter, FilterParser.Parse("proto udp")));
        Assert.Equal(2, Completeness.Calls.Count);
    }
}
