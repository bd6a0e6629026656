using ExportersPage = FlowViz.Web.Components.Pages.Exporters;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class ExportersTests : WebTestContext
{
    public ExportersTests()
    {
        Exporters.Rows = SampleExporters.Both;
    }

    [Fact]
    public void Render_Operator_SeesThePipelineCounters()
    {
        Authorization.SetAuthorized("operator");
        Authorization.SetPolicies(FlowViz.Web.Accounts.AuthPolicies.Operator);
        Exporters.PipelineRows = Exporters.PipelineRows with { DatagramsReceived = 1234 };

        var page = Render<ExportersPage>();

        Assert.Equal("1234", page.Find("[data-testid=pipeline-datagrams-received] td").GetAttribute("data-value"));
    }

    [Fact]
    public void Render_TenantViewer_DoesNotSeeCollectorWideCounters()
    {
        Authorization.SetAuthorized("viewer"); // logged in, but without the operator policy

        var page = Render<ExportersPage>();

        Assert.Equal(2, page.FindAll("[data-testid=exporter-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=pipeline-table]"));
    }

    [Fact]
    public void Render_Exporters_TableAndSummaryCountingSilentOnes()
    {
        var page = Render<ExportersPage>();

        Assert.Equal(2, page.FindAll("[data-testid=exporter-row]").Count);
        Assert.Equal("2 exporters, 1 silent (nothing received for 5 minutes).", page.Find("[data-testid=exporter-summary]").TextContent);
    }

    [Fact]
    public void Render_NoExporters_SaysWhereToPointOne()
    {
        Exporters.Rows = [];

        var page = Render<ExportersPage>();

        Assert.Contains("point one at UDP port 2055", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=exporter-table]"));
    }

    [Fact]
    public void Render_StatisticsFail_SaysWhatHappened()
    {
        Exporters.Failure = new InvalidOperationException("collector not started");

        var page = Render<ExportersPage>();

        Assert.Equal("Could not read the exporter statistics: collector not started", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void ClickSort_Flows_PutsItInUrlAndReorders()
    {
        var page = Render<ExportersPage>();

        page.Find("[data-testid=sort-datagrams]").Click();

        Assert.Equal("http://localhost/?sort=-datagrams", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("10.0.0.9", page.FindAll("[data-testid=exporter-row]")[0].GetAttribute("data-address"));
    }

    [Fact]
    public void Timer_Elapsed_ReadsCountersAgain()
    {
        var page = Render<ExportersPage>();
        Exporters.Rows = [SampleExporters.Sending];

        Clock.Advance(ExportersPage.RefreshInterval);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=exporter-row]")));
    }

    [Fact]
    public void Timer_BrowserGone_ReadsCountersOnlyWhenBack()
    {
        var page = Render<ExportersPage>();
        Exporters.Rows = [SampleExporters.Sending];

        Connection.MarkLost();
        Clock.Advance(ExportersPage.RefreshInterval * 2);
        Assert.Equal(2, page.FindAll("[data-testid=exporter-row]").Count);

        Connection.MarkRestored();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=exporter-row]")));
    }

    [Fact]
    public void ClickUtc_PutsZoneInUrl()
    {
        var page = Render<ExportersPage>();

        page.Find("[data-testid=zone-utc]").Click();

        Assert.Equal("http://localhost/?tz=utc", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("Times in UTC", page.Find("[data-testid=time-zone]").TextContent);
    }
}
