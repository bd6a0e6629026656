using System.Text.Json;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

public sealed class ExportersPageTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Exporters_AfterKnownExportStream_TableEqualsTheApi()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        var loadStarted = DateTimeOffset.UtcNow;
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/exporters").ToString());
        await Browser.WaitForCircuitAsync(page);
        var row = page.Locator("[data-testid=exporter-row][data-address='127.0.0.1']");
        await row.WaitForAsync();
        var api = Assert.Single((await fixture.GetJsonAsync("/api/v1/exporters")).GetProperty("exporters").EnumerateArray());

        var cells = await row.Locator("td").EvaluateAllAsync<string?[]>("cells => cells.map(c => c.dataset.value ?? null)");
        // Columns after the address: status, datagrams, flows, packets, bytes, templates, data without template, …
        Assert.Equal(api.GetProperty("datagrams").GetInt64().ToString(), cells[1]);
        Assert.Equal(api.GetProperty("flows").GetInt64().ToString(), cells[2]);
        Assert.Equal(api.GetProperty("packets").GetInt64().ToString(), cells[3]);
        Assert.Equal(api.GetProperty("bytes").GetInt64().ToString(), cells[4]);
        Assert.Equal(api.GetProperty("templatesKnown").GetInt32().ToString(), cells[5]);
        Assert.Equal(api.GetProperty("dataSetsWithoutTemplate").GetInt64().ToString(), cells[6]);
        Assert.Equal(KnownTraffic.Flows.ToString(), cells[2]);
        var lost = api.GetProperty("sequences").EnumerateArray().Sum(s => s.GetProperty("lost").GetInt64());
        Assert.Equal(lost.ToString(), await row.GetByTestId("loss").GetAttributeAsync("data-value"));
        var malformed = api.GetProperty("malformed").EnumerateObject().Sum(r => r.Value.GetInt64());
        Assert.Equal(malformed.ToString(), await row.GetByTestId("malformed").GetAttributeAsync("data-value"));
        Assert.Equal("unsampled", await row.GetByTestId("sampling").InnerTextAsync());
        // The status follows the last datagram's age when the page rendered it: a slow run can outlast SilentAfter
        // since the stream was sent, and can cross it while this test runs. Where the age was on one side of
        // SilentAfter for the whole test, only that status is right; across it, either is.
        var lastSeen = new DateTimeOffset(api.GetProperty("lastSeen").GetDateTime().ToUniversalTime());
        var status = await row.GetByTestId("status").InnerTextAsync();
        var silentAfter = FlowViz.Web.Exporters.ExporterReport.SilentAfter;
        var allowed = new HashSet<string>();
        if (loadStarted - lastSeen <= silentAfter || DateTimeOffset.UtcNow - lastSeen <= silentAfter)
        {
            allowed.Add("Sending");
        }
        if (loadStarted - lastSeen > silentAfter || DateTimeOffset.UtcNow - lastSeen > silentAfter)
        {
            allowed.Add("Silent");
        }
        Assert.Contains(status, allowed);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Exporters_ClickFlowsHeader_SortKeptInUrl()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/exporters").ToString());
        await Browser.WaitForCircuitAsync(page);
        await page.GetByTestId("exporter-row").First.WaitForAsync();

        await page.GetByTestId("sort-flows").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=-flows"));
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Flows");
        Assert.Empty(errors);
    }
}
