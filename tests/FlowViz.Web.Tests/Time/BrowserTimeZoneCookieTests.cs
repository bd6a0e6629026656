using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace FlowViz.Web.Tests.Time;

/// <summary>
/// The zone cookie: a page rendered for a request that carries the zone the browser reported on an earlier page shows
/// its times and draws its charts in that zone from its first render (the prerender), not in UTC until the circuit
/// has asked the browser; values that name no zone, or are not shaped like one, are ignored.
/// </summary>
public sealed class BrowserTimeZoneCookieTests : WebTestContext
{
    private const string CookieZone = "Asia/Tokyo";

    public BrowserTimeZoneCookieTests()
    {
        Queries.Totals = Sample.Totals;
        Queries.Top = Sample.Top;
        Queries.Series = Sample.Series();
    }

    /// <summary>The request being rendered carries the cookie (AddFlowVizUi registers the accessor; it flows with the test's context).</summary>
    private void RequestWithCookie()
    {
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = $"{BrowserTimeZone.CookieName}={Uri.EscapeDataString(CookieZone)}";
        Services.GetRequiredService<IHttpContextAccessor>().HttpContext = request;
    }

    [Fact]
    public void Render_CookieZoneAndBrowserCannotTell_ChartsDrawnInTheCookieZoneFromTheFirstRender()
    {
        RequestWithCookie();
        BrowserModule.Setup<string>("timeZone").SetException(new JSException("Intl is not available"));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(ChartModule.Invocations["create"]));
        Assert.Equal($"Times in {CookieZone}", page.Find("[data-testid=time-zone]").TextContent);
        Assert.All(ChartModule.Invocations["create"], c => Assert.Equal(CookieZone, Assert.IsType<ChartPayload>(c.Arguments[1]).TimeZone));
        // Drawn in UTC first, the charts would have been updated to the zone once it was known.
        Assert.Empty(ChartModule.Invocations["update"]);
    }

    [Fact]
    public void Render_BrowserAnswersAnotherZone_TheBrowsersAnswerWins()
    {
        // WebTestContext's browser module answers Europe/Berlin: the user travelled since the cookie was written.
        RequestWithCookie();
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Equal("Times in Europe/Berlin", page.Find("[data-testid=time-zone]").TextContent));
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("UTC", "UTC")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+3", "Etc/GMT+3")]
    [InlineData("Not/AZone", null)]
    [InlineData("../../../etc/passwd", null)]
    [InlineData("Europe/../../etc/passwd", null)]
    [InlineData("/etc/localtime", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ZoneOfCookie_NamesAKnownZoneOrNothing(string? value, string? expected) =>
        Assert.Equal(expected, BrowserTimeZone.ZoneOfCookie(value)?.Id);
}
