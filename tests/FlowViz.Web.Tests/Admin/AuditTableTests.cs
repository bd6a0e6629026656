using FlowViz.Identity.Audit;
using FlowViz.Web.Components.Admin;

namespace FlowViz.Web.Tests.Admin;

public class AuditTableTests : BunitContext
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static AuditPage PageOf(int page, int total) => new(
        [new AuditEntry { Id = 7, At = new DateTimeOffset(2026, 11, 23, 11, 30, 5, TimeSpan.Zero), Actor = "admin", Action = AuditActions.TokenCreated, Detail = "token 3 'ci'", RemoteAddress = "192.0.2.9" }],
        page, 50, total);

    [Fact]
    public void Render_Entry_TimeInTheGivenZone_NamedInTheCaption()
    {
        var table = Render<AuditTable>(p => p.Add(t => t.Page, PageOf(1, 1)).Add(t => t.TimeZone, Berlin));

        var cells = table.Find("[data-testid=audit-row]").Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["2026-11-23 12:30:05", "admin", "token.created", "token 3 'ci'", "192.0.2.9"], cells);
        Assert.Equal("2026-11-23T11:30:05.0000000Z", table.Find("time").GetAttribute("datetime"));
        Assert.Contains("Europe/Berlin (UTC+01:00)", table.Find("caption").TextContent);
    }

    [Fact]
    public void Pager_MiddlePage_BothDirectionsWork()
    {
        var asked = new List<int>();
        var table = Render<AuditTable>(p => p.Add(t => t.Page, PageOf(2, 120)).Add(t => t.PageChanged, page => asked.Add(page)));
        Assert.Equal("Page 2 of 3 (120 entries)", table.Find("[data-testid=audit-position]").TextContent);

        table.Find("[data-testid=audit-next]").Click();
        table.Find("[data-testid=audit-previous]").Click();

        Assert.Equal([3, 1], asked);
    }

    [Fact]
    public void Pager_FirstAndLastPage_CannotGoPastTheEnds()
    {
        var first = Render<AuditTable>(p => p.Add(t => t.Page, PageOf(1, 120)));
        var last = Render<AuditTable>(p => p.Add(t => t.Page, PageOf(3, 120)));

        Assert.True(first.Find("[data-testid=audit-previous]").HasAttribute("disabled"));
        Assert.False(first.Find("[data-testid=audit-next]").HasAttribute("disabled"));
        Assert.True(last.Find("[data-testid=audit-next]").HasAttribute("disabled"));
        Assert.Contains("UTC", last.Find("caption").TextContent);
    }
}
